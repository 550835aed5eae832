package dev.strangler.proxy.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.proxy.support.Proxy;
import dev.strangler.proxy.support.ShopStack;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A failing function under concurrent load: not one client sees an error, the rule's breaker opens
 * and sends its traffic straight to the monolith, and closes again once the fault is gone. The
 * faults are real: the local runtime's fault injection, and the runtime's process stopped.
 */
class CircuitBreakerIntegrationTest {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final String FUNCTION = "shop-get-products";
  private static final String RULES =
      """
      version: 1
      routes:
        - id: product-reads
          match: { methods: [GET], paths: ["/api/products/{id}"] }
          lambda: { function: shop-get-products, qualifier: live, timeout: 1s }
          canary: { percent: 100 }
          fallback:
            circuitBreaker: { failureRate: 50, window: 10, minimumCalls: 5, openFor: 1s, halfOpenCalls: 2 }
            throttleRetry: { attempts: 3, backoff: 10ms, maxBackoff: 20ms }
      """;

  @TempDir static Path dir;
  private static ShopStack stack;
  private static Proxy proxy;

  @BeforeAll
  static void start() {
    stack = ShopStack.start(dir, RULES);
    proxy = stack.proxy();
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @AfterEach
  void noFaultLeft() throws Exception {
    stack.clearFaults();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"throw\":\"database on fire\"} | function_error",
        "{\"latencyMs\":1500}             | timeout",
        "{\"throttle\":true}              | throttled",
        "{\"malformed\":true}             | malformed"
      })
  void opensUnderAFaultWithoutAClientErrorAndClosesWhenItIsGone(String fault, String reason)
      throws Exception {
    awaitServedByLambda();
    stack.fault(FUNCTION, fault);

    List<String> backends = load(4, 40);

    assertOpenedWithoutAClientError(backends, reason);
    stack.clearFaults();
    awaitServedByLambda();
  }

  @Test
  void opensWhenTheRuntimeProcessIsStoppedAndClosesWhenItIsBack() throws Exception {
    awaitServedByLambda();
    stack.lambda().stop();
    try {
      List<String> backends = load(4, 40);

      assertOpenedWithoutAClientError(backends, "connect");
    } finally {
      stack.lambda().restart();
    }
    awaitServedByLambda();
  }

  @Test
  void aBurstOfThrottlingWithinTheRetriesIsServedByTheFunction() throws Exception {
    awaitServedByLambda();
    long throttled = stack.counter(FUNCTION, "throttles");
    long ran = stack.counter(FUNCTION, "invocations");
    stack.fault(FUNCTION, "{\"throttleNext\":2}");

    assertThat(backendFor("/api/products/3")).startsWith("lambda");
    assertThat(stack.counter(FUNCTION, "throttles") - throttled).isEqualTo(2);
    assertThat(stack.counter(FUNCTION, "invocations") - ran).as("ran once").isEqualTo(1);
  }

  @Test
  void throttlingBeyondTheRetriesIsServedByTheMonolith() throws Exception {
    awaitServedByLambda();
    long throttled = stack.counter(FUNCTION, "throttles");
    stack.fault(FUNCTION, "{\"throttleNext\":3}");

    assertThat(backendFor("/api/products/4"))
        .isEqualTo("monolith; rule=product-reads; fallback=throttled");
    assertThat(stack.counter(FUNCTION, "throttles") - throttled).as("3 attempts").isEqualTo(3);
  }

  private static void assertOpenedWithoutAClientError(List<String> backends, String reason)
      throws Exception {
    assertThat(backends).as("every request answered 200").doesNotContain("error");
    assertThat(backends).anyMatch(b -> b.endsWith("fallback=" + reason));
    assertThat(backends).anyMatch(b -> b.endsWith("fallback=circuit_open"));
    // Open, or already probing again (half-open) after its one second: not closed.
    assertThat(metrics())
        .contains("resilience4j_circuitbreaker_state{name=\"product-reads\",state=\"closed\"} 0.0");
    assertThat(metrics())
        .containsPattern(
            "strangler_fallbacks_total\\{reason=\"" + reason + "\",route=\"product-reads\"} [1-9]");
  }

  /** Half-open probes succeed, the breaker closes, and the function serves again. */
  private static void awaitServedByLambda() {
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                backendFor("/api/products/2").startsWith("lambda")
                    && metrics()
                        .contains(
                            "resilience4j_circuitbreaker_state{name=\"product-reads\",state=\"closed\"} 1.0"));
  }

  /** {@code requests} GETs from {@code threads} threads: each answer's backend, or "error". */
  private static List<String> load(int threads, int requests) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    ConcurrentLinkedQueue<String> backends = new ConcurrentLinkedQueue<>();
    List<Future<?>> sent = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      int id = 1 + i % 30;
      sent.add(
          pool.submit(
              () -> {
                try {
                  HttpResponse<String> response =
                      CLIENT.send(
                          HttpRequest.newBuilder(proxy.url().resolve("/api/products/" + id))
                              .build(),
                          BodyHandlers.ofString());
                  backends.add(
                      response.statusCode() == 200
                          ? response.headers().firstValue("X-Strangler-Backend").orElse("none")
                          : "error");
                } catch (Exception e) {
                  backends.add("error");
                }
              }));
    }
    for (Future<?> future : sent) {
      future.get();
    }
    pool.shutdown();
    return new ArrayList<>(backends);
  }

  private static String backendFor(String path) throws Exception {
    HttpResponse<String> response =
        CLIENT.send(
            HttpRequest.newBuilder(proxy.url().resolve(path)).build(), BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.headers().firstValue("X-Strangler-Backend").orElse("none");
  }

  private static String metrics() throws Exception {
    return CLIENT
        .send(
            HttpRequest.newBuilder(proxy.management().resolve("/actuator/prometheus"))
                .header("Authorization", Proxy.VIEWER_AUTHORIZATION)
                .build(),
            BodyHandlers.ofString())
        .body();
  }
}
