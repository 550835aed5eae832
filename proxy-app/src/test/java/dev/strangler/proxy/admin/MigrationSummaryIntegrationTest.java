package dev.strangler.proxy.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.proxy.support.LambdaTestDouble;
import dev.strangler.proxy.support.Monolith;
import dev.strangler.proxy.support.Proxy;
import dev.strangler.proxy.support.RawHttp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code /actuator/migration} counts exactly the requests sent through the public port. */
class MigrationSummaryIntegrationTest {

  private static final String RULES =
      """
      version: 1
      routes:
        - id: product-reads
          match: { methods: [GET], paths: ["/api/products/{id}"] }
          lambda: { function: shop-get-product }
          canary: { percent: 100, stickyBy: "header:X-User-Id" }
      """;

  @TempDir static Path dir;
  private static Path rules;
  private static Proxy proxy;

  @BeforeAll
  static void start() throws IOException {
    rules = Files.writeString(dir.resolve("routes.yaml"), RULES);
    proxy =
        Proxy.start(
            Monolith.shared().url(),
            Map.of(
                "strangler.rules.file",
                rules.toString(),
                "strangler.canary.override-header",
                "X-Canary-Override"),
            LambdaTestDouble.class);
  }

  @AfterAll
  static void stop() {
    proxy.close();
  }

  @Test
  void showsLiveFiguresPerRuleAndBackend() throws IOException {
    for (int i = 1; i <= 7; i++) {
      RawHttp.get(proxy.url(), "/api/products/" + i, "X-User-Id: user-" + i);
    }
    for (int i = 1; i <= 3; i++) {
      RawHttp.get(proxy.url(), "/api/products/" + i, "X-Canary-Override: monolith");
    }
    for (int i = 0; i < 2; i++) {
      RawHttp.get(proxy.url(), "/api/products?size=1");
    }

    // A request is counted once its response has ended, just after the client has read it.
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> requests(summary().get("unmatched").get("lastMinute")) == 2);
    JsonNode summary = summary();
    JsonNode rule = summary.get("routes").get(0);

    assertThat(summary.get("rules").get("file").asString()).isEqualTo(rules.toString());
    assertThat(summary.get("rules").get("version").asLong()).isEqualTo(1);
    assertThat(summary.get("rules").get("loadedAt").asString()).isNotBlank();
    assertThat(summary.get("rules").get("lastReloadFailure").isNull()).isTrue();
    assertThat(rule.get("id").asString()).isEqualTo("product-reads");
    assertThat(rule.get("function").asString()).isEqualTo("shop-get-product");
    assertThat(rule.get("percent").asString()).isEqualTo("100");
    assertThat(rule.get("circuitBreaker").asString()).isEqualTo("CLOSED");
    assertThat(rule.get("emergency").isNull()).isTrue();
    for (String window : new String[] {"lastMinute", "lastFiveMinutes"}) {
      JsonNode lambda = rule.get("lambda").get(window);
      JsonNode monolith = rule.get("monolith").get(window);
      assertThat(requests(lambda)).as(window).isEqualTo(7);
      assertThat(requests(monolith)).as(window).isEqualTo(3);
      assertThat(lambda.get("requestsPerSecond").asDouble()).isPositive();
      assertThat(lambda.get("errorPercent").asDouble()).isZero();
      assertThat(lambda.get("fallbackPercent").asDouble()).isZero();
      assertThat(lambda.get("p50Millis").asDouble()).isPositive();
      assertThat(lambda.get("p99Millis").asDouble())
          .isGreaterThanOrEqualTo(lambda.get("p50Millis").asDouble());
    }
    // The summary's own calls on the management port are not proxied traffic.
    assertThat(requests(summary().get("unmatched").get("lastFiveMinutes"))).isEqualTo(2);
  }

  private static JsonNode summary() {
    return AdminHttp.json(
        proxy.management().resolve("/actuator/migration"), Proxy.VIEWER_AUTHORIZATION);
  }

  private static long requests(JsonNode figures) {
    return figures.get("requests").asLong();
  }
}
