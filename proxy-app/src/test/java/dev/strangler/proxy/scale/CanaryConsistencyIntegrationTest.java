package dev.strangler.proxy.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.proxy.support.Monolith;
import dev.strangler.proxy.support.Proxy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas (separate JVMs) with the same rules file decide the canary identically: for 100,000
 * sticky keys, asked of each replica's explain endpoint, the same rule, bucket and backend. A user
 * keeps one backend whichever replica the load balancer picks.
 */
class CanaryConsistencyIntegrationTest {

  private static final int KEYS = Integer.getInteger("canary.consistency.keys", 1_000);
  private static final int THREADS = 8;
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .executor(Executors.newFixedThreadPool(THREADS))
          .build();
  private static final Pattern DECISION =
      Pattern.compile("\"backend\":\"(\\w+)\".*\"bucket\":(\\d+)");
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

      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        List<Future<int[]>> slices = new ArrayList<>();
        int slice = KEYS / THREADS;
        for (int t = 0; t < THREADS; t++) {
          int from = t * slice;
          int to = t == THREADS - 1 ? KEYS : from + slice;
          slices.add(pool.submit(() -> compare(a, b, from, to)));
        }
        int lambda = 0;
        int compared = 0;
        for (Future<int[]> result : slices) {
          int[] counts = result.get();
          compared += counts[0];
          lambda += counts[1];
        }
        assertThat(compared).isEqualTo(KEYS);
        // And the split is the rule's: 37.5 %, within what 1,000 keys allow (±4 points).
        assertThat(lambda / (double) KEYS).isBetween(0.335, 0.415);
      } finally {
        pool.shutdown();
      }
    }
  }

  /** Asks both replicas about users {@code from}..{@code to}: {compared, sent to Lambda}. */
  private static int[] compare(Replica a, Replica b, int from, int to) throws Exception {
    int lambda = 0;
    for (int user = from; user < to; user++) {
      String key = "user-" + user;
      String onA = decision(a, key);
      String onB = decision(b, key);
      assertThat(onB).as("decision for %s", key).isEqualTo(onA);
      if (onA.startsWith("lambda")) {
        lambda++;
      }
    }
    return new int[] {to - from, lambda};
  }

  /** {@code backend bucket} as the replica's explain endpoint gives it for one user's request. */
  private static String decision(Replica replica, String user) throws Exception {
    String header = URLEncoder.encode("X-User-Id:" + user, StandardCharsets.UTF_8);
    HttpResponse<String> response =
        CLIENT.send(
            HttpRequest.newBuilder(
                    replica
                        .management()
                        .resolve(
                            "/actuator/explain?method=GET&path=/api/products/7&header=" + header))
                .header("Authorization", Proxy.VIEWER_AUTHORIZATION)
                .timeout(Duration.ofSeconds(30))
                .build(),
            BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Matcher decision = DECISION.matcher(response.body());
    assertThat(decision.find()).as(response.body()).isTrue();
    return decision.group(1) + " " + decision.group(2);
  }
}
