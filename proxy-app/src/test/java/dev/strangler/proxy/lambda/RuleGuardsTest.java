package dev.strangler.proxy.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.rules.model.Canary;
import dev.strangler.rules.model.Fallback;
import dev.strangler.rules.model.LambdaTarget;
import dev.strangler.rules.model.Match;
import dev.strangler.rules.model.PayloadFormat;
import dev.strangler.rules.model.RouteRule;
import dev.strangler.rules.model.SourcePosition;
import dev.strangler.rules.model.StickyKey;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleGuardsTest {

  private final RuleGuards guards =
      new RuleGuards(CircuitBreakerRegistry.ofDefaults(), BulkheadRegistry.ofDefaults());

  @Test
  void keepsABreakersStateWhenTheRuleIsReloadedUnchanged() {
    CircuitBreaker breaker = guards.of(rule("fn", 50)).breaker();
    breaker.transitionToOpenState();

    CircuitBreaker reloaded = guards.of(rule("fn", 50)).breaker();

    assertThat(reloaded).isSameAs(breaker);
    assertThat(reloaded.getState()).isEqualTo(CircuitBreaker.State.OPEN);
  }

  @Test
  void startsAFreshBreakerWhenTheRulesFunctionChanges() {
    guards.of(rule("fn", 50)).breaker().transitionToOpenState();

    CircuitBreaker other = guards.of(rule("fn-v2", 50)).breaker();

    assertThat(other.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
  }

  @Test
  void startsAFreshBulkheadWhenTheLimitChanges() {
    guards.of(rule("fn", 50));

    assertThat(guards.of(rule("fn", 7)).bulkhead().getBulkheadConfig().getMaxConcurrentCalls())
        .isEqualTo(7);
  }

  private static RouteRule rule(String function, int maxConcurrent) {
    return new RouteRule(
        "reads",
        new Match(Set.of("GET"), List.of("/a"), Map.of()),
        new LambdaTarget(function, null, PayloadFormat.V2_0, Duration.ofSeconds(3)),
        new Canary(10_000, new StickyKey.None()),
        new Fallback(
            false,
            null,
            Set.of(),
            maxConcurrent,
            Fallback.CircuitBreaker.DEFAULT,
            Fallback.ThrottleRetry.DEFAULT),
        new SourcePosition("routes.yaml", 1, 1));
  }
}
