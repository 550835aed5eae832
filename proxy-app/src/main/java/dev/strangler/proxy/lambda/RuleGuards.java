package dev.strangler.proxy.lambda;

import dev.strangler.proxy.rules.RulesState;
import dev.strangler.proxy.rules.RulesState.ReloadOutcome;
import dev.strangler.rules.model.Fallback;
import dev.strangler.rules.model.RouteRule;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A circuit breaker and a bulkhead per rule, named by the rule id. A reload keeps a rule's guard,
 * breaker state included, as long as its function and fallback settings are unchanged, and drops
 * the guards of rules that are gone.
 */
public final class RuleGuards {

  private static final Logger log = LoggerFactory.getLogger(RuleGuards.class);

  /**
   * A rule's guard, what it was made for, and the rule it last served (so that the rules in force
   * find their guard without comparing targets).
   */
  public record Guard(RouteRule rule, String target, CircuitBreaker breaker, Bulkhead bulkhead) {}

  private final CircuitBreakerRegistry breakers;
  private final BulkheadRegistry bulkheads;
  private final Map<String, Guard> guards = new ConcurrentHashMap<>();

  public RuleGuards(CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads) {
    this.breakers = breakers;
    this.bulkheads = bulkheads;
  }

  /** Keeps the guards in step with the rules in force. */
  public void follow(RulesState rules) {
    rules.current().table().rules().routes().forEach(this::of);
    rules.onReload(
        outcome -> {
          if (outcome instanceof ReloadOutcome.Applied applied) {
            Set<String> ids =
                applied.rules().table().rules().routes().stream()
                    .map(RouteRule::id)
                    .collect(Collectors.toSet());
            guards.keySet().stream().filter(id -> !ids.contains(id)).toList().forEach(this::drop);
            applied.rules().table().rules().routes().forEach(this::of);
          }
        });
  }

  /** The rule's guard, made (or remade, when its target changed) on first use. */
  public Guard of(RouteRule rule) {
    Guard guard = guards.get(rule.id());
    if (guard != null && guard.rule() == rule) {
      return guard;
    }
    String target = target(rule);
    return guards.compute(
        rule.id(),
        (id, existing) -> {
          if (existing != null && existing.target().equals(target)) {
            return new Guard(rule, target, existing.breaker(), existing.bulkhead());
          }
          breakers.remove(id);
          bulkheads.remove(id);
          Fallback fallback = rule.fallback();
          CircuitBreaker breaker =
              breakers.circuitBreaker(id, breakerConfig(fallback.circuitBreaker()));
          breaker
              .getEventPublisher()
              .onStateTransition(
                  event ->
                      log.warn(
                          "Circuit breaker of rule '{}' (function {}): {}",
                          id,
                          rule.lambda().function(),
                          describe(event.getStateTransition())));
          return new Guard(
              rule,
              target,
              breaker,
              bulkheads.bulkhead(
                  id,
                  BulkheadConfig.custom()
                      .maxConcurrentCalls(fallback.maxConcurrent())
                      .maxWaitDuration(Duration.ZERO)
                      .build()));
        });
  }

  private static String describe(CircuitBreaker.StateTransition transition) {
    return switch (transition.getToState()) {
      case OPEN -> "open: the rule's requests go to the monolith without calling the function";
      case HALF_OPEN -> "half-open: probing the function";
      case CLOSED -> "closed: the function serves the rule again";
      default -> transition.toString();
    };
  }

  private void drop(String id) {
    guards.remove(id);
    breakers.remove(id);
    bulkheads.remove(id);
  }

  /** What a guard protects: the function and the settings; a change makes a fresh guard. */
  private static String target(RouteRule rule) {
    return rule.lambda().function() + ":" + rule.lambda().qualifier() + ":" + rule.fallback();
  }

  private static CircuitBreakerConfig breakerConfig(Fallback.CircuitBreaker settings) {
    return CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(settings.window())
        .minimumNumberOfCalls(settings.minimumCalls())
        .failureRateThreshold(settings.failureRatePercent())
        .slowCallRateThreshold(settings.slowCallRatePercent())
        .slowCallDurationThreshold(settings.slowCallDuration())
        .waitDurationInOpenState(settings.openFor())
        .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
        .build();
  }
}
