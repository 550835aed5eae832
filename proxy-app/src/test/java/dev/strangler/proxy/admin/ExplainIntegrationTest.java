package dev.strangler.proxy.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.proxy.support.LambdaTestDouble;
import dev.strangler.proxy.support.Monolith;
import dev.strangler.proxy.support.Proxy;
import dev.strangler.proxy.support.RawHttp;
import dev.strangler.proxy.support.RawHttp.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code /actuator/explain} answers what routing does: each answer is checked against the backend
 * header of the same request sent for real.
 */
class ExplainIntegrationTest {

  private static final String OVERRIDE = "X-Canary-Override";
  private static final String RULES =
      """
      version: 1
      routes:
        - id: product-reads
          match: { methods: [GET, HEAD], paths: ["/api/products/{id}"] }
          lambda: { function: "shop-get-product:live" }
          canary: { percent: 100, stickyBy: "header:X-User-Id" }
        - id: orders-dark
          match: { methods: [POST], paths: [/api/orders] }
          lambda: { function: shop-create-order }
          canary: { percent: 0, stickyBy: "header:X-User-Id" }
      """;

  @TempDir static Path dir;
  private static Proxy proxy;

  @BeforeAll
  static void start() throws IOException {
    Path rules = Files.writeString(dir.resolve("routes.yaml"), RULES);
    proxy =
        Proxy.start(
            Monolith.shared().url(),
            Map.of(
                "strangler.rules.file",
                rules.toString(),
                "strangler.canary.override-header",
                OVERRIDE,
                "strangler.backend-header",
                "X-Strangler-Backend"),
            LambdaTestDouble.class);
  }

  @AfterAll
  static void stop() {
    proxy.close();
  }

