package dev.strangler.proxy.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.proxy.support.Proxy;
import dev.strangler.proxy.support.ShopStack;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/orders} on a rule sent to the real {@code shop-create-order} function, under
 * concurrent orders, with the runtime's faults: an order is never placed twice, counted in the
 * monolith's own database, and clients get the documented answer for each failure.
 */
class OrdersRunOnceIntegrationTest {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final String FUNCTION = "shop-create-order";
  private static final String ORDER = "{\"userId\":1,\"items\":[{\"productId\":2,\"quantity\":1}]}";

  /** Under the function's reserved concurrency (5), so that no order is throttled. */
  private static final int ORDERS = 4;

  private static final String RULES =
      """
      version: 1
      routes:
        - id: orders
          match: { methods: [POST], paths: [/api/orders] }
          lambda: { function: shop-create-order, qualifier: live, timeout: 3s }
          canary: { percent: 100 }
          fallback:
            circuitBreaker: { minimumCalls: 100, window: 100 }
      """;

  @TempDir static Path dir;
  private static ShopStack stack;
  private static Proxy proxy;

  @BeforeAll
  static void start() throws Exception {
    stack = ShopStack.start(dir, RULES);
    proxy = stack.proxy();
    // Warm one execution environment per concurrent order: cold starts are not under test here.
    placeOrders();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> stack.counter(FUNCTION, "warmEnvironments") >= ORDERS);
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @AfterEach
  void noFaultLeft() throws Exception {
    stack.clearFaults();
  }

  @Test
  void withoutAFaultTheFunctionPlacesEachOrderOnce() throws Exception {
    long before = orderCount();

    List<HttpResponse<String>> answers = placeOrders();

    assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(201));
    assertThat(answers)
        .allSatisfy(answer -> assertThat(backendOf(answer)).startsWith("lambda; rule=orders"));
    assertThat(orderCount() - before).isEqualTo(ORDERS);
  }

  @Test
  void aFailingFunctionAnswers502AndTheMonolithNeverPlacesTheOrder() throws Exception {
    long before = orderCount();
    stack.fault(FUNCTION, "{\"throw\":\"payment service down\"}");

    List<HttpResponse<String>> answers = placeOrders();

    assertThat(answers)
        .allSatisfy(
            answer -> {
              assertThat(answer.statusCode()).isEqualTo(502);
              assertThat(answer.headers().firstValue("Content-Type"))
                  .hasValue("application/problem+json");
              assertThat(answer.body())
                  .contains("rule 'orders', function 'shop-create-order'")
                  .contains("Lambda function failed");
            });
    assertThat(orderCount()).as("no order placed anywhere").isEqualTo(before);
  }

  @Test
  void aTimedOutFunctionAnswers504AndItsOrdersArePlacedOnceByTheFunctionAlone() throws Exception {
    long before = orderCount();
    // The function runs, but only after the rule's three seconds are over.
    stack.fault(FUNCTION, "{\"latencyMs\":4000}");

    List<HttpResponse<String>> answers = placeOrders();

    assertThat(answers)
        .allSatisfy(
            answer -> {
              assertThat(answer.statusCode()).isEqualTo(504);
              assertThat(answer.body()).contains("did not answer within 3000 ms");
            });
    // The abandoned invocations still finish in the runtime and place their orders; the
    // monolith placed none.
    await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> stack.counter(FUNCTION, "busyEnvironments") == 0);
    assertThat(orderCount() - before).isEqualTo(ORDERS);
  }

  @Test
  void aThrottledFunctionDidNotRunSoTheMonolithPlacesEachOrderOnce() throws Exception {
    long before = orderCount();
    stack.fault(FUNCTION, "{\"throttle\":true}");

    List<HttpResponse<String>> answers = placeOrders();

    assertThat(answers)
        .allSatisfy(
            answer -> {
              assertThat(answer.statusCode()).isEqualTo(201);
              assertThat(backendOf(answer)).isEqualTo("monolith; rule=orders; fallback=throttled");
            });
    assertThat(orderCount() - before).isEqualTo(ORDERS);
  }

  /** {@link #ORDERS} orders placed at once through the proxy. */
  private static List<HttpResponse<String>> placeOrders() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(ORDERS);
    try {
      List<Future<HttpResponse<String>>> sent = new ArrayList<>();
      for (int i = 0; i < ORDERS; i++) {
        sent.add(
            pool.submit(
                () ->
                    CLIENT.send(
                        HttpRequest.newBuilder(proxy.url().resolve("/api/orders"))
                            .header("Content-Type", "application/json")
                            .POST(BodyPublishers.ofString(ORDER))
                            .build(),
                        BodyHandlers.ofString())));
      }
      List<HttpResponse<String>> answers = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : sent) {
        answers.add(answer.get());
      }
      return answers;
    } finally {
      pool.shutdown();
    }
  }

  private static String backendOf(HttpResponse<String> answer) {
    return answer.headers().firstValue("X-Strangler-Backend").orElse("none");
  }

  /** Orders in the monolith's database, asked of the monolith directly. */
  private static long orderCount() throws Exception {
    String body =
        CLIENT
            .send(
                HttpRequest.newBuilder(stack.monolith().url().resolve("/api/orders/count")).build(),
                BodyHandlers.ofString())
            .body();
    Matcher count = Pattern.compile("\"count\":(\\d+)").matcher(body);
    assertThat(count.find()).as(body).isTrue();
    return Long.parseLong(count.group(1));
  }
}
