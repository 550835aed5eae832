package dev.strangler.proxy.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.proxy.scale.BoundedLoad.Outcome;
import dev.strangler.proxy.support.Monolith;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replica is stopped while nginx balances load over two: not one request fails or is cut short.
 * The stopped replica drains and exits on SIGTERM; nginx, allowed to retry on a connection error
 * only, retries the requests it could not hand to it on the other, which serves the rest; a
 * replacement then joins and takes traffic.
 *
 * <p>This is harsher than a Kubernetes rollout, where the pod leaves the Service's endpoints and
 * sleeps in preStop before its SIGTERM: here nginx still sends to the replica while it stops.
 */
class RollingRestartIntegrationTest {

  private static final int THREADS = 4;
  private static final int REQUESTS = 3_000;
  private static final int STOP_AT = REQUESTS / 3;

  /** From here on, requests are sent only once the stopped replica has exited. */
  private static final int AFTER_EXIT_FROM = 2 * REQUESTS / 3;

  private static final Duration LOAD_LIMIT = Duration.ofSeconds(60);
  private static final Duration EXIT_LIMIT = Duration.ofSeconds(30);

  /** The JVM's exit status after SIGTERM (128 + 15) once its shutdown hooks ran; 137 is SIGKILL. */
  private static final int EXIT_ON_SIGTERM = 143;

  @TempDir Path dir;

  @Test
  void stopsAReplicaUnderLoadWithoutFailingARequestAndAReplacementTakesTraffic() throws Exception {
    Nginx.executable(); // without nginx, fail at once and say where it comes from
    URI monolith = Monolith.shared().url();
    Map<String, String> expected = expectedBodies(monolith);
    try (Replica a = Replica.launch("a", monolith, Map.of());
        Replica b = Replica.launch("b", monolith, Map.of());
        // The replacement, started with the others as a Deployment with maxSurge starts the new
        // pod before it stops an old one (and the test stays short); nginx learns of it later.
        Replica c = Replica.launch("c", monolith, Map.of())) {
      List.of(a, b, c).forEach(Replica::awaitReady);
      try (Nginx nginx = Nginx.start(dir, List.of(a.address(), b.address()))) {
        Replica stopped = a;
        Replica survivor = b;
        CompletableFuture<Process> exited = stopped.process().process().onExit();
        AtomicLong sigterm = new AtomicLong();
        CompletableFuture<Duration> drained =
            exited.thenApply(p -> Duration.ofNanos(System.nanoTime() - sigterm.get()));
        long loadStarted = System.nanoTime();
        BoundedLoad load = new BoundedLoad(nginx.url(), expected);

        List<Outcome> outcomes =
            load.run(
                THREADS,
                REQUESTS,
                index -> {
                  if (index == STOP_AT) {
                    sigterm.set(System.nanoTime());
                    stopped.process().terminate(); // SIGTERM
                  } else if (index >= AFTER_EXIT_FROM) {
                    awaitExit(exited, stopped);
                  }
                },
                LOAD_LIMIT);

        assertThat(outcomes).hasSize(REQUESTS);
        assertNoFailures(outcomes, nginx);
        // nginx retries only on a connection error, and never a request whose answer it began to
        // receive: a truncated answer would have failed above, and is named here.
        assertThat(nginx.errorLog())
            .as("nginx's error log")
            .doesNotContain("upstream prematurely closed");
        assertThat(stopped.process().output())
            .as("%s log", stopped)
            .doesNotContain("PrematureCloseException")
            .doesNotContainPattern("\"status\":5\\d\\d");
        assertThat(stopped.process().awaitExit(EXIT_LIMIT))
            .as("exit status of %s after SIGTERM; its log:%n%s", stopped, tail(stopped))
            .isEqualTo(EXIT_ON_SIGTERM);
        assertThat(stopped.process().output()).as("%s log", stopped).doesNotContain(" ERROR ");
        assertThat(servedBy(outcomes, stopped, o -> o.index() < STOP_AT))
            .as("requests %s served before its SIGTERM", stopped)
            .isPositive();
        assertThat(servedBy(outcomes, survivor, o -> o.index() < STOP_AT))
            .as("requests %s served before the SIGTERM", survivor)
            .isPositive();
        assertThat(
                outcomes.stream()
                    .filter(o -> o.index() >= AFTER_EXIT_FROM)
                    .filter(o -> !survivor.address().equals(o.servedBy()))
                    .map(Outcome::toString)
                    .limit(5)
                    .toList())
            .as("requests sent after %s exited that %s did not serve", stopped, survivor)
            .isEmpty();
        System.out.printf(
            "rolling restart: %d requests in %s, %d served by %s (exited %s after SIGTERM), %d by %s,"
                + " %d retried by nginx; nginx's error log:%n%s%n",
            outcomes.size(),
            Duration.ofNanos(System.nanoTime() - loadStarted),
            servedBy(outcomes, stopped, o -> true),
            stopped,
            drained.getNow(null),
            servedBy(outcomes, survivor, o -> true),
            survivor,
            outcomes.stream().filter(Outcome::retried).count(),
            nginx.errorLog());

        Replica replacement = c;
        nginx.reload(List.of(survivor.address(), replacement.address()));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        await("nginx sending traffic to the replacement " + replacement)
            .atMost(Duration.ofSeconds(15))
            .pollInterval(Duration.ofMillis(50))
            .until(() -> replacement.address().equals(upstreamOf(client, nginx.url(), expected)));
        List<Outcome> afterReload = load.run(THREADS, 400, index -> {}, Duration.ofSeconds(30));
        assertNoFailures(afterReload, nginx);
        assertThat(servedBy(afterReload, replacement, o -> true))
            .as("requests served by %s", replacement)
            .isPositive();
        assertThat(servedBy(afterReload, survivor, o -> true))
            .as("requests served by %s", survivor)
            .isPositive();
      }
    }
  }