  @ParameterizedTest(name = "{0} {1} [{2}] -> {3} ({4})")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "GET  | /api/users/1     | -                         | monolith | no_match | -             | monolith",
        "GET  | /api/products/7  | X-User-Id:alice           | lambda   | canary   | product-reads | lambda",
        "GET  | /api/products/7  | X-User-Id:alice,bob       | lambda   | canary   | product-reads | lambda",
        "POST | /api/orders      | X-User-Id:alice           | monolith | canary   | orders-dark   | monolith",
        "POST | /api/orders      | X-Canary-Override:lambda  | lambda   | forced   | orders-dark   | lambda",
        "GET  | /api/products/7  | X-Canary-Override:monolith| monolith | forced   | product-reads | monolith",
        "GET  | /api/a/%2F       | -                         | none     | rejected | -             | proxy",
      })
  void explainsEachRequestAsRoutingDecidesIt(
      String method,
      String path,
      String header,
      String backend,
      String reason,
      String rule,
      String servedBy)
      throws IOException {
    JsonNode explained = explain(method, path, header == null ? List.of() : List.of(header));

    assertThat(explained.get("backend").asString()).isEqualTo(backend);
    assertThat(explained.get("reason").asString()).isEqualTo(reason);
    assertThat(explained.get("servedBy").asString()).isEqualTo(servedBy);
    assertThat(explained.get("detail").asString()).isNotBlank();
    if (rule == null) {
      assertThat(explained.get("rule").isNull()).isTrue();
    } else {
      assertThat(explained.get("rule").get("id").asString()).isEqualTo(rule);
    }
    // The same request, sent for real, is routed as explained.
    Response real = send(method, path, header);
    if (reason.equals("rejected")) {
      assertThat(real.status()).isEqualTo(400);
    } else {
      assertThat(real.first("X-Strangler-Backend")).hasValue(expectedHeader(explained));
    }
  }

  @Test
  void namesThePatternThePathParametersAndTheCanary() {
    JsonNode explained = explain("GET", "/api/products/42", List.of("X-User-Id:carol"));

    JsonNode rule = explained.get("rule");
    assertThat(rule.get("pattern").asString()).isEqualTo("/api/products/{id}");
    assertThat(rule.get("pathParameters").get("id").asString()).isEqualTo("42");
    assertThat(rule.get("function").asString()).isEqualTo("shop-get-product:live");
    assertThat(rule.get("percent").asString()).isEqualTo("100");
    assertThat(rule.get("lambdaBelow").asInt()).isEqualTo(10_000);
    assertThat(rule.get("stickyBy").asString()).isEqualTo("header:x-user-id");
    assertThat(rule.get("stickyKeyPresent").asBoolean()).isTrue();
    assertThat(explained.get("bucket").asInt()).isBetween(0, 9_999);
    assertThat(explained.get("circuitBreaker").asString()).isEqualTo("CLOSED");
    assertThat(explained.get("forwardPath").asString()).isEqualTo("/api/products/42");
  }

  @Test
  void patternOfAMonolithDecisionIsNamedToo() {
    JsonNode explained = explain("POST", "/api/orders", List.of());

    assertThat(explained.get("rule").get("pattern").asString()).isEqualTo("/api/orders");
    assertThat(explained.get("rule").get("stickyKeyPresent").asBoolean()).isFalse();
    assertThat(explained.get("detail").asString()).contains("is not below 0");
  }

  @Test
  void explainsTheEmergencySwitch() throws IOException {
    URI switches = proxy.management().resolve("/actuator/emergency");
    assertThat(
            AdminHttp.send(
                    "POST", switches, Proxy.OPERATOR_AUTHORIZATION, "{\"rule\":\"product-reads\"}")
                .statusCode())
        .isEqualTo(200);
    try {
      JsonNode explained = explain("GET", "/api/products/7", List.of("X-User-Id:alice"));

      assertThat(explained.get("backend").asString()).isEqualTo("monolith");
      assertThat(explained.get("reason").asString()).isEqualTo("emergency");
      assertThat(explained.get("emergency").get("by").asString()).isEqualTo(Proxy.OPERATOR);
      assertThat(send("GET", "/api/products/7", "X-User-Id:alice").first("X-Strangler-Backend"))
          .hasValue(expectedHeader(explained));
    } finally {
      AdminHttp.send(
          "DELETE",
          proxy.management().resolve("/actuator/emergency?rule=*"),
          Proxy.OPERATOR_AUTHORIZATION,
          null);
    }
  }

  @Test
  void rejectsAHeaderWithoutAName() {
    assertThat(
            AdminHttp.get(
                    proxy
                        .management()
                        .resolve("/actuator/explain?method=GET&path=/x&header=no-colon"),
                    Proxy.VIEWER_AUTHORIZATION)
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void answersABatchInOrderWithTheSameFieldsAsTheSingleForm() {
    String[][] requests = {
      {"GET", "/api/users/1", null},
      {"GET", "/api/products/7", "X-User-Id:alice"},
      {"POST", "/api/orders", "X-Canary-Override:lambda"},
      {"GET", "/api/a/%2F", null},
      {"HEAD", "/api/products/8", "X-User-Id:bob,carol"},
    };
    StringJoiner body = new StringJoiner(",", "{\"requests\":[", "]}");
    for (String[] request : requests) {
      StringBuilder one =
          new StringBuilder("{\"method\":\"")
              .append(request[0])
              .append("\",\"path\":\"")
              .append(request[1])
              .append('"');
      if (request[2] != null) {
        String[] header = request[2].split(":", 2);
        one.append(",\"headers\":{\"")
            .append(header[0])
            .append("\":\"")
            .append(header[1])
            .append("\"}");
      }
      body.add(one.append('}'));
    }

    HttpResponse<String> batch = postExplain(body.toString());

    assertThat(batch.statusCode()).as(batch.body()).isEqualTo(200);
    JsonNode answers = AdminHttp.json(batch.body());
    assertThat(answers.size()).isEqualTo(requests.length);
    for (int i = 0; i < requests.length; i++) {
      String[] request = requests[i];
      JsonNode single =
          explain(request[0], request[1], request[2] == null ? List.of() : List.of(request[2]));
      assertThat(answers.get(i)).as("%s %s", request[0], request[1]).isEqualTo(single);
    }
  }

  @Test
  void refusesABadBatchWithOneProblemNamingWhatIsWrong() {
    String one = "{\"method\":\"GET\",\"path\":\"/api/products/1\"}";
    String tooMany = "{\"requests\":[" + String.join(",", Collections.nCopies(10_001, one)) + "]}";
    String badSecond = "{\"requests\":[" + one + ",{\"method\":\"GET\"}]}";
    String tooLarge =
        "{\"requests\":[{\"method\":\"GET\",\"path\":\"/x\",\"headers\":{\"A\":\""
            + "a".repeat(ExplainBatchRoute.MAX_BODY_BYTES)
            + "\"}}]}";

    assertProblem(postExplain(tooMany), 400, "at most 10000 per call");
    assertProblem(postExplain(badSecond), 400, "requests[1].path: required");
    assertProblem(postExplain("not json"), 400, "not JSON");
    assertProblem(
        postExplain(tooLarge), 413, "over " + ExplainBatchRoute.MAX_BODY_BYTES + " bytes");
    // Nothing was half answered, and the endpoint goes on answering.
    assertThat(postExplain("{\"requests\":[" + one + "]}").statusCode()).isEqualTo(200);
  }

  private static void assertProblem(HttpResponse<String> response, int status, String detail) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(AdminHttp.json(response.body()).get("detail").asString()).contains(detail);
  }

  private static HttpResponse<String> postExplain(String body) {
    return AdminHttp.send(
        "POST", proxy.management().resolve("/actuator/explain"), Proxy.VIEWER_AUTHORIZATION, body);
  }

  private static JsonNode explain(String method, String path, List<String> headers) {
    List<String> query = new ArrayList<>();
    query.add("method=" + encode(method));
    query.add("path=" + encode(path));
    headers.forEach(header -> query.add("header=" + encode(header)));
    URI url = proxy.management().resolve("/actuator/explain?" + String.join("&", query));
    return AdminHttp.json(url, Proxy.VIEWER_AUTHORIZATION);
  }

  /** What the backend header says of a request routed as explained. */
  private static String expectedHeader(JsonNode explained) {
    String reason = explained.get("reason").asString();
    if (explained.get("rule").isNull()) {
      return "monolith; reason=no_match";
    }
    JsonNode bucket = explained.get("bucket");
    return explained.get("backend").asString()
        + "; rule="
        + explained.get("rule").get("id").asString()
        + (bucket.isNull() ? "" : "; bucket=" + bucket.asInt())
        + "; reason="
        + reason;
  }

  private static Response send(String method, String path, String header) throws IOException {
    String head =
        method
            + " "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0"
            + (header == null ? "" : "\r\n" + header.replaceFirst(":", ": "));
    return RawHttp.exchange(proxy.url(), head, new byte[0]);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
