package dev.strangler.proxy.lambda.event;

import static dev.strangler.proxy.lambda.event.TestRequests.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strangler.rules.model.PayloadFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** The rules behind the golden fixtures, one at a time, including the edge cases. */
class EventMappingRulesTest {

  @ParameterizedTest(name = "{0} -> text: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "text/plain|true",
        "text/html; charset=utf-8|true",
        "TEXT/CSV|true",
        "application/json|true",
        " application/json ; charset=utf-8|true",
        "application/problem+json|true",
        "application/vnd.api+json|true",
        "application/xml|true",
        "application/atom+xml|true",
        "image/svg+xml|true",
        "application/x-www-form-urlencoded|true",
        "application/javascript|true",
        "application/x-javascript|true",
        "application/octet-stream|false",
        "application/pdf|false",
        "multipart/form-data; boundary=x|false",
        "image/png|false",
        "application/jsonx|false",
        "json|false",
        "text/|false",
      })
  void treatsOnlyTextualMediaTypesAsText(String contentType, boolean text) {
    assertThat(MediaTypes.isText(contentType)).isEqualTo(text);
  }

  @Test
  void treatsABodyWithoutContentTypeAsBinary() {
    assertThat(MediaTypes.isText(null)).isFalse();
    assertThat(EventBody.of("hi".getBytes(), null)).isEqualTo(new EventBody("aGk=", true));
  }

  @Test
  void sendsAJsonBodyThatIsNotUtf8AsBase64() {
    byte[] latin1 = {'"', (byte) 0xe9, '"'};

    assertThat(EventBody.of(latin1, "application/json")).isEqualTo(new EventBody("Iuki", true));
  }

  @Test
  void decodesQueryParametersAsApiGatewayDoes() {
    Map<String, List<String>> parameters =
        QueryParameters.parse("a=1&&a=2&b&=empty-name&c=x=y&d=%E2%9C%93&e=%zz&f=%C3&g+h=i+j");

    assertThat(parameters)
        .containsExactly(
            Map.entry("a", List.of("1", "2")),
            Map.entry("b", List.of("")),
            Map.entry("", List.of("empty-name")),
            Map.entry("c", List.of("x=y")),
            Map.entry("d", List.of("✓")),
            Map.entry("e", List.of("%zz")),
            Map.entry("f", List.of("%C3")),
            Map.entry("g h", List.of("i j")));
  }

  @Test
  void treatsAQuestionMarkWithoutQueryAsNoParameters() {
    HttpRequestSnapshot request = request("GET", "/search").query("").build();

    JsonNode v2 = event(request, PayloadFormat.V2_0);
    JsonNode v1 = event(request, PayloadFormat.V1_0);

    assertThat(v2.get("rawQueryString").stringValue()).isEmpty();
    assertThat(v2.has("queryStringParameters")).isFalse();
    assertThat(v1.get("queryStringParameters").isNull()).isTrue();
    assertThat(v1.get("multiValueQueryStringParameters").isNull()).isTrue();
  }

  @Test
  void splitsCookieHeadersOnSemicolonsAndDropsEmptyPieces() {
    HttpRequestSnapshot request =
        request("GET", "/").header("Cookie", " a=1 ;; b=2; ").header("Cookie", ";").build();

    JsonNode v2 = event(request, PayloadFormat.V2_0);

    assertThat(v2.get("cookies").values())
        .extracting(JsonNode::stringValue)
        .containsExactly("a=1", "b=2");
    assertThat(v2.get("headers").has("cookie")).isFalse();
  }

  @Test
  void writesNoCookiesKeyWhenOnlyEmptyCookieHeadersArrive() {
    HttpRequestSnapshot request = request("GET", "/").header("Cookie", "  ").build();

    assertThat(event(request, PayloadFormat.V2_0).has("cookies")).isFalse();
  }

  @Test
  void formatsRequestTimeInUtcWithEnglishMonths() {
    assertThat(RequestHeaders.requestTime(Instant.parse("2020-03-04T19:15:17.135Z")))
        .isEqualTo("04/Mar/2020:19:15:17 +0000");
    assertThat(RequestHeaders.requestTime(Instant.parse("2024-12-31T23:59:59.999Z")))
        .isEqualTo("31/Dec/2024:23:59:59 +0000");
  }

  @Test
  void takesDomainNameFromHostWithoutPort() {
    assertThat(RequestHeaders.domainName("api.example.com:443")).isEqualTo("api.example.com");
    assertThat(RequestHeaders.domainName("api.example.com")).isEqualTo("api.example.com");
    assertThat(RequestHeaders.domainName("[::1]:8080")).isEqualTo("[::1]");
    assertThat(RequestHeaders.domainName(null)).isEmpty();
    assertThat(RequestHeaders.domainPrefix("api.example.com")).isEqualTo("api");
  }

  @Test
  void writesJsonAsAwsDoesWithoutEscapingSlashesOrNonAscii() {
    HttpRequestSnapshot request =
        request("POST", "/a/b")
            .header("Content-Type", "text/plain")
            .body("ünïcode 😀 </script>")
            .build();

    String json =
        new String(
            ((EventResult.Encoded)
                    ApiGatewayEvents.toEvent(
                        request, EventContext.of("/a/b", Map.of(), PayloadFormat.V2_0)))
                .json(),
            StandardCharsets.UTF_8);

    assertThat(json).contains("\"rawPath\":\"/a/b\"", "\"body\":\"ünïcode 😀 </script>\"");
  }

  @Test
  void snapshotKeepsItsOwnCopyOfTheBody() {
    byte[] body = {1, 2, 3};
    HttpRequestSnapshot request = request("POST", "/").body(body).build();

    body[0] = 9;
    request.body()[1] = 9;

    assertThat(request.body()).containsExactly(1, 2, 3);
  }

  @Test
  void contextKeepsPathParametersInOrderAndRefusesBlankSettings() {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("z", "1");
    parameters.put("a", "2");
    EventContext context = EventContext.of("/{z}/{a}", parameters, PayloadFormat.V2_0);
    parameters.put("b", "3");

    assertThat(context.pathParameters().keySet()).containsExactly("z", "a");
    assertThat(EventContext.of(null, null, PayloadFormat.V1_0).pathParameters()).isEmpty();
    assertThatThrownBy(() -> context.withSettings(" ", "1", "api"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("stage must not be blank");
  }

  @Test
  void refusesAPathWithoutLeadingSlash() {
    assertThatThrownBy(() -> request("GET", "*").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("path must start with '/'");
  }

  @Test
  void refusesANullPathParameterValue() {
    Map<String, String> parameters = new HashMap<>();
    parameters.put("id", null);

    assertThatThrownBy(() -> EventContext.of("/{id}", parameters, PayloadFormat.V2_0))
        .isInstanceOf(NullPointerException.class);
  }

  private static JsonNode event(HttpRequestSnapshot request, PayloadFormat format) {
    EventResult result = ApiGatewayEvents.toEvent(request, EventContext.of("/", Map.of(), format));
    return JsonFixtures.tree(((EventResult.Encoded) result).json());
  }
}
