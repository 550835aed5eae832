package dev.strangler.proxy.lambda.event;

import static dev.strangler.proxy.lambda.event.TestRequests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.strangler.rules.model.PayloadFormat;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Each request's event equals its golden fixture: values, and which keys exist in which order. */
class ApiGatewayEventsGoldenTest {

  private static final byte[] PNG_START = {
    (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0x00, (byte) 0xff
  };

  static Stream<Arguments> requestsAndTheirFixtures() {
    HttpRequestSnapshot getWithQuery =
        request("GET", "/api/products")
            .query("tag=a%20b&tag=c%2Bd&q=caf%C3%A9&plus=1+2&flag&empty=")
            .header("Host", "shop.example.com:8080")
            .header("User-Agent", "curl/8.5.0")
            .header("Accept", "*/*")
            .build();
    HttpRequestSnapshot cookies =
        request("GET", "/account")
            .header("Host", "shop.example.com")
            .header("Cookie", "session=abc; theme=dark")
            .header("X-Trace", "one")
            .header("cookie", "lang=en")
            .header("x-trace", "two")
            .header("Accept", "text/html")
            .build();
    HttpRequestSnapshot jsonPost =
        request("POST", "/api/orders")
            .header("Host", "shop.example.com")
            .header("Content-Type", "application/json; charset=utf-8")
            .header("Content-Length", "24")
            .body("{\"item\":\"café\",\"qty\":2}")
            .build();
    HttpRequestSnapshot binaryPost =
        request("POST", "/api/images")
            .header("Host", "shop.example.com")
            .header("Content-Type", "image/png")
            .body(PNG_START)
            .build();
    HttpRequestSnapshot head =
        request("HEAD", "/api/products/42").header("Host", "shop.example.com").build();
    HttpRequestSnapshot encodedPath =
        request("GET", "/api/products/caf%C3%A9%20noir/reviews/7")
            .header("host", "[2001:db8::1]:8443")
            .protocol("HTTP/2.0")
            .sourceIp("2001:db8::7")
            .build();
    Map<String, String> encodedPathParameters = new LinkedHashMap<>();
    encodedPathParameters.put("id", "café noir");
    encodedPathParameters.put("reviewId", "7");
    HttpRequestSnapshot latin1Text =
        request("PUT", "/api/notes/1")
            .query("draft=")
            .header("Host", "shop.example.com")
            .header("Content-Type", "text/plain; charset=iso-8859-1")
            .body("café".getBytes(StandardCharsets.ISO_8859_1))
            .build();
    HttpRequestSnapshot untypedBody =
        request("POST", "/upload")
            .header("Host", "localhost:8080")
            .sourceIp("127.0.0.1")
            .body("hello")
            .build();
    return Stream.of(
        arguments("v2-get-query.json", getWithQuery, v2("/api/products", Map.of())),
        arguments("v1-get-query.json", getWithQuery, v1("/api/products", Map.of())),
        arguments("v2-cookies-and-repeated-headers.json", cookies, v2("/account", Map.of())),
        arguments("v1-cookies-and-repeated-headers.json", cookies, v1("/account", Map.of())),
        arguments("v2-json-post.json", jsonPost, v2("/api/orders", Map.of())),
        arguments(
            "v1-json-post-named-stage.json",
            jsonPost,
            v1("/api/orders", Map.of()).withSettings("prod", "123456789012", "shop-api")),
        arguments("v2-binary-post.json", binaryPost, v2("/api/images", Map.of())),
        arguments("v1-binary-post.json", binaryPost, v1("/api/images", Map.of())),
        arguments("v2-head.json", head, v2("/api/products/{id}", Map.of("id", "42"))),
        arguments(
            "v2-path-parameters.json",
            encodedPath,
            v2("/api/products/{id}/reviews/{reviewId}", encodedPathParameters)),
        arguments(
            "v1-path-parameters.json",
            encodedPath,
            v1("/api/products/{id}/reviews/{reviewId}", encodedPathParameters)),
        arguments("v2-text-not-utf8.json", latin1Text, v2("/api/notes/{id}", Map.of("id", "1"))),
        arguments(
            "v2-default-route-body-without-content-type.json", untypedBody, v2(null, Map.of())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requestsAndTheirFixtures")
  void writesTheEventOfTheGoldenFixture(
      String fixture, HttpRequestSnapshot request, EventContext context) {
    EventResult result = ApiGatewayEvents.toEvent(request, context);

    assertThat(result).isInstanceOf(EventResult.Encoded.class);
    JsonNode actual = JsonFixtures.tree(((EventResult.Encoded) result).json());
    JsonNode expected = JsonFixtures.tree(fixture);
    assertThat(actual).isEqualTo(expected);
    assertThat(JsonFixtures.keyPaths(actual))
        .containsExactlyElementsOf(JsonFixtures.keyPaths(expected));
  }

  private static EventContext v2(String pattern, Map<String, String> pathParameters) {
    return EventContext.of(pattern, pathParameters, PayloadFormat.V2_0);
  }

  private static EventContext v1(String pattern, Map<String, String> pathParameters) {
    return EventContext.of(pattern, pathParameters, PayloadFormat.V1_0);
  }
}
