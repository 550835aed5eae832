package dev.strangler.proxy.accesslog;

import static dev.strangler.proxy.support.InvokeApiServer.functionError;
import static dev.strangler.proxy.support.InvokeApiServer.returning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.proxy.support.InvokeApiServer;
import dev.strangler.proxy.support.Monolith;
import dev.strangler.proxy.support.Proxy;
import dev.strangler.proxy.support.RawHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/** One JSON line per request on the {@code strangler.access} logger, whoever served it. */
@ExtendWith(OutputCaptureExtension.class)
class AccessLogIntegrationTest {

  private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
  private static final String RULES =
      """
      version: 1
      routes:
        - id: answers
          match: { methods: [GET], paths: ["/answers/**"] }
          lambda: { function: answering }
          canary: { percent: 100 }
        - id: product-reads
          match: { methods: [GET], paths: ["/api/products/{id}"] }
          lambda: { function: crashing }
          canary: { percent: 100 }
      """;

  @TempDir static Path dir;
  private static InvokeApiServer lambda;
  private static Proxy proxy;
  private AccessLogCapture log;

  @BeforeAll
  static void start() throws Exception {
    lambda =
        new InvokeApiServer()
            .answer("answering", returning("{\"statusCode\":201,\"body\":\"from lambda\"}"))
            .answer("crashing", functionError("Unhandled", "java.lang.IllegalStateException", "x"));
    Path rules = Files.writeString(dir.resolve("routes.yaml"), RULES);
    proxy =
        Proxy.start(
            Monolith.shared().url(),
            Map.of(
                "strangler.rules.file", rules.toString(),
                "strangler.lambda.endpoint", lambda.url().toString()));
  }

  @AfterAll
  static void stop() {
    proxy.close();
    lambda.close();
  }

  @BeforeEach
  void capture() {
    log = AccessLogCapture.attach();
  }

  @AfterEach
  void release() {
    log.close();
  }

  @Test
  void passthroughRequest() throws IOException {
    String id = newId();
    Instant before = Instant.now();
    RawHttp.Response response =
        RawHttp.get(
            proxy.url(),
            "/api/products?size=1",
            "X-Request-Id: " + id,
            "traceparent: 00-" + TRACE_ID + "-b7ad6b7169203331-01");

    JsonNode line = log.awaitRequest(id);
    assertThat(response.status()).isEqualTo(200);
    assertThat(Instant.parse(line.get("time").asString())).isBetween(before, Instant.now());
    assertThat(line.get("time").asString()).endsWith("Z");
    assertThat(line.get("traceId").asString()).isEqualTo(TRACE_ID);
    assertThat(line.get("method").asString()).isEqualTo("GET");
    assertThat(line.get("path").asString()).isEqualTo("/api/products");
    assertThat(line.get("route").asString()).isEqualTo("monolith-default");
    assertThat(line.get("reason").asString()).isEqualTo("no_match");
    assertThat(line.get("bucket").isNull()).isTrue();
    assertThat(line.get("fallback").isNull()).isTrue();
    assertThat(line.get("backend").asString()).isEqualTo("monolith");
    assertThat(line.get("function").isNull()).isTrue();
    assertThat(line.get("status").asInt()).isEqualTo(200);
    assertThat(line.get("bytes").asLong()).isEqualTo(response.body().length);
    assertThat(line.get("latencyMs").isNumber()).isTrue();
    assertThat(line.get("latencyMs").asDouble()).isPositive();
    assertThat(line.propertyNames())
        .containsExactly(
            "time",
            "requestId",
            "traceId",
            "method",
            "path",
            "route",
            "reason",
            "bucket",
            "fallback",
            "backend",
            "function",
            "status",
            "bytes",
            "latencyMs");
  }

  @Test
  void requestServedByAFunction() throws IOException {
    String id = newId();
    RawHttp.Response response = RawHttp.get(proxy.url(), "/answers/42", "X-Request-Id: " + id);

    JsonNode line = log.awaitRequest(id);
    assertThat(response.status()).isEqualTo(201);
    assertThat(line.get("traceId").asString()).matches("[0-9a-f]{32}");
    assertThat(line.get("path").asString()).isEqualTo("/answers/42");
    assertThat(line.get("route").asString()).isEqualTo("answers");
    assertThat(line.get("reason").asString()).isEqualTo("canary");
    assertThat(line.get("bucket").asInt()).isBetween(0, 9999);
    assertThat(line.get("fallback").isNull()).isTrue();
    assertThat(line.get("backend").asString()).isEqualTo("lambda");
    assertThat(line.get("function").asString()).isEqualTo("answering");
    assertThat(line.get("status").asInt()).isEqualTo(201);
    assertThat(line.get("bytes").asLong()).isEqualTo("from lambda".length());
  }

