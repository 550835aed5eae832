package dev.strangler.demo.monolith;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DebugApiTests extends HttpTestSupport {

  @Test
  void echoesRawQueryExactlyAsSent() {
    String rawQuery = "a=%2F&b=x+y&c=%20&d=%25&e=%C3%A9&e=second&empty=&flag";

    JsonNode echo = json(get("/api/debug/request?" + rawQuery));

    assertThat(echo.path("method").asString()).isEqualTo("GET");
    assertThat(echo.path("path").asString()).isEqualTo("/api/debug/request");
    assertThat(echo.path("rawQuery").asString()).isEqualTo(rawQuery);
    assertThat(echo.path("bodyBytes").asLong()).isZero();
  }

  @Test
  void reportsNullRawQueryWhenThereIsNone() {
    JsonNode echo = json(get("/api/debug/request"));

    assertThat(echo.has("rawQuery")).isTrue();
    assertThat(echo.path("rawQuery").isNull()).isTrue();
  }

  @Test
  void acceptsBracketsPipesAndBracesInQueryVerbatim() throws IOException {
    String response =
        RawHttp.exchange(
            port,
            "GET /api/debug/request?f=[1]|{2}&g=^x HTTP/1.0\r\nHost: 127.0.0.1:"
                + port
                + "\r\n\r\n");

    assertThat(response).startsWith("HTTP/1.1 200");
    String body = response.substring(response.indexOf("\r\n\r\n") + 4);
    assertThat(JSON.readTree(body).path("rawQuery").asString()).isEqualTo("f=[1]|{2}&g=^x");
  }

  @Test
  void echoesLowerCasedHeaderNamesWithAllValuesInOrder() {
    var response =
        send(
            request("/api/debug/request")
                .header("X-Multi", "first")
                .header("X-Multi", "second")
                .header("X-Custom-Case", "Value Kept")
                .GET()
                .build());

    JsonNode headers = json(response).path("headers");
    List<String> multi = new ArrayList<>();
    headers.path("x-multi").forEach(value -> multi.add(value.asString()));
    assertThat(multi).containsExactly("first", "second");
    assertThat(headers.path("x-custom-case").get(0).asString()).isEqualTo("Value Kept");
    assertThat(headers.path("host").get(0).asString()).isEqualTo("127.0.0.1:" + port);
    headers.propertyNames().forEach(name -> assertThat(name).isLowerCase());
  }

  @Test
  void countsBodyBytesForAnyMethodIncludingFormBodies() {
    for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
      var response =
          send(
              request("/api/debug/request")
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .method(method, HttpRequest.BodyPublishers.ofString("a=1&b=22"))
                  .build());

      JsonNode echo = json(response);
      assertThat(echo.path("method").asString()).isEqualTo(method);
      assertThat(echo.path("bodyBytes").asLong()).as(method).isEqualTo(8);
    }
  }

  @Test
  void answersOptionsItselfWithAllowHeader() {
    var response =
        send(
            request("/api/debug/request")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "Allow")).contains("GET").contains("OPTIONS");
    assertThat(json(response).path("method").asString()).isEqualTo("OPTIONS");
  }
}
