package dev.strangler.proxy.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.strangler.proxy.support.InvokeApiServer;
import dev.strangler.proxy.support.Proxy;
import dev.strangler.proxy.support.ProxyProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Observation 5 of issue 12: concurrent 4 MB JSON POSTs on a Lambda route against a proxy at {@code
 * -Xmx256m} killed it with {@code OutOfMemoryError}. Here a proxy JVM of that size, which exits on
 * the first such error, takes 48 of them at once while the function holds every invocation it gets:
 * the process survives, each request is served by the function or by the monolith (or refused with
 * 503 and Retry-After), and the budget is back at 0 afterwards.
 */
class MemoryBudgetIntegrationTest {

  private static final int REQUESTS = 48;
  private static final int BODY_BYTES = 4 * 1024 * 1024;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String RULES =
      """
      version: 1
      routes:
        - id: uploads
          match: { methods: [POST], paths: [/api/uploads] }
          lambda: { function: upload, timeout: 60s }
          canary: { percent: 100 }
          fallback:
            circuitBreaker: { minimumCalls: 100, window: 100 }
      """;

  @TempDir static Path dir;
  private static final CountDownLatch RELEASE = new CountDownLatch(1);
  private static InvokeApiServer lambda;
  private static HttpServer monolith;
  private static final AtomicInteger monolithBytesWrong = new AtomicInteger();
  private static ProxyProcess.Started proxy;
  private static HttpClient client;
  private static ExecutorService clientThreads;

  @BeforeAll
  static void start() throws Exception {
    lambda =
        new InvokeApiServer()
            .answer(
                "upload",
                InvokeApiServer.holding(
                    RELEASE, "{\"statusCode\":200,\"body\":\"stored by the function\"}"));
    monolith = countingMonolith();
    Path rules = Files.writeString(dir.resolve("routes.yaml"), RULES);
    Map<String, String> settings = new LinkedHashMap<>(Proxy.TEST_ADMIN_USERS);
    settings.put("strangler.rules.file", rules.toString());
    settings.put("strangler.lambda.endpoint", lambda.url().toString());
    settings.put("strangler.backend-header", "X-Strangler-Backend");
    proxy =
        ProxyProcess.start(
            List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1"),
            URI.create("http://127.0.0.1:" + monolith.getAddress().getPort()),
            settings);
    clientThreads = Executors.newFixedThreadPool(4);
    client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(clientThreads)
            .build();
  }

  @AfterAll
  static void stop() {
    RELEASE.countDown();
    if (proxy != null) {
      proxy.close();
    }
    lambda.close();
    monolith.stop(0);
    ((ExecutorService) monolith.getExecutor()).shutdownNow();
    clientThreads.shutdownNow();
  }

  @Test
  void concurrentLargeBodiesNeverKillTheProxyAndEachGetsAnAnswer() throws Exception {
    byte[] body = jsonOf(BODY_BYTES);
    List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      sent.add(
          client.sendAsync(
              HttpRequest.newBuilder(proxy.url().resolve("/api/uploads"))
                  .timeout(Duration.ofSeconds(90))
                  .header("Content-Type", "application/json")
                  .POST(BodyPublishers.ofByteArray(body))
                  .build(),
              BodyHandlers.ofString()));
    }
    // Every request is either answered or held by the function: then the function lets go.
    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> sent.stream().filter(CompletableFuture::isDone).count() + held() == REQUESTS);
    assertThat(held()).as("invocations the function holds").isPositive();
    RELEASE.countDown();
    List<HttpResponse<String>> answers = new ArrayList<>();
    for (CompletableFuture<HttpResponse<String>> answer : sent) {
      answers.add(answer.get(60, TimeUnit.SECONDS));
    }

    assertThat(proxy.process().process().isAlive()).as("the proxy process is alive").isTrue();
    assertThat(proxy.process().output()).doesNotContain("OutOfMemoryError");
    assertThat(answers)
        .allSatisfy(
            answer -> {
              String backend = answer.headers().firstValue("X-Strangler-Backend").orElse("");
              if (answer.statusCode() == 503) {
                assertThat(answer.headers().firstValue("Retry-After")).isPresent();
                assertThat(answer.body()).contains("memory budget");
              } else {
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                assertThat(answer.body())
                    .isIn("stored by the function", "monolith read " + body.length + " bytes");
                assertThat(backend)
                    .startsWith(answer.body().startsWith("stored") ? "lambda" : "monolith");
              }
            });
    assertThat(answers)
        .filteredOn(answer -> answer.body().equals("stored by the function"))
        .hasSize(held());
    assertThat(answers)
        .as("requests the budget had no room for, served by the monolith")
        .anySatisfy(
            answer ->
                assertThat(answer.headers().firstValue("X-Strangler-Backend"))
                    .hasValue("monolith; rule=uploads; fallback=buffer_full"));
    assertThat(monolithBytesWrong).as("monolith requests with a short body").hasValue(0);

    // Still serving, and holding nothing.
    HttpResponse<String> after =
        client.send(
            HttpRequest.newBuilder(proxy.url().resolve("/api/uploads"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{}"))
                .build(),
            BodyHandlers.ofString());
    assertThat(after.statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> metric("strangler.buffer.bytes") == 0);
    JsonNode buffering = JSON.readTree(management("/actuator/migration")).get("buffering");
    assertThat(buffering.get("inUseBytes").asLong()).isZero();
    assertThat(buffering.get("peakBytes").asLong())
        .isPositive()
        .isLessThanOrEqualTo(buffering.get("limitBytes").asLong());
    assertThat(buffering.get("refusals").asLong()).isPositive();
    assertThat(metric("strangler.buffer.refused")).isPositive();
  }

  /** Invocations that reached the function (each held until released). */
  private static int held() {
    return (int) lambda.received().stream().filter(i -> i.payload().length > 1000).count();
  }

  /** A JSON document of about {@code size} bytes, with quotes that the event must escape. */
  private static byte[] jsonOf(int size) {
    StringBuilder json = new StringBuilder(size + 64).append("{\"items\":[");
    int i = 0;
    while (json.length() < size - 64) {
      json.append("{\"id\":").append(i++).append(",\"name\":\"item\"},");
    }
    json.append("{\"id\":-1}]}");
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A monolith that reads each body to its end and says how many bytes it got. */
  private static HttpServer countingMonolith() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            long read = 0;
            byte[] chunk = new byte[64 * 1024];
            try (InputStream in = exchange.getRequestBody()) {
              for (int n; (n = in.read(chunk)) > 0; ) {
                read += n;
              }
            }
            String length = exchange.getRequestHeaders().getFirst("Content-Length");
            if (length != null && Long.parseLong(length) != read) {
              monolithBytesWrong.incrementAndGet();
            }
            byte[] answer = ("monolith read " + read + " bytes").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(answer);
            }
          }
        });
    server.start();
    return server;
  }

  private static double metric(String name) throws Exception {
    JsonNode metric = JSON.readTree(management("/actuator/metrics/" + name));
    return metric.get("measurements").get(0).get("value").asDouble();
  }

  private static String management(String path) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(proxy.management().resolve(path))
                    .header("Authorization", Proxy.VIEWER_AUTHORIZATION)
                    .build(),
                BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return response.body();
  }
}
