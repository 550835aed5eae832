package dev.strangler.proxy.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.strangler.proxy.support.Monolith;
import dev.strangler.proxy.support.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two replicas (separate JVMs) with the same rules file decide the canary identically: for 100,000
 * sticky keys, asked of each replica's explain endpoint in batches, the same rule, bucket and
 * backend. A user keeps one backend whichever replica the load balancer picks.
 */
class CanaryConsistencyIntegrationTest {

  private static final int KEYS = Integer.getInteger("canary.consistency.keys", 100_000);
  private static final int BATCH = 10_000; // the most one explain call takes
  private static final Duration COMPARISON_TIME = Duration.ofSeconds(60);
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String RULES =
      """
      version: 1
      routes:
        - id: product-reads
          match: { methods: [GET], paths: ["/api/products/{id}"] }
          lambda: { function: shop-get-products, qualifier: live }
          canary: { percent: 37.5, stickyBy: "header:X-User-Id" }
      """;

  @TempDir Path dir;

  @Test
  void everyStickyKeyGetsTheSameBucketAndBackendOnBothReplicas() throws Exception {
    Path rules = Files.writeString(dir.resolve("routes.yaml"), RULES);
    Map<String, String> settings = Map.of("strangler.rules.file", rules.toString());
    URI monolith = Monolith.shared().url();
    List<String> jit = List.of("-Xmx256m");
    try (Replica a = Replica.launch("a", monolith, settings, jit);
        Replica b = Replica.launch("b", monolith, settings, jit)) {
      a.awaitReady();
      b.awaitReady();

      int lambda = assertTimeoutPreemptively(COMPARISON_TIME, () -> compareAll(a, b));

      // And the split is the rule's: 37.5 %, within what 100,000 keys allow (±0.5 points, more
      // than three standard deviations of a fair draw).
      assertThat(lambda / (double) KEYS).isBetween(0.370, 0.380);
    }
  }

  /** Asks both replicas about every user, a batch at a time: how many went to Lambda. */
  private static int compareAll(Replica a, Replica b) throws Exception {
    int lambda = 0;
    int compared = 0;
    for (int from = 0; from < KEYS; from += BATCH) {
      int to = Math.min(KEYS, from + BATCH);
      String body = batch(from, to);
      CompletableFuture<JsonNode> onA = explain(a, body);
      CompletableFuture<JsonNode> onB = explain(b, body);
      JsonNode answersA = onA.get();
      JsonNode answersB = onB.get();
      assertThat(answersA.size()).isEqualTo(to - from);
      assertThat(answersB.size()).isEqualTo(to - from);
      for (int i = 0; i < to - from; i++) {
        String decisionA = decision(answersA.get(i));
        assertThat(decision(answersB.get(i)))
            .as("decision for user-%d", from + i)
            .isEqualTo(decisionA);
        if (decisionA.startsWith("lambda")) {
          lambda++;
        }
        compared++;
      }
    }
    assertThat(compared).isEqualTo(KEYS);
    return lambda;
  }

  /** The batch form's body for users {@code from}..{@code to}, each on one product page. */
  private static String batch(int from, int to) {
    StringBuilder body = new StringBuilder("{\"requests\":[");
    for (int user = from; user < to; user++) {
      body.append(user == from ? "" : ",")
          .append("{\"method\":\"GET\",\"path\":\"/api/products/7\",")
          .append("\"headers\":{\"X-User-Id\":\"user-")
          .append(user)
          .append("\"}}");
    }
    return body.append("]}").toString();
  }

  private static CompletableFuture<JsonNode> explain(Replica replica, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(replica.management().resolve("/actuator/explain"))
            .header("Authorization", Proxy.VIEWER_AUTHORIZATION)
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return CLIENT
        .sendAsync(request, BodyHandlers.ofString())
        .thenApply(
            response -> {
              assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
              return JSON.readTree(response.body());
            });
  }

  /** {@code backend rule bucket} of one explanation. */
  private static String decision(JsonNode explained) {
    return explained.get("backend").asString()
        + " "
        + explained.get("rule").get("id").asString()
        + " "
        + explained.get("bucket").asInt();
  }
}
