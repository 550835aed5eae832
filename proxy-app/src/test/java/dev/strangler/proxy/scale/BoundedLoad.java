package dev.strangler.proxy.scale;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed number of GET requests sent by a few threads back to back, each with a timeout, every
 * answer checked against the body expected for its path. Before request {@code i} is sent, a hook
 * runs with {@code i}: the test's way to act at a point of the load (send a signal, wait for an
 * event).
 */
final class BoundedLoad {

  /** What the test does before request {@code index} is sent. */
  @FunctionalInterface
  interface Hook {
    void before(int index) throws Exception;
  }

  /** One request and how it went. {@code upstream} is the load balancer's header, or null. */
  record Outcome(int index, String path, int status, String upstream, String failure) {
    boolean failed() {
      return failure != null;
    }

    /** The server that answered: the last one the load balancer tried. */
    String servedBy() {
      if (upstream == null) {
        return null;
      }
      String[] tried = upstream.split(",\\s*");
      return tried[tried.length - 1];
    }

    boolean retried() {
      return upstream != null && upstream.contains(",");
    }
  }

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI base;
  private final Map<String, String> expectedBodies;
  private final List<String> paths;

  /** Requests cycle through the paths of {@code expectedBodies}, in its iteration order. */
  BoundedLoad(URI base, Map<String, String> expectedBodies) {
    this.base = base;
    this.expectedBodies = Map.copyOf(expectedBodies);
    this.paths = List.copyOf(expectedBodies.keySet());
  }

  /** Sends {@code total} requests from {@code threads} threads; at most {@code limit} in all. */
  List<Outcome> run(int threads, int total, Hook hook, Duration limit) throws Exception {
    AtomicInteger next = new AtomicInteger();
    List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>(total));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    hook.before(i);
                    outcomes.add(send(i));
                  }
                  return null;
                }));
      }
      long deadline = System.nanoTime() + limit.toNanos();
      for (Future<?> worker : workers) {
        worker.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    List<Outcome> sorted = new ArrayList<>(outcomes);
    sorted.sort(Comparator.comparingInt(Outcome::index));
    return sorted;
  }

  private Outcome send(int index) throws InterruptedException {
    String path = paths.get(index % paths.size());
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT).GET().build();
    try {
      HttpResponse<String> response = client.send(request, BodyHandlers.ofString());
      String upstream = response.headers().firstValue(Nginx.UPSTREAM_HEADER).orElse(null);
      String failure = null;
      if (response.statusCode() != 200) {
        failure = "status " + response.statusCode() + ": " + response.body();
      } else if (!response.body().equals(expectedBodies.get(path))) {
        failure = "unexpected body: " + response.body();
      }
      return new Outcome(index, path, response.statusCode(), upstream, failure);
    } catch (java.io.IOException e) {
      return new Outcome(index, path, 0, null, e.toString());
    }
  }
}
