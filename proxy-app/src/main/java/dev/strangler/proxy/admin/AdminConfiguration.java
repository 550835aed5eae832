package dev.strangler.proxy.admin;

import dev.strangler.proxy.budget.BodyBudget;
import dev.strangler.proxy.config.InvalidSettingException;
import dev.strangler.proxy.observe.CompletedRequest;
import dev.strangler.proxy.routing.RoutingDecider;
import dev.strangler.proxy.rules.RulesEndpoint;
import dev.strangler.proxy.rules.RulesState;
import dev.strangler.proxy.rules.RulesState.ReloadOutcome;
import dev.strangler.rules.model.RouteRule;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.endpoint.annotation.EndpointConverter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The admin endpoints and their state, in the main context. Their security lives in the management
 * server's own context ({@link ManagementPortSecurity}).
 */
@Configuration(proxyBeanMethods = false)
class AdminConfiguration {

  /** Figures move in steps of this; a ring of 61 such slots holds five minutes. */
  private static final Duration TRAFFIC_SLOT = Duration.ofSeconds(5);

  @Bean
  AdminUsers adminUsers(AdminProperties properties, Environment environment) {
    requireSeparateManagementPort(environment);
    ManagementPortSecurity.requireUsableTtl(properties.signInCacheTtl());
    return AdminUsers.of(properties);
  }

  /**
   * The admin endpoints are guarded on the management server only; on the public port they would be
   * open, and /actuator/** there belongs to the monolith.
   */
  private static void requireSeparateManagementPort(Environment environment) {
    if (ManagementPortType.get(environment) == ManagementPortType.SAME) {
      throw new InvalidSettingException(
          "management.server.port",
          environment.getProperty("management.server.port"),
          "must be set and differ from server.port (or be -1 to turn the actuator off): the"
              + " admin endpoints are never served on the public port",
          null);
    }
  }

  @Bean
  EmergencySwitches emergencySwitches(Clock clock, RulesState rules) {
    EmergencySwitches switches = new EmergencySwitches(clock, rules.current().version());
    switches.follow(rules);
    return switches;
  }

  @Bean
  LiveTraffic liveTraffic(RulesState rules) {
    LiveTraffic traffic =
        new LiveTraffic(System::nanoTime, TRAFFIC_SLOT, MigrationEndpoint.LAST_FIVE_MINUTES);
    rules.onReload(
        outcome -> {
          if (outcome instanceof ReloadOutcome.Applied applied) {
            Set<String> keep = new HashSet<>();
            keep.add(CompletedRequest.NO_RULE);
            applied.rules().table().rules().routes().stream().map(RouteRule::id).forEach(keep::add);
            traffic.retainOnly(keep);
          }
        });
    return traffic;
  }

  @Bean
  Explainer explainer(
      RulesState rules,
      RoutingDecider decider,
      EmergencySwitches emergency,
      CircuitBreakerRegistry breakers) {
    return new Explainer(rules, decider, emergency, breakerState(breakers));
  }

  @Bean
  ExplainEndpoint explainEndpoint(Explainer explainer) {
    return new ExplainEndpoint(explainer);
  }

  @Bean
  MigrationEndpoint migrationEndpoint(
      RulesEndpoint rulesEndpoint,
      RulesState rules,
      LiveTraffic traffic,
      EmergencySwitches emergency,
      CircuitBreakerRegistry breakers,
      BodyBudget budget) {
    return new MigrationEndpoint(
        rulesEndpoint, rules, traffic, emergency, breakerState(breakers), budget);
  }

  @Bean
  EmergencyEndpoint emergencyEndpoint(EmergencySwitches switches, RulesState rules) {
    return new EmergencyEndpoint(switches, rules);
  }

  /** Named {@code rules} in the health report and the readiness group. */
  @Bean
  RulesHealthIndicator rulesHealthIndicator(RulesState rules) {
    return new RulesHealthIndicator(rules);
  }

  @Bean
  @EndpointConverter
  HeaderLinesConverter headerLinesConverter() {
    return new HeaderLinesConverter();
  }

  /** A breaker is looked up, never made: asking must not create one. */
  private static Function<String, String> breakerState(CircuitBreakerRegistry breakers) {
    return id -> breakers.find(id).map(breaker -> breaker.getState().name()).orElse(null);
  }
}
