package dev.strangler.proxy.scale;

import static dev.strangler.proxy.support.InvokeApiServer.returning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.proxy.rules.RulesFile;
import dev.strangler.proxy.support.InvokeApiServer;
import dev.strangler.proxy.support.Monolith;
import dev.strangler.proxy.support.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas read one route file through a ConfigMap-style mount. After each swap of the mount's
 * {@code ..data} symlink both serve the new rules within two seconds: the same rules version and
 * content hash on {@code /actuator/rules}, and the same backend for every user, since a user's
 * canary bucket is the same on every replica.
 */
class ReloadConvergenceIntegrationTest {

  private static final Duration CONVERGES_WITHIN = Duration.ofSeconds(2);
  private static final Duration POLL = Duration.ofMillis(50);
  private static final String BACKEND_HEADER = "X-Strangler-Backend";
  private static final String OVERRIDE_HEADER = "X-Canary-Override";
  private static final String PATH = "/api/products/1";
  private static final String LAMBDA_BODY = "{\"servedBy\":\"lambda\"}";
  private static final List<String> USERS =
      IntStream.rangeClosed(1, 16).mapToObj(i -> "user-" + i).toList();
  private static final Pattern BACKEND =
      Pattern.compile("(lambda|monolith); rule=product-reads; bucket=(\\d+); reason=canary");
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  @TempDir Path dir;

  @Test
  void bothReplicasServeEachNewConfigMapVersionWithinTwoSecondsOfTheSwap() throws Exception {
    String monolithBody = get(Monolith.shared().url().resolve(PATH), Map.of()).body();
    try (InvokeApiServer lambda =
        new InvokeApiServer()
            .answer(
                "shop-get-products",
                returning(
                    "{\"statusCode\":200,\"headers\":{\"Content-Type\":\"application/json\"},"
                        + "\"body\":\"{\\\"servedBy\\\":\\\"lambda\\\"}\"}"))) {
      ConfigMapMount mount = ConfigMapMount.create(dir.resolve("rules"), "routes.yaml", rules(0));
      Map<String, String> settings =
          Map.of(
              "strangler.rules.file",
              mount.file().toString(),
              "strangler.lambda.endpoint",
              lambda.url().toString(),
              "strangler.backend-header",
              BACKEND_HEADER,
              "strangler.canary.override-header",
              OVERRIDE_HEADER);
      URI monolith = Monolith.shared().url();
      try (Replica a = Replica.launch("a", monolith, settings);
          Replica b = Replica.launch("b", monolith, settings)) {
        List<Replica> replicas = List.of(a.awaitReady(), b.awaitReady());
        Map<String, Integer> buckets = new LinkedHashMap<>();
        for (Replica replica : replicas) {
          assertRulesInForce(replica, 1, rules(0));
          assertUsersServed(replica, 0, buckets, monolithBody);
          warmLambdaPath(replica);
        }

        String[] steps = {rules(100), rules(50), rules(0)};
        int[] percents = {100, 50, 0};
        for (int step = 0; step < steps.length; step++) {
          int version = step + 2;
          String content = steps[step];
          int percent = percents[step];
          long swapped = System.nanoTime();
          mount.update(content);
          Map<String, Duration> convergedAfter = new ConcurrentHashMap<>();
          await("both replicas serving rules version " + version + " (" + percent + " %)")
              .atMost(CONVERGES_WITHIN)
              .pollInterval(POLL)
              .untilAsserted(
                  () -> {
                    for (Replica replica : replicas) {
                      assertRulesInForce(replica, version, content);
                      convergedAfter.computeIfAbsent(
                          replica.name(), name -> Duration.ofNanos(System.nanoTime() - swapped));
                    }
                    for (Replica replica : replicas) {
                      assertUsersServed(replica, percent, buckets, monolithBody);
                    }
                  });
          System.out.printf(
              "rules version %d (%d %%) served by every replica after %s%n",
              version, percent, convergedAfter);
        }
        assertThat(buckets).as("one bucket per user, on every replica").hasSize(USERS.size());
        assertThat(buckets.values())
            .as("at 50 percent, some users on each backend")
            .anyMatch(bucket -> bucket < 5000)
            .anyMatch(bucket -> bucket >= 5000);
      }
    }
  }

  /** Asserts that {@code replica} has {@code version} in force, read from {@code content}. */
  private static void assertRulesInForce(Replica replica, int version, String content)
      throws Exception {
    String report =
        get(
                replica.management().resolve("/actuator/rules"),
                Map.of("Authorization", Proxy.VIEWER_AUTHORIZATION))
            .body();
    assertThat(report)
        .as("%s /actuator/rules", replica)
        .contains("\"version\":" + version + ",")
        .contains(
            "\"contentHash\":\"" + RulesFile.hash(content.getBytes(StandardCharsets.UTF_8)) + "\"");
  }

  /**
   * Asserts that {@code replica} sends every user to the backend that {@code percent} gives the
   * user's bucket, and that a user's bucket is the one first seen for it, on whichever replica.
   */
  private static void assertUsersServed(
      Replica replica, int percent, Map<String, Integer> buckets, String monolithBody)
      throws Exception {
    List<String> wrong = new ArrayList<>();
    for (String user : USERS) {
      HttpResponse<String> response = get(replica.url().resolve(PATH), Map.of("X-User-Id", user));
      String backend = response.headers().firstValue(BACKEND_HEADER).orElse("none");
      Matcher matcher = BACKEND.matcher(backend);
      assertThat(matcher.matches()).as("%s %s: %s", replica, user, backend).isTrue();
      assertThat(response.statusCode()).as("%s %s status", replica, user).isEqualTo(200);
      int bucket = Integer.parseInt(matcher.group(2));
      assertThat(buckets.computeIfAbsent(user, u -> bucket))
          .as("%s's bucket on %s", user, replica)
          .isEqualTo(bucket);
      String expected = bucket < percent * 100 ? "lambda" : "monolith";
      String body = expected.equals("lambda") ? LAMBDA_BODY : monolithBody;
      if (!matcher.group(1).equals(expected) || !response.body().equals(body)) {
        wrong.add(user + " (bucket " + bucket + "): " + backend);
      }
    }
    assertThat(wrong).as("%s: users not on their backend at %d %%", replica, percent).isEmpty();
  }

  /** The first invocation of a JVM loads the AWS SDK: done before the clock starts. */
  private static void warmLambdaPath(Replica replica) throws Exception {
    HttpResponse<String> response =
        get(replica.url().resolve(PATH), Map.of(OVERRIDE_HEADER, "lambda"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(LAMBDA_BODY);
  }

  private static String rules(int percent) {
    return """
        version: 1
        routes:
          - id: product-reads
            match: { methods: [GET, HEAD], paths: ["/api/products/{id}"] }
            lambda: { function: shop-get-products, timeout: 5s }
            canary: { percent: %d, stickyBy: "header:X-User-Id" }
        """
        .formatted(percent);
  }

  private static HttpResponse<String> get(URI url, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5));
    headers.forEach(request::header);
    return CLIENT.send(request.build(), BodyHandlers.ofString());
  }
}