  private static void awaitExit(CompletableFuture<Process> exited, Replica stopped)
      throws Exception {
    try {
      exited.get(EXIT_LIMIT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError(
          stopped + " did not exit within " + EXIT_LIMIT + " of SIGTERM:\n" + tail(stopped), e);
    }
  }

  /** Product pages and a slow endpoint (so that requests are in flight at the SIGTERM). */
  private static Map<String, String> expectedBodies(URI monolith) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Map<String, String> bodies = new LinkedHashMap<>();
    for (String path :
        List.of(
            "/api/products/1",
            "/api/slow?delayMs=20",
            "/api/products/2",
            "/api/products?size=3",
            "/api/products/3",
            "/api/slow?delayMs=5")) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(monolith.resolve(path))
                  .timeout(Duration.ofSeconds(20))
                  .build(),
              BodyHandlers.ofString());
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      bodies.put(path, response.body());
    }
    return bodies;
  }

  /** The upstream that served one request, asserting that it succeeded. */
  private static String upstreamOf(HttpClient client, URI nginx, Map<String, String> expected)
      throws Exception {
    Map.Entry<String, String> first = expected.entrySet().iterator().next();
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(nginx.resolve(first.getKey()))
                .timeout(Duration.ofSeconds(20))
                .build(),
            BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(first.getValue());
    return response.headers().firstValue(Nginx.UPSTREAM_HEADER).orElse("none");
  }

  private static void assertNoFailures(List<Outcome> outcomes, Nginx nginx) {
    List<Outcome> failed = outcomes.stream().filter(Outcome::failed).toList();
    assertThat(failed.stream().limit(5).map(Outcome::toString).toList())
        .as("%d failed requests; nginx's error log:%n%s", failed.size(), nginx.errorLog())
        .isEmpty();
  }

  private static long servedBy(List<Outcome> outcomes, Replica replica, Predicate<Outcome> which) {
    return outcomes.stream()
        .filter(which)
        .filter(o -> replica.address().equals(o.servedBy()))
        .count();
  }

  private static String tail(Replica replica) {
    List<String> lines = replica.process().output().lines().toList();
    return lines.subList(Math.max(0, lines.size() - 30), lines.size()).stream()
        .collect(Collectors.joining(System.lineSeparator()));
  }
}
