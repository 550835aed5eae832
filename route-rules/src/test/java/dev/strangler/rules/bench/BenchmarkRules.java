package dev.strangler.rules.bench;

import dev.strangler.rules.model.Canary;
import dev.strangler.rules.model.Fallback;
import dev.strangler.rules.model.LambdaTarget;
import dev.strangler.rules.model.Match;
import dev.strangler.rules.model.PayloadFormat;
import dev.strangler.rules.model.RouteRule;
import dev.strangler.rules.model.RuleSet;
import dev.strangler.rules.model.SourcePosition;
import dev.strangler.rules.model.StickyKey;
import dev.strangler.rules.routing.RequestKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rule sets of any size for the benchmarks: rule {@code i} serves service {@code s<i>} with, in
 * turn, a templated, a literal and a wildcard path, half of its users on Lambda (sticky by {@code
 * x-user-id}).
 */
final class BenchmarkRules {

  private BenchmarkRules() {}

  static RuleSet of(int count) {
    List<RouteRule> rules = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String path =
          switch (i % 3) {
            case 0 -> "/api/v1/s" + i + "/orders/{orderId}";
            case 1 -> "/api/v1/s" + i + "/orders";
            default -> "/api/v1/s" + i + "/static/**";
          };
      rules.add(
          new RouteRule(
              "rule-" + i,
              new Match(i % 3 == 2 ? Set.of() : Set.of("GET"), List.of(path), Map.of()),
              new LambdaTarget("fn-" + i, null, PayloadFormat.V2_0, Duration.ofSeconds(5)),
              new Canary(5_000, new StickyKey.Header("x-user-id")),
              Fallback.DEFAULT,
              new SourcePosition("bench.yaml", 1 + 8 * i, 5)));
    }
    return new RuleSet(1, "bench.yaml", rules);
  }

  /** A templated request for rule {@code i} (which must be a templated rule: i % 3 == 0). */
  static RequestKey orderOf(int i) {
    if (i % 3 != 0) {
      throw new IllegalArgumentException("rule " + i + " is not templated");
    }
    return request("/api/v1/s" + i + "/orders/12345");
  }

  /** A request no rule claims: it walks the shared prefix, then backtracks. */
  static RequestKey unclaimed() {
    return request("/api/v1/unknown/orders/12345");
  }

  static RequestKey request(String path) {
    Map<String, String> headers = Map.of("x-user-id", "user-4711", "accept", "application/json");
    return new RequestKey("GET", path, headers::get, "192.0.2.10", null);
  }
}
