package dev.strangler.proxy.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.proxy.routing.RoutingDecider;
import dev.strangler.proxy.rules.LoadedRules;
import dev.strangler.proxy.rules.RulesState;
import dev.strangler.rules.routing.RouteTable;
import dev.strangler.rules.yaml.RuleSetLoader;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExplainerTest {

  private static final String RULES =
      """
      version: 1
      routes:
        - id: product-reads
          match: { methods: [GET], paths: ["/api/products/{id}"] }
          lambda: { function: shop-get-product }
          canary: { percent: 100, stickyBy: "cookie:sid" }
      """;

  private final RulesState rules =
      new RulesState(
          new LoadedRules(
              RouteTable.compile(RuleSetLoader.parse(RULES, "routes.yaml")),
              4,
              Instant.EPOCH,
              "h"));
  private final EmergencySwitches emergency = new EmergencySwitches(Clock.systemUTC(), 4);
  private final Map<String, String> breakers = new HashMap<>();
  private final Explainer explainer =
      new Explainer(
          rules, new RoutingDecider("X-Canary-Override", emergency), emergency, breakers::get);

  @Test
  void saysTheMonolithServesWhenTheRuleChoseLambdaButItsBreakerIsOpen() {
    breakers.put("product-reads", "OPEN");

    Explanation explained = explain(List.of("Cookie: a=1; sid=abc"));

    assertThat(explained.backend()).isEqualTo("lambda");
    assertThat(explained.servedBy()).isEqualTo("monolith");
    assertThat(explained.circuitBreaker()).isEqualTo("OPEN");
    assertThat(explained.detail()).contains("circuit breaker is OPEN");
  }

  @Test
  void tellsWhetherTheStickyKeyIsThere() {
    assertThat(explain(List.of("Cookie: a=1; sid=abc")).rule().stickyKeyPresent()).isTrue();
    assertThat(explain(List.of("Cookie: a=1")).rule().stickyKeyPresent()).isFalse();
    assertThat(explain(List.of()).rule().stickyBy()).isEqualTo("cookie:sid");
  }

  @Test
  void givesTheSameBucketForTheSameKey() {
    assertThat(explain(List.of("Cookie: sid=abc")).bucket())
        .isEqualTo(explain(List.of("Cookie: sid=abc; other=1")).bucket());
  }

  @Test
  void putsTheEmergencySwitchAboveAForcedBackend() {
    emergency.switchOn(4, "product-reads", "ops");

    Explanation explained = explain(List.of("X-Canary-Override: lambda"));

    assertThat(explained.reason()).isEqualTo("emergency");
    assertThat(explained.backend()).isEqualTo("monolith");
    assertThat(explained.emergency().by()).isEqualTo("ops");
    assertThat(explained.detail()).contains("set by 'ops'");
  }

  @Test
  void ignoresTheQueryAndNamesTheRulesVersion() {
    Explanation explained =
        explainer.explain("get", "/api/products/9?x=1", new HeaderLines(List.of()), null);

    assertThat(explained.method()).isEqualTo("GET");
    assertThat(explained.forwardPath()).isEqualTo("/api/products/9");
    assertThat(explained.rule().pathParameters()).containsEntry("id", "9");
    assertThat(explained.rulesVersion()).isEqualTo(4);
  }

  private Explanation explain(List<String> headers) {
    return explainer.explain("GET", "/api/products/7", new HeaderLines(headers), null);
  }
}
