package dev.strangler.proxy.rules;

import dev.strangler.proxy.rules.RulesState.ReloadOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code strangler.rules.reloads{result=applied|rejected}}, {@code strangler.rules.version} and
 * {@code strangler.rules.count}.
 */
final class RulesMeters implements MeterBinder {

  private final RulesState state;

  RulesMeters(RulesState state) {
    this.state = state;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Counter applied = reloads(registry, "applied");
    Counter rejected = reloads(registry, "rejected");
    state.onReload(
        outcome -> (outcome instanceof ReloadOutcome.Applied ? applied : rejected).increment());
    Gauge.builder("strangler.rules.version", state, s -> s.current().version())
        .description("Version of the rules in force: 1 at start, +1 for each change applied")
        .register(registry);
    Gauge.builder("strangler.rules.count", state, s -> s.current().table().rules().routes().size())
        .description("Number of rules in force")
        .register(registry);
  }

  private static Counter reloads(MeterRegistry registry, String result) {
    return Counter.builder("strangler.rules.reloads")
        .description("Changes to the rules file, applied or rejected")
        .tag("result", result)
        .register(registry);
  }
}
