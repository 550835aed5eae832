package dev.strangler.proxy.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.proxy.support.LambdaTestDouble;
import dev.strangler.proxy.support.Monolith;
import dev.strangler.proxy.support.Proxy;
import dev.strangler.proxy.support.RawHttp;
import dev.strangler.proxy.support.RawHttp.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/**
 * The emergency switch sends a rule to the monolith until it is cleared or the rules change, and
 * every change is in the log with who made it.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmergencySwitchIntegrationTest {

  private static final String RULES =
      """
      version: 1
      routes:
        - id: product-reads
          match: { methods: [GET], paths: ["/api/products/{id}"] }
          lambda: { function: %s }
          canary: { percent: 100 }
        - id: user-reads
          match: { methods: [GET], paths: ["/api/users/{id}"] }
          lambda: { function: shop-get-user }
          canary: { percent: 100 }
      """;

  @TempDir Path dir;

  @Test
  void sendsASwitchedRuleToTheMonolithUntilCleared(CapturedOutput log) throws Exception {
    Path rules = Files.writeString(dir.resolve("routes.yaml"), RULES.formatted("shop-get-product"));
    try (Proxy proxy = start(rules)) {
      assertThat(product(proxy).first(LambdaTestDouble.SERVED_BY)).hasValue("lambda");

      HttpResponse<String> on = operator(proxy, "POST", "", "{\"rule\":\"product-reads\"}");

      assertThat(on.statusCode()).isEqualTo(200);
      assertThat(AdminHttp.json(on.body()).get("switches").get(0).get("rule").asString())
          .isEqualTo("product-reads");
      Response switched = product(proxy);
      assertThat(switched.first(LambdaTestDouble.SERVED_BY)).isEmpty();
      assertThat(switched.bodyText()).contains("\"id\":7");
      assertThat(switched.first("X-Strangler-Backend"))
          .hasValueSatisfying(
              value ->
                  assertThat(value)
                      .matches("monolith; rule=product-reads; bucket=\\d+; reason=emergency"));
      assertThat(user(proxy).first(LambdaTestDouble.SERVED_BY))
          .as("another rule is not switched")
          .hasValue("lambda");
      JsonNode summary =
          AdminHttp.json(
              proxy.management().resolve("/actuator/migration"), Proxy.VIEWER_AUTHORIZATION);
      assertThat(summary.get("routes").get(0).get("emergency").get("by").asString())
          .isEqualTo(Proxy.OPERATOR);

      HttpResponse<String> off = operator(proxy, "DELETE", "?rule=product-reads", null);

      assertThat(off.statusCode()).isEqualTo(200);
      assertThat(product(proxy).first(LambdaTestDouble.SERVED_BY)).hasValue("lambda");
      assertThat(log.getOut())
          .containsPattern(
              "WARN .*Emergency switch ON by '" + Proxy.OPERATOR + "': rule 'product-reads'")
          .containsPattern(
              "WARN .*Emergency switch OFF by '" + Proxy.OPERATOR + "': rule 'product-reads'");
    }
  }

  @Test
  void aNewRulesVersionClearsEverySwitch(CapturedOutput log) throws Exception {
    Path rules = Files.writeString(dir.resolve("routes.yaml"), RULES.formatted("shop-get-product"));
    try (Proxy proxy = start(rules)) {
      assertThat(operator(proxy, "POST", "", "{\"rule\":\"*\"}").statusCode()).isEqualTo(200);
      assertThat(product(proxy).first(LambdaTestDouble.SERVED_BY)).isEmpty();
      assertThat(user(proxy).first(LambdaTestDouble.SERVED_BY)).isEmpty();

      Files.writeString(rules, RULES.formatted("shop-get-product-v2"));

      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> "lambda".equals(product(proxy).first(LambdaTestDouble.SERVED_BY).orElse("")));
      assertThat(user(proxy).first(LambdaTestDouble.SERVED_BY)).hasValue("lambda");
      JsonNode switches =
          AdminHttp.json(
              proxy.management().resolve("/actuator/emergency"), Proxy.VIEWER_AUTHORIZATION);
      assertThat(switches.get("rulesVersion").asLong()).isEqualTo(2);
      assertThat(switches.get("switches").isEmpty()).isTrue();
      assertThat(log.getOut())
          .containsPattern("WARN .*Rules version 2 applied: emergency switches cleared \\(\\* by");
    }
  }

  @Test
  void refusesAnUnknownRule() throws Exception {
    Path rules = Files.writeString(dir.resolve("routes.yaml"), RULES.formatted("shop-get-product"));
    try (Proxy proxy = start(rules)) {
      HttpResponse<String> response = operator(proxy, "POST", "", "{\"rule\":\"nope\"}");

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(product(proxy).first(LambdaTestDouble.SERVED_BY)).hasValue("lambda");
    }
  }

  private static Proxy start(Path rules) {
    return Proxy.start(
        Monolith.shared().url(),
        Map.of(
            "strangler.rules.file", rules.toString(),
            "strangler.rules.poll-interval", "50ms",
            "strangler.backend-header", "X-Strangler-Backend"),
        LambdaTestDouble.class);
  }

  private static HttpResponse<String> operator(
      Proxy proxy, String method, String query, String body) {
    URI url = proxy.management().resolve("/actuator/emergency" + query);
    return AdminHttp.send(method, url, Proxy.OPERATOR_AUTHORIZATION, body);
  }

  private static Response product(Proxy proxy) throws IOException {
    return RawHttp.get(proxy.url(), "/api/products/7");
  }

  private static Response user(Proxy proxy) throws IOException {
    return RawHttp.get(proxy.url(), "/api/users/1");
  }
}
