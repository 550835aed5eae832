package dev.strangler.proxy.observe;

import static dev.strangler.proxy.support.InvokeApiServer.functionError;
import static dev.strangler.proxy.support.InvokeApiServer.returning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.proxy.support.InvokeApiServer;
import dev.strangler.proxy.support.Monolith;
import dev.strangler.proxy.support.Proxy;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Traffic through every kind of outcome (served by Lambda, fallen back, a rule at 0 %, no rule, a
 * rejected path), then the Prometheus scrape: the right series with the right counts, and never a
 * path in a tag.
 */
class MetricsIntegrationTest {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final String RULES =
      """
      version: 1
      routes:
        - id: served
          match: { methods: [GET], paths: ["/api/products/{id}"] }
          lambda: { function: products, qualifier: live }
          canary: { percent: 100 }
        - id: failing
          match: { methods: [GET], paths: [/api/orders/count] }
          lambda: { function: crashing }
          canary: { percent: 100 }
        - id: dark
          match: { methods: [GET], paths: [/api/products] }
          lambda: { function: products }
          canary: { percent: 0 }
      """;

  @TempDir static Path dir;
  private static InvokeApiServer lambda;
  private static Proxy proxy;
  private static Path rules;

  @BeforeAll
  static void start() throws Exception {
    lambda =
        new InvokeApiServer()
            .answer("products", returning("{\"statusCode\":200,\"body\":\"from lambda\"}"))
            .answer(
                "crashing", functionError("Unhandled", "java.lang.IllegalStateException", "boom"));
    rules = Files.writeString(dir.resolve("routes.yaml"), RULES);
    proxy =
        Proxy.start(
            Monolith.shared().url(),
            Map.of(
                "strangler.rules.file", rules.toString(),
                "strangler.rules.poll-interval", "100ms",
                "strangler.lambda.endpoint", lambda.url().toString(),
                "strangler.lambda.credentials", "anonymous",
                "strangler.lambda.prime", "false"));
    for (int i = 0; i < 3; i++) {
      get("/api/products/" + (i + 1));
    }
    for (int i = 0; i < 2; i++) {
      get("/api/orders/count");
    }
    get("/api/products");
    for (int i = 0; i < 4; i++) {
      get("/api/debug/request?i=" + i);
    }
    get("/api/a/%2F/b");
  }

  @AfterAll
  static void stop() {
    proxy.close();
    lambda.close();
  }

  @Test
  void timesEveryRequestByRuleBackendOutcomeAndFallback() {
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              String metrics = scrape();
              assertThat(value(metrics, requests("lambda", false, "2xx", "served"))).isEqualTo(3);
              assertThat(value(metrics, requests("monolith", true, "2xx", "failing"))).isEqualTo(2);
              assertThat(value(metrics, requests("monolith", false, "2xx", "dark"))).isEqualTo(1);
              assertThat(value(metrics, requests("monolith", false, "2xx", "monolith-default")))
                  .isEqualTo(4);
              assertThat(value(metrics, requests("proxy", false, "4xx", "monolith-default")))
                  .isEqualTo(1);
            });
  }

  @Test
  void publishesHistogramBucketsForPercentilesAcrossInstances() throws Exception {
    assertThat(scrape())
        .containsPattern(
            "strangler_requests_seconds_bucket\\{backend=\"lambda\",fallback=\"false\","
                + "outcome=\"2xx\",route=\"served\",le=\"[0-9.]+\"}")
        .containsPattern("strangler_lambda_invocations_seconds_bucket\\{function=\"products\"");
  }

  @Test
  void countsFallbacksByReasonAndInvocationsByResultAndExecutedVersion() throws Exception {
    String metrics = scrape();

    assertThat(
            value(
                metrics, "strangler_fallbacks_total{reason=\"function_error\",route=\"failing\"}"))
        .isEqualTo(2);
    assertThat(
            value(
                metrics,
                "strangler_lambda_invocations_seconds_count{function=\"products\","
                    + "result=\"success\",version=\"7\"}"))
        .isEqualTo(3);
    assertThat(
            value(
                metrics,
                "strangler_lambda_invocations_seconds_count{function=\"crashing\","
                    + "result=\"function_error\",version=\"$LATEST\"}"))
        .isEqualTo(2);
  }

  @Test
  void tagsAreRuleIdsAndFixedWordsNeverPaths() throws Exception {
    assertThat(scrape().lines().filter(line -> line.startsWith("strangler_")))
        .isNotEmpty()
        .noneMatch(line -> line.contains("/api/"));
  }

  @Test
  void everySeriesTheGrafanaDashboardQueriesIsPublished() throws Exception {
    String dashboard =
        Files.readString(
            Path.of(
                System.getProperty("docs.dir", "../docs"), "grafana", "strangler-dashboard.json"));
    Matcher names =
        Pattern.compile("\\b((?:strangler|resilience4j)_[a-z0-9_]+)").matcher(dashboard);
    String metrics = scrape();
    int found = 0;
    while (names.find()) {
      found++;
      assertThat(metrics)
          .as("dashboard series %s", names.group(1))
          .containsPattern("(?m)^" + names.group(1) + "[{ ]");
    }
    assertThat(found).isGreaterThan(5);
  }

  @Test
  void aCanaryGaugePerRuleFollowsTheRulesFile() throws Exception {
    String metrics = scrape();
    assertThat(value(metrics, "strangler_canary_percent{route=\"served\"}")).isEqualTo(100);
    assertThat(value(metrics, "strangler_canary_percent{route=\"dark\"}")).isEqualTo(0);

    Files.writeString(
        rules,
        RULES
            .replace("percent: 0 }", "percent: 12.5 }")
            .replace(
                """
        - id: failing
          match: { methods: [GET], paths: [/api/orders/count] }
          lambda: { function: crashing }
          canary: { percent: 100 }
      """,
                ""));

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              String reloaded = scrape();
              assertThat(value(reloaded, "strangler_canary_percent{route=\"dark\"}"))
                  .isEqualTo(12.5);
              assertThat(reloaded).doesNotContain("strangler_canary_percent{route=\"failing\"}");
            });
    Files.writeString(rules, RULES);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> scrape().contains("strangler_canary_percent{route=\"failing\"}"));
  }

  private static String requests(String backend, boolean fallback, String outcome, String route) {
    return "strangler_requests_seconds_count{backend=\""
        + backend
        + "\",fallback=\""
        + fallback
        + "\",outcome=\""
        + outcome
        + "\",route=\""
        + route
        + "\"}";
  }

  /** The value of one series in the scrape; fails when the series is not there. */
  private static double value(String metrics, String series) {
    Matcher line =
        Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE)
            .matcher(metrics);
    assertThat(line.find()).as("series %s in%n%s", series, metrics).isTrue();
    return Double.parseDouble(line.group(1));
  }

  private static void get(String path) throws Exception {
    CLIENT.send(
        HttpRequest.newBuilder(proxy.url().resolve(path)).build(), BodyHandlers.discarding());
  }

  private static String scrape() throws Exception {
    return CLIENT
        .send(
            HttpRequest.newBuilder(proxy.management().resolve("/actuator/prometheus"))
                .header("Authorization", Proxy.VIEWER_AUTHORIZATION)
                .build(),
            BodyHandlers.ofString())
        .body();
  }
}
