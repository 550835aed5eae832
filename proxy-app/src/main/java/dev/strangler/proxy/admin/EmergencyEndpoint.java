package dev.strangler.proxy.admin;

import dev.strangler.proxy.rules.LoadedRules;
import dev.strangler.proxy.rules.RulesState;
import dev.strangler.rules.model.RouteRule;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/emergency}: {@code POST {"rule":"product-reads"}} (or {@code "*"}) sends a rule
 * to the monolith on this instance, {@code DELETE ?rule=product-reads} (or {@code *}) clears it,
 * {@code GET} lists the switches. A new rules version clears them all.
 */
@Endpoint(id = "emergency")
public final class EmergencyEndpoint {

  private final EmergencySwitches switches;
  private final RulesState rules;

  EmergencyEndpoint(EmergencySwitches switches, RulesState rules) {
    this.switches = switches;
    this.rules = rules;
  }

  @ReadOperation
  public Switches list() {
    return state(rules.current().version());
  }

  @WriteOperation
  public Switches switchOn(String rule, SecurityContext user) {
    LoadedRules current = rules.current();
    String id = rule.trim();
    if (!EmergencySwitches.ALL.equals(id) && !exists(current, id)) {
      throw new InvalidEndpointRequestException(
          "No rule '" + id + "' in rules version " + current.version() + "; rules: " + ids(current),
          "No such rule");
    }
    switches.switchOn(current.version(), id, who(user));
    return state(current.version());
  }

  @DeleteOperation
  public Switches clear(String rule, SecurityContext user) {
    long version = rules.current().version();
    switches.clear(version, rule.trim(), who(user));
    return state(version);
  }

  private Switches state(long version) {
    return new Switches(version, switches.active(version));
  }

  private static boolean exists(LoadedRules rules, String id) {
    return rules.table().rules().routes().stream().anyMatch(rule -> rule.id().equals(id));
  }

  private static String ids(LoadedRules rules) {
    String ids =
        rules.table().rules().routes().stream()
            .map(RouteRule::id)
            .collect(Collectors.joining(", "));
    return ids.isEmpty() ? "(none)" : ids;
  }

  private static String who(SecurityContext user) {
    return user.getPrincipal() == null ? "(unknown)" : user.getPrincipal().getName();
  }

  /** The switches in force under one rules version. */
  public record Switches(long rulesVersion, List<EmergencySwitches.Switch> switches) {}
}
