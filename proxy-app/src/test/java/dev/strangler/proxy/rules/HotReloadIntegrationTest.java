package dev.strangler.proxy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.proxy.support.LambdaTestDouble;
import dev.strangler.proxy.support.Monolith;
import dev.strangler.proxy.support.Proxy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules file changes while requests flow: valid versions apply within 2 seconds, invalid ones
 * are rejected whole, and not one request fails meanwhile.
 */
class HotReloadIntegrationTest {

  private static final Duration APPLIES_WITHIN = Duration.ofSeconds(2);
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @TempDir Path dir;

  @Test
  void appliesEditorSavesAndRejectsInvalidVersionsWithoutFailingARequest() throws Exception {
    Path file = dir.resolve("routes.yaml");
    Files.writeString(file, valid(0));
    try (Proxy proxy = start(file);
        Load load = Load.start(proxy.url().resolve("/api/products/1"))) {
      String inForce = "fn-v0";
      for (int version = 1; version <= 50; version++) {
        boolean isValid = version % 2 == 1;
        String content = isValid ? valid(version) : invalid(version);
        if (version % 4 < 2) {
          writeInPlace(file, content);
        } else {
          writeThenRename(file, content);
        }
        if (isValid) {
          inForce = "fn-v" + version;
          awaitFunction(proxy, inForce);
        } else {
          awaitRejected(proxy, content);
          assertThat(functionServing(proxy)).isEqualTo(inForce);
        }
      }
      load.stop();
      assertThat(load.failures()).as(load.firstFailure()).isZero();
      assertThat(load.requests()).isPositive();
      String metrics = get(proxy.management().resolve("/actuator/prometheus"));
      assertThat(metrics)
          .contains("strangler_rules_reloads_total{result=\"applied\"} 25.0")
          .contains("strangler_rules_reloads_total{result=\"rejected\"} 25.0")
          .contains("strangler_rules_version 26.0");
    }
  }

  @Test
  void appliesKubernetesConfigMapSymlinkSwaps() throws Exception {
    Path mount = Files.createDirectory(dir.resolve("configmap"));
    swapConfigMap(mount, 0, valid(0));
    Files.createSymbolicLink(mount.resolve("routes.yaml"), Path.of("..data/routes.yaml"));
    try (Proxy proxy = start(mount.resolve("routes.yaml"));
        Load load = Load.start(proxy.url().resolve("/api/products/1"))) {
      for (int version = 1; version <= 6; version++) {
        swapConfigMap(mount, version, valid(version));
        awaitFunction(proxy, "fn-v" + version);
      }
      load.stop();
      assertThat(load.failures()).as(load.firstFailure()).isZero();
    }
  }

  @Test
  void reportsARejectedChangeWithFileLineAndColumnThroughTheActuator() throws Exception {
    Path file = dir.resolve("routes.yaml");
    Files.writeString(file, valid(0));
    try (Proxy proxy = start(file)) {
      writeInPlace(file, invalid(7));

      awaitRejected(proxy, invalid(7));
      String report = get(proxy.management().resolve("/actuator/rules"));
      assertThat(report)
          .contains("canary.percent must be between 0 and 100, but was 127")
          .contains("routes.yaml:")
          .contains("\"version\":1");
      assertThat(functionServing(proxy)).isEqualTo("fn-v0");
    }
  }

  private static Proxy start(Path file) {
    return Proxy.start(
        Monolith.shared().url(),
        Map.of("strangler.rules.file", file.toString(), "strangler.rules.poll-interval", "100ms"),
        LambdaTestDouble.class);
  }

  private static String valid(int version) {
    return """
        version: 1
        routes:
          - id: reload-probe
            match: { methods: [GET], paths: ["/api/products/{id}"] }
            lambda: { function: fn-v%d }
            canary: { percent: 100 }
        """
        .formatted(version);
  }

  private static String invalid(int version) {
    return valid(version).replace("percent: 100", "percent: " + (120 + version));
  }

  private static void writeInPlace(Path file, String content) throws IOException {
    Files.writeString(file, content); // truncates, then writes: what most editors do
  }

  private static void writeThenRename(Path file, String content) throws IOException {
    Path temp = file.resolveSibling(".routes.yaml.tmp");
    Files.writeString(temp, content);
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** As the kubelet updates a ConfigMap volume: a new directory, then one atomic symlink swap. */
  private static void swapConfigMap(Path mount, int version, String content) throws IOException {
    Path data = Files.createDirectory(mount.resolve("..v" + version));
    Files.writeString(data.resolve("routes.yaml"), content);
    Path link = Files.createSymbolicLink(mount.resolve("..data_tmp"), data.getFileName());
    Files.move(
        link,
        mount.resolve("..data"),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }

  private static void awaitFunction(Proxy proxy, String function) {
    await()
        .atMost(APPLIES_WITHIN)
        .pollInterval(Duration.ofMillis(20))
        .until(() -> function.equals(functionServing(proxy)));
  }

  private static void awaitRejected(Proxy proxy, String content) {
    String hash = RulesFile.hash(content.getBytes(StandardCharsets.UTF_8));
    await()
        .atMost(APPLIES_WITHIN)
        .pollInterval(Duration.ofMillis(20))
        .until(() -> get(proxy.management().resolve("/actuator/rules")).contains(hash));
  }

  private static String functionServing(Proxy proxy) throws Exception {
    HttpResponse<String> response =
        CLIENT.send(
            HttpRequest.newBuilder(proxy.url().resolve("/api/products/1")).build(),
            BodyHandlers.ofString());
    return response.headers().firstValue(LambdaTestDouble.FUNCTION).orElse("monolith");
  }

  private static String get(URI url) throws Exception {
    return CLIENT
        .send(
            HttpRequest.newBuilder(url).header("Authorization", Proxy.VIEWER_AUTHORIZATION).build(),
            BodyHandlers.ofString())
        .body();
  }

  /** Requests sent back to back from two threads until stopped (at most two minutes). */
  private static final class Load implements AutoCloseable {
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicReference<String> firstFailure = new AtomicReference<>("none");
    private Future<?>[] workers;

    static Load start(URI url) {
      Load load = new Load();
      load.workers =
          new Future<?>[] {
            load.threads.submit(() -> load.run(url)), load.threads.submit(() -> load.run(url))
          };
      return load;
    }

    private void run(URI url) {
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (running.get() && System.nanoTime() < deadline) {
        try {
          HttpResponse<String> response =
              CLIENT.send(HttpRequest.newBuilder(url).build(), BodyHandlers.ofString());
          if (response.statusCode() != 200) {
            fail(response.statusCode() + " " + response.body());
          }
        } catch (IOException e) {
          fail(e.toString());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        requests.incrementAndGet();
      }
    }

    private void fail(String what) {
      failures.incrementAndGet();
      firstFailure.compareAndSet("none", what);
    }

    void stop() throws Exception {
      running.set(false);
      for (Future<?> worker : workers) {
        worker.get();
      }
    }

    int requests() {
      return requests.get();
    }

    int failures() {
      return failures.get();
    }

    String firstFailure() {
      return firstFailure.get();
    }

    @Override
    public void close() {
      running.set(false);
      threads.shutdownNow();
    }
  }
}
