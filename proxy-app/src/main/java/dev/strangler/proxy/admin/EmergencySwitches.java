package dev.strangler.proxy.admin;

import dev.strangler.proxy.routing.EmergencySwitch;
import dev.strangler.proxy.rules.RulesState;
import dev.strangler.proxy.rules.RulesState.ReloadOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emergency switch: an operator sends a rule (or every rule) to the monolith on this instance,
 * until the switch is cleared or a new rules version is applied. A switch belongs to the rules
 * version it was set under, so one set while a reload lands never outlives that reload. Every
 * change is logged at WARN with who made it.
 */
public final class EmergencySwitches implements EmergencySwitch {

  /** The rule id that switches every rule. */
  public static final String ALL = "*";

  private static final Logger log = LoggerFactory.getLogger(EmergencySwitches.class);

  /**
   * One switch.
   *
   * @param rule a rule id, or {@code *} for every rule
   * @param by the user who set it
   */
  public record Switch(String rule, String by, Instant at) {}

  /** The switches of one rules version, in the order they were set; replaced whole on change. */
  private record State(long rulesVersion, Map<String, Switch> switches) {}

  private final Clock clock;
  private final AtomicReference<State> state;

  public EmergencySwitches(Clock clock, long rulesVersion) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.state = new AtomicReference<>(new State(rulesVersion, Map.of()));
  }

  /** Clears every switch whenever a new rules version is applied. */
  public void follow(RulesState rules) {
    rules.onReload(
        outcome -> {
          if (outcome instanceof ReloadOutcome.Applied applied) {
            rulesApplied(applied.rules().version());
          }
        });
  }

  @Override
  public boolean isOn(long rulesVersion, String ruleId) {
    State current = state.get();
    if (current.switches().isEmpty() || current.rulesVersion() != rulesVersion) {
      return false;
    }
    return current.switches().containsKey(ruleId) || current.switches().containsKey(ALL);
  }

  /** The switch that sends {@code ruleId} to the monolith, or {@code null}. */
  public Switch switchOf(long rulesVersion, String ruleId) {
    State current = state.get();
    if (current.rulesVersion() != rulesVersion) {
      return null;
    }
    Switch own = current.switches().get(ruleId);
    return own != null ? own : current.switches().get(ALL);
  }

  /** The switches in force under {@code rulesVersion}. */
  public List<Switch> active(long rulesVersion) {
    State current = state.get();
    return current.rulesVersion() == rulesVersion
        ? List.copyOf(current.switches().values())
        : List.of();
  }

  /** Sends {@code rule} ({@code *}: every rule) to the monolith under {@code rulesVersion}. */
  public Switch switchOn(long rulesVersion, String rule, String by) {
    Switch added = new Switch(rule, by, clock.instant());
    state.updateAndGet(
        current -> {
          Map<String, Switch> switches =
              new LinkedHashMap<>(
                  current.rulesVersion() == rulesVersion ? current.switches() : Map.of());
          switches.put(rule, added);
          return new State(rulesVersion, Map.copyOf(switches));
        });
    log.warn(
        "Emergency switch ON by '{}': {} to the monolith on this instance until cleared or the"
            + " rules change (rules version {})",
        by,
        ALL.equals(rule) ? "every rule" : "rule '" + rule + "'",
        rulesVersion);
    return added;
  }

  /**
   * Clears the switch of {@code rule}, or every switch for {@code *}.
   *
   * @return whether a switch was cleared
   */
  public boolean clear(long rulesVersion, String rule, String by) {
    State before =
        state.getAndUpdate(
            current -> {
              if (current.rulesVersion() != rulesVersion) {
                return current;
              }
              if (ALL.equals(rule)) {
                return new State(rulesVersion, Map.of());
              }
              Map<String, Switch> switches = new LinkedHashMap<>(current.switches());
              switches.remove(rule);
              return new State(rulesVersion, Map.copyOf(switches));
            });
    boolean cleared =
        before.rulesVersion() == rulesVersion
            && (ALL.equals(rule)
                ? !before.switches().isEmpty()
                : before.switches().containsKey(rule));
    log.warn(
        "Emergency switch OFF by '{}': {}{}",
        by,
        ALL.equals(rule) ? "every switch" : "rule '" + rule + "'",
        cleared ? "" : " (was not on)");
    return cleared;
  }

  private void rulesApplied(long newVersion) {
    State before = state.getAndSet(new State(newVersion, Map.of()));
    if (!before.switches().isEmpty()) {
      log.warn(
          "Rules version {} applied: emergency switches cleared ({})",
          newVersion,
          before.switches().values().stream()
              .map(s -> s.rule() + " by '" + s.by() + "'")
              .collect(Collectors.joining(", ")));
    }
  }

  @Override
  public String toString() {
    return "EmergencySwitches" + state.get().switches().keySet();
  }
}
