package dev.strangler.proxy.admin;

import dev.strangler.proxy.rules.LoadedRules;
import dev.strangler.proxy.rules.RulesState;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Part of readiness: UP once rules are loaded. An invalid file at start stops the proxy before it
 * listens, so DOWN is only ever seen if loading is still under way; a rejected reload keeps the
 * last good rules serving and stays UP, with the failure in the details.
 */
final class RulesHealthIndicator implements HealthIndicator {

  private final RulesState rules;

  RulesHealthIndicator(RulesState rules) {
    this.rules = rules;
  }

  @Override
  public Health health() {
    LoadedRules current = rules.current();
    if (current == null) {
      return Health.down().withDetail("rules", "not loaded yet").build();
    }
    return Health.up()
        .withDetail("version", current.version())
        .withDetail("rules", current.table().rules().routes().size())
        .withDetail("lastReloadRejected", rules.lastFailure() != null)
        .build();
  }
}
