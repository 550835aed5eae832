package dev.strangler.proxy.rules;

import dev.strangler.proxy.rules.RulesState.ReloadOutcome;
import dev.strangler.rules.model.RouteRule;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * {@code strangler.rules.reloads{result=applied|rejected}}, {@code strangler.rules.version}, {@code
 * strangler.rules.count}, and {@code strangler.canary.percent{route}} for each rule in force (a
 * rule's gauge goes when the rule does).
 */
final class RulesMeters implements MeterBinder {

  private final RulesState state;
  private final Map<String, Gauge> canaries = new ConcurrentHashMap<>();

  RulesMeters(RulesState state) {
    this.state = state;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Counter applied = reloads(registry, "applied");
    Counter rejected = reloads(registry, "rejected");
    state.onReload(
        outcome -> {
          (outcome instanceof ReloadOutcome.Applied ? applied : rejected).increment();
          if (outcome instanceof ReloadOutcome.Applied) {
            followCanaries(registry);
          }
        });
    followCanaries(registry);
    Gauge.builder("strangler.rules.version", state, s -> s.current().version())
        .description("Version of the rules in force: 1 at start, +1 for each change applied")
        .register(registry);
    Gauge.builder("strangler.rules.count", state, s -> s.current().table().rules().routes().size())
        .description("Number of rules in force")
        .register(registry);
  }

  private synchronized void followCanaries(MeterRegistry registry) {
    Set<String> ids =
        state.current().table().rules().routes().stream()
            .map(RouteRule::id)
            .collect(Collectors.toSet());
    canaries
        .keySet()
        .removeIf(
            id -> {
              if (ids.contains(id)) {
                return false;
              }
              registry.remove(canaries.get(id));
              return true;
            });
    for (String id : ids) {
      canaries.computeIfAbsent(
          id,
          rule ->
              Gauge.builder("strangler.canary.percent", state, s -> percentOf(s, rule))
                  .description("Share of a rule's requests that its canary sends to Lambda, in %")
                  .tag("route", rule)
                  .register(registry));
    }
  }

  /** The rule's canary percent in the rules in force, or NaN once it is gone. */
  private static double percentOf(RulesState state, String id) {
    for (RouteRule rule : state.current().table().rules().routes()) {
      if (rule.id().equals(id)) {
        return rule.canary().basisPoints() / 100.0;
      }
    }
    return Double.NaN;
  }

  private static Counter reloads(MeterRegistry registry, String result) {
    return Counter.builder("strangler.rules.reloads")
        .description("Changes to the rules file, applied or rejected")
        .tag("result", result)
        .register(registry);
  }
}