  @Test
  void requestThatFellBackToTheMonolith() throws IOException {
    String id = newId();
    RawHttp.Response response = RawHttp.get(proxy.url(), "/api/products/1", "X-Request-Id: " + id);

    JsonNode line = log.awaitRequest(id);
    assertThat(response.status()).isEqualTo(200);
    assertThat(line.get("route").asString()).isEqualTo("product-reads");
    assertThat(line.get("reason").asString()).isEqualTo("canary");
    assertThat(line.get("fallback").asString()).isEqualTo("function_error");
    assertThat(line.get("backend").asString()).isEqualTo("monolith");
    assertThat(line.get("function").asString()).isEqualTo("crashing");
    assertThat(line.get("status").asInt()).isEqualTo(200);
    assertThat(line.get("bytes").asLong()).isEqualTo(response.body().length);
  }

  @Test
  void rejectedPath() throws IOException {
    String id = newId();
    RawHttp.Response response =
        RawHttp.get(proxy.url(), "/api/public/%2e%2e/admin", "X-Request-Id: " + id);

    JsonNode line = log.awaitRequest(id);
    assertThat(response.status()).isEqualTo(400);
    assertThat(line.get("traceId").asString()).matches("[0-9a-f]{32}");
    assertThat(line.get("path").asString()).isEqualTo("/api/public/%2e%2e/admin");
    assertThat(line.get("route").asString()).isEqualTo("monolith-default");
    assertThat(line.get("reason").asString()).isEqualTo("rejected");
    assertThat(line.get("backend").asString()).isEqualTo("proxy");
    assertThat(line.get("function").isNull()).isTrue();
    assertThat(line.get("status").asInt()).isEqualTo(400);
    assertThat(line.get("bytes").asLong()).isEqualTo(response.body().length);
  }

  @Test
  void lineBreaksInARequestIdCannotSplitOrForgeALine() throws IOException {
    String[] attempts = {
      "X-Request-Id: first\r\n {\"requestId\":\"forged-by-fold\"}",
      "X-Request-Id: second\r{\"requestId\":\"forged-by-cr\"}",
      "X-Request-Id: third\u0085{\"requestId\":\"forged-by-next-line\"}"
    };
    for (int i = 0; i < attempts.length; i++) {
      String path = "/api/debug/request/crlf-" + i;
      try {
        RawHttp.exchange(
            proxy.url(),
            "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + attempts[i],
            new byte[0]);
      } catch (IOException refused) {
        // The server may refuse such a request outright: then it is not logged either.
      }
    }
    // A request after them, so every line they may have caused is in the log by its time.
    String id = newId();
    RawHttp.get(proxy.url(), "/api/products?size=1", "X-Request-Id: " + id);
    log.awaitRequest(id);

    assertThat(log.jsonLines())
        .allSatisfy(
            line -> {
              assertThat(line.get("requestId").asString()).doesNotContain("forged");
              assertThat(line.get("requestId").asString()).matches("[A-Za-z0-9._-]+");
            });
    assertThat(log.lines()).noneMatch(line -> line.startsWith("{\"requestId\""));
  }

  @Test
  void linesGoToStandardOutputAsTheyAre(CapturedOutput output) throws IOException {
    String id = newId();
    RawHttp.get(proxy.url(), "/api/products?size=1", "X-Request-Id: " + id);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> output.getOut().contains("\"requestId\":\"" + id + "\""));
    String written =
        output
            .getOut()
            .lines()
            .filter(line -> line.contains("\"requestId\":\"" + id + "\""))
            .findFirst()
            .orElseThrow();
    assertThat(written).startsWith("{\"time\":\"").endsWith("}");
    assertThat(written.getBytes(StandardCharsets.UTF_8)).hasSize(written.length());
  }

  private static String newId() {
    return "access-" + UUID.randomUUID();
  }
}
