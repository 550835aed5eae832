package dev.strangler.proxy.admin;

import dev.strangler.proxy.budget.BodyBudget;
import dev.strangler.proxy.observe.CompletedRequest;
import dev.strangler.proxy.rules.LoadedRules;
import dev.strangler.proxy.rules.ReloadFailure;
import dev.strangler.proxy.rules.RulesEndpoint;
import dev.strangler.proxy.rules.RulesState;
import dev.strangler.rules.model.RouteRule;
import dev.strangler.rules.routing.Backend;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/migration}: where the migration stands on this instance. The rules in force, and
 * per rule its function, canary, breaker, emergency switch and what each backend did over the last
 * one and five minutes.
 */
@Endpoint(id = "migration")
public final class MigrationEndpoint {

  static final Duration LAST_MINUTE = Duration.ofMinutes(1);
  static final Duration LAST_FIVE_MINUTES = Duration.ofMinutes(5);

  private final RulesEndpoint rulesEndpoint;
  private final RulesState rules;
  private final LiveTraffic traffic;
  private final EmergencySwitches emergency;
  private final Function<String, String> breakerState;
  private final BodyBudget budget;

  MigrationEndpoint(
      RulesEndpoint rulesEndpoint,
      RulesState rules,
      LiveTraffic traffic,
      EmergencySwitches emergency,
      Function<String, String> breakerState,
      BodyBudget budget) {
    this.budget = budget;
    this.rulesEndpoint = rulesEndpoint;
    this.rules = rules;
    this.traffic = traffic;
    this.emergency = emergency;
    this.breakerState = breakerState;
  }

  @ReadOperation
  public Summary summary() {
    RulesEndpoint.Report report = rulesEndpoint.report();
    LoadedRules current = rules.current();
    List<RouteSummary> routes =
        current.table().rules().routes().stream()
            .map(rule -> summarise(current.version(), rule))
            .toList();
    return new Summary(
        new RulesInForce(
            report.file(),
            report.version(),
            report.loadedAt(),
            report.contentHash(),
            report.lastReloadFailure()),
        emergency.active(current.version()),
        routes,
        figures(CompletedRequest.NO_RULE, Backend.MONOLITH),
        new Buffering(budget.limit(), budget.inUse(), budget.peak(), budget.refusals()));
  }

  private RouteSummary summarise(long version, RouteRule rule) {
    return new RouteSummary(
        rule.id(),
        rule.lambda().function(),
        rule.lambda().qualifier(),
        rule.canary().percentText(),
        breakerState.apply(rule.id()),
        emergency.switchOf(version, rule.id()),
        figures(rule.id(), Backend.LAMBDA),
        figures(rule.id(), Backend.MONOLITH));
  }

  private BackendTraffic figures(String route, Backend backend) {
    return new BackendTraffic(
        traffic.figures(route, backend, LAST_MINUTE),
        traffic.figures(route, backend, LAST_FIVE_MINUTES));
  }

  /**
   * The endpoint's answer.
   *
   * @param emergency the emergency switches in force
   * @param unmatched requests no rule claims, all served by the monolith
   * @param buffering the memory budget for buffered bodies (docs/memory-budget.md)
   */
  public record Summary(
      RulesInForce rules,
      List<EmergencySwitches.Switch> emergency,
      List<RouteSummary> routes,
      BackendTraffic unmatched,
      Buffering buffering) {}

  /**
   * The memory budget for request bodies held by the proxy (Lambda events, bodies kept to replay).
   *
   * @param limitBytes the most bytes held at once ({@code strangler.buffering.max-bytes})
   * @param inUseBytes held now
   * @param peakBytes the most held at once since the start
   * @param refusals reservations refused since the start: requests sent to the monolith unread, or
   *     answered 503
   */
  public record Buffering(long limitBytes, long inUseBytes, long peakBytes, long refusals) {}

  /** The rules file and the version in force, as {@code /actuator/rules} reports them. */
  public record RulesInForce(
      String file,
      long version,
      Instant loadedAt,
      String contentHash,
      ReloadFailure lastReloadFailure) {}

  /**
   * One rule.
   *
   * @param percent the canary percent
   * @param circuitBreaker its breaker's state, or {@code null} when it has none yet
   * @param emergency the switch that sends it to the monolith, or {@code null}
   * @param lambda requests the rule sent to Lambda (fallbacks included, whoever served them)
   * @param monolith requests the rule sent to the monolith
   */
  public record RouteSummary(
      String id,
      String function,
      String qualifier,
      String percent,
      String circuitBreaker,
      EmergencySwitches.Switch emergency,
      BackendTraffic lambda,
      BackendTraffic monolith) {}

  /** One backend's figures over the last minute and the last five minutes. */
  public record BackendTraffic(TrafficFigures lastMinute, TrafficFigures lastFiveMinutes) {}
}
