package dev.strangler.proxy.lambda;

import static dev.strangler.proxy.support.InvokeApiServer.functionError;
import static dev.strangler.proxy.support.InvokeApiServer.holding;
import static dev.strangler.proxy.support.InvokeApiServer.returning;
import static dev.strangler.proxy.support.InvokeApiServer.throttled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.proxy.support.InvokeApiServer;
import dev.strangler.proxy.support.Monolith;
import dev.strangler.proxy.support.Proxy;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests a rule sends to Lambda reach the function as API Gateway events through the real SDK
 * client, and its answers (or failures) come back as API Gateway returns them.
 */
class LambdaBackendIntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final CountDownLatch NEVER = new CountDownLatch(1);
  private static final String RULES =
      """
      version: 1
      routes:
        - id: products
          match: { methods: [GET], paths: ["/api/products/{id}"] }
          lambda: { function: shop-get-products, qualifier: live }
          canary: { percent: 100 }
        - id: answers
          match: { paths: ["/answers/**"] }
          lambda: { function: answering }
          canary: { percent: 100 }
        - id: images
          match: { methods: [POST], paths: [/api/images/thumbnail] }
          lambda: { function: thumbnail, payloadFormat: "1.0" }
          canary: { percent: 100 }
        - id: crashing
          match: { methods: [POST], paths: [/fail/crash] }
          lambda: { function: crashing }
          canary: { percent: 100 }
        - id: slow
          match: { methods: [POST], paths: [/fail/slow] }
          lambda: { function: slow, timeout: 300ms }
          canary: { percent: 100 }
        - id: malformed
          match: { methods: [POST], paths: [/fail/malformed] }
          lambda: { function: malformed }
          canary: { percent: 100 }
        - id: header-injection
          match: { methods: [POST], paths: [/fail/header-injection] }
          lambda: { function: header-injection }
          canary: { percent: 100 }
        - id: crash-read
          match: { methods: [GET], paths: [/api/slow] }
          lambda: { function: crashing }
          canary: { percent: 100 }
        - id: throttled-read
          match: { methods: [GET], paths: [/cookies] }
          lambda: { function: throttled }
          canary: { percent: 100 }
        - id: missing-read
          match: { methods: [GET], paths: [/account] }
          lambda: { function: no-such-function }
          canary: { percent: 100 }
        - id: slow-read
          match: { methods: [GET], paths: [/api/orders/count] }
          lambda: { function: slow, timeout: 300ms }
          canary: { percent: 100 }
        - id: malformed-read
          match: { methods: [GET], paths: [/login-redirect] }
          lambda: { function: malformed }
          canary: { percent: 100 }
        - id: uploads
          match: { methods: [POST], paths: [/api/files/upload] }
          lambda: { function: answering }
          canary: { percent: 100 }
        - id: throttled-write
          match: { methods: [POST], paths: [/api/orders] }
          lambda: { function: throttled }
          canary: { percent: 100 }
      """;

  @TempDir static Path dir;
  private static InvokeApiServer lambda;
  private static Proxy proxy;

  @BeforeAll
  static void start() throws Exception {
    lambda =
        new InvokeApiServer()
            .answer("shop-get-products", echoAsBody())
            .answer(
                "answering",
                returning(
                    "{\"statusCode\":201,\"headers\":{\"X-From\":\"lambda\",\"Content-Type\":\"application/json\"},"
                        + "\"cookies\":[\"a=1; Path=/\",\"b=2; HttpOnly\"],\"body\":\"{\\\"ok\\\":true}\"}"))
            .answer("thumbnail", base64Echo())
            .answer(
                "crashing", functionError("Unhandled", "java.lang.IllegalStateException", "boom"))
            .answer("throttled", throttled())
            .answer("slow", holding(NEVER, "{}"))
            .answer("malformed", returning("this is not json"))
            .answer(
                "header-injection",
                returning(
                    "{\"statusCode\":200,\"headers\":{\"X-Evil\":\"a\\r\\nSet-Cookie: stolen=1\"},\"body\":\"x\"}"));
    Path rules = Files.writeString(dir.resolve("routes.yaml"), RULES);
    proxy =
        Proxy.start(
            Monolith.shared().url(),
            Map.of(
                "strangler.rules.file",
                rules.toString(),
                "strangler.lambda.endpoint",
                lambda.url().toString(),
                "strangler.lambda.credentials",
                "anonymous",
                "strangler.lambda.region",
                "eu-west-1",
                "strangler.lambda.prime",
                "true",
                "strangler.backend-header",
                "X-Strangler-Backend"));
  }

  @AfterAll
  static void stop() {
    NEVER.countDown();
    proxy.close();
    lambda.close();
  }

  @Test
  void deliversTheRequestAsAnHttpApiEvent() throws Exception {
    HttpResponse<String> response = get("/api/products/7?b=2&a=1&b=3", "X-Trace-Me", "yes");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode event = JSON.readTree(response.body());
    assertThat(event.get("version").asString()).isEqualTo("2.0");
    assertThat(event.get("routeKey").asString()).isEqualTo("GET /api/products/{id}");
    assertThat(event.get("rawPath").asString()).isEqualTo("/api/products/7");
    assertThat(event.get("rawQueryString").asString()).isEqualTo("b=2&a=1&b=3");
    assertThat(event.get("queryStringParameters").get("b").asString()).isEqualTo("2,3");
    assertThat(event.get("pathParameters").get("id").asString()).isEqualTo("7");
    assertThat(event.get("headers").get("x-trace-me").asString()).isEqualTo("yes");
    assertThat(event.get("headers").get("x-forwarded-for").asString()).isEqualTo("127.0.0.1");
    assertThat(event.get("requestContext").get("http").get("sourceIp").asString())
        .isEqualTo("127.0.0.1");
    assertThat(event.get("requestContext").get("requestId").asString()).isNotBlank();
    assertThat(lambda.received().stream().filter(i -> i.function().equals("shop-get-products")))
        .allSatisfy(invocation -> assertThat(invocation.qualifier()).isEqualTo("live"));
  }

  @Test
  void primesEveryFunctionWithADryRunAtStart() {
    await()
        .atMost(java.time.Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(lambda.received())
                    .as(
                        () ->
                            lambda.received().stream()
                                .map(i -> i.function() + i.headers().keySet())
                                .toList()
                                .toString())
                    .filteredOn(
                        i ->
                            "DryRun"
                                .equals(
                                    i
                                        .headers()
                                        .getOrDefault("X-amz-invocation-type", java.util.List.of())
                                        .stream()
                                        .findFirst()
                                        .orElse(null)))
                    .extracting(InvokeApiServer.Invocation::function)
                    .contains("shop-get-products", "answering", "thumbnail", "crashing"));
  }

  @Test
  void returnsTheFunctionsStatusHeadersCookiesAndBody() throws Exception {
    HttpResponse<String> response = get("/answers/x/y");

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().firstValue("X-From")).hasValue("lambda");
    assertThat(response.headers().allValues("Set-Cookie"))
        .containsExactly("a=1; Path=/", "b=2; HttpOnly");
    assertThat(response.body()).isEqualTo("{\"ok\":true}");
  }

  @Test
  void passesBinaryBodiesBase64EncodedBothWays() throws Exception {
    byte[] image = new byte[70_000];
    new java.util.Random(42).nextBytes(image);
    HttpResponse<byte[]> response =
        CLIENT.send(
            HttpRequest.newBuilder(proxy.url().resolve("/api/images/thumbnail"))
                .header("Content-Type", "image/png")
                .POST(BodyPublishers.ofByteArray(image))
                .build(),
            BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(response.body()).isEqualTo(image);
  }

  @ParameterizedTest(name = "POST {0} -> {1}")
  @CsvSource({
    "/fail/crash, 502, Lambda function failed",
    "/fail/slow, 504, Lambda function timed out",
    "/fail/malformed, 502, Malformed Lambda response",
    "/fail/header-injection, 502, Malformed Lambda response",
  })
  void answersAFunctionThatRanAndFailedOnAnUnsafeRequestWithProblemDetails(
      String path, int status, String title) throws Exception {
    HttpResponse<String> response =
        CLIENT.send(
            HttpRequest.newBuilder(proxy.url().resolve(path))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{}"))
                .build(),
            BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains("\"title\":\"" + title + "\"").contains("rule '");
    assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
  }

  @ParameterizedTest(name = "GET {0} -> monolith, {1}")
  @CsvSource({
    "/api/slow?delayMs=0, function_error",
    "/cookies, throttled",
    "/account, not_found",
    "/api/orders/count, timeout",
    "/login-redirect, malformed",
  })
  void servesASafeRequestFromTheMonolithWhenTheFunctionFails(String path, String reason)
      throws Exception {
    HttpResponse<String> fallback = get(path);
    HttpResponse<String> direct =
        CLIENT.send(
            HttpRequest.newBuilder(Monolith.shared().url().resolve(path)).build(),
            BodyHandlers.ofString());

    assertThat(fallback.statusCode()).isEqualTo(direct.statusCode());
    assertThat(fallback.headers().firstValue("X-Strangler-Backend"))
        .hasValueSatisfying(
            v -> assertThat(v).endsWith("; fallback=" + reason).startsWith("monolith"));
    if (!path.equals("/api/orders/count")) {
      assertThat(fallback.body()).isEqualTo(direct.body());
    }
  }

  @Test
  void replaysAnUnsafeRequestOnTheMonolithOnlyWhenTheFunctionDidNotRun() throws Exception {
    long before = orderCount();
    String order = "{\"userId\":1,\"items\":[{\"productId\":1,\"quantity\":1}]}";

    HttpResponse<String> response =
        CLIENT.send(
            HttpRequest.newBuilder(proxy.url().resolve("/api/orders"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(order))
                .build(),
            BodyHandlers.ofString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    assertThat(response.headers().firstValue("X-Strangler-Backend"))
        .hasValueSatisfying(v -> assertThat(v).endsWith("fallback=throttled"));
    assertThat(orderCount()).isEqualTo(before + 1);
  }

  @Test
  void sendsA10MegabyteUploadToTheMonolithIntact() throws Exception {
    byte[] upload = new byte[10 * 1024 * 1024];
    new java.util.Random(7).nextBytes(upload);
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(upload);

    HttpResponse<String> response =
        CLIENT.send(
            HttpRequest.newBuilder(proxy.url().resolve("/api/files/upload"))
                .header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofByteArray(upload))
                .build(),
            BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"bytes\":" + upload.length)
        .containsIgnoringCase(String.format("%08x", crc.getValue()));
    assertThat(response.headers().firstValue("X-Strangler-Backend"))
        .hasValueSatisfying(v -> assertThat(v).endsWith("fallback=too_large"));
  }

  private static long orderCount() throws Exception {
    String body =
        CLIENT
            .send(
                HttpRequest.newBuilder(Monolith.shared().url().resolve("/api/orders/count"))
                    .build(),
                BodyHandlers.ofString())
            .body();
    return Long.parseLong(body.replaceAll("\\D", ""));
  }

  @Test
  void sendsABodyTooLargeForLambdaToTheMonolithWithoutInvoking() throws Exception {
    long before = lambda.received().stream().filter(i -> i.function().equals("thumbnail")).count();
    byte[] body = new byte[5 * 1024 * 1024]; // fits 6 MB raw, not once base64-encoded

    HttpResponse<String> response = postImage(proxy.url(), body);
    HttpResponse<String> direct = postImage(Monolith.shared().url(), body);

    assertThat(response.statusCode()).isEqualTo(direct.statusCode());
    assertThat(response.body()).isEqualTo(direct.body());
    assertThat(response.headers().firstValue("X-Strangler-Backend"))
        .hasValueSatisfying(v -> assertThat(v).endsWith("fallback=too_large"));
    assertThat(lambda.received().stream().filter(i -> i.function().equals("thumbnail")).count())
        .isEqualTo(before);
  }

  private static HttpResponse<String> postImage(java.net.URI server, byte[] body) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(server.resolve("/api/images/thumbnail"))
            .header("Content-Type", "image/png")
            .POST(BodyPublishers.ofByteArray(body))
            .build(),
        BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(proxy.url().resolve(path));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return CLIENT.send(request.build(), BodyHandlers.ofString());
  }

  /** A function that answers with the event it received as its JSON body. */
  private static InvokeApiServer.Answer echoAsBody() {
    return (invocation, exchange) -> {
      String answer =
          JSON.writeValueAsString(
              Map.of(
                  "statusCode", 200,
                  "headers", Map.of("Content-Type", "application/json"),
                  "body", invocation.payloadText()));
      InvokeApiServer.returning(answer).write(invocation, exchange);
    };
  }

  /** A 1.0 function that answers with the (base64) body it received, as binary. */
  private static InvokeApiServer.Answer base64Echo() {
    return (invocation, exchange) -> {
      JsonNode event = JSON.readTree(invocation.payload());
      assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
      byte[] body = Base64.getDecoder().decode(event.get("body").asString());
      String answer =
          JSON.writeValueAsString(
              Map.of(
                  "statusCode",
                  200,
                  "headers",
                  Map.of("Content-Type", "image/png"),
                  "isBase64Encoded",
                  true,
                  "body",
                  Base64.getEncoder().encodeToString(body)));
      InvokeApiServer.returning(answer).write(invocation, exchange);
    };
  }
}
