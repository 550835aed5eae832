package dev.strangler.proxy.lambda.event;

import static dev.strangler.rules.model.PayloadFormat.V1_0;
import static dev.strangler.rules.model.PayloadFormat.V2_0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.strangler.rules.model.PayloadFormat;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** A function's payload becomes the HTTP response API Gateway would send, or a 502's reason. */
class ApiGatewayResponsesTest {

  private static final String JSON = "Content-Type: application/json";

  static Stream<Arguments> wellFormedPayloads() {
    return Stream.of(
        arguments(
            "2.0 header values may be strings, numbers or booleans",
            V2_0,
            "{\"statusCode\":201,\"headers\":{\"Content-Type\":\"text/plain\",\"X-Count\":3,"
                + "\"X-Ratio\":1.5,\"X-Flag\":true},\"body\":\"created\"}",
            201,
            List.of("Content-Type: text/plain", "X-Count: 3", "X-Ratio: 1.5", "X-Flag: true"),
            "created"),
        arguments(
            "2.0 cookies become one Set-Cookie each, and no Content-Type is added",
            V2_0,
            "{\"statusCode\":200,\"cookies\":[\"a=1; Path=/\",\"b=2\"],\"body\":\"ok\"}",
            200,
            List.of("Set-Cookie: a=1; Path=/", "Set-Cookie: b=2"),
            "ok"),
        arguments(
            "2.0 statusCode may be a string of digits",
            V2_0,
            "{\"statusCode\":\"404\",\"body\":\"none\"}",
            404,
            List.of(),
            "none"),
        arguments(
            "2.0 ignores multiValueHeaders, which HTTP APIs do not read",
            V2_0,
            "{\"statusCode\":200,\"multiValueHeaders\":{\"X-A\":[\"1\"]}}",
            200,
            List.of(),
            ""),
        arguments(
            "2.0 infers 200 JSON with the whole object as body when statusCode is missing",
            V2_0,
            "{ \"message\": \"Hello from Lambda!\" }",
            200,
            List.of(JSON),
            "{ \"message\": \"Hello from Lambda!\" }"),
        arguments(
            "2.0 infers from an object whose statusCode is null",
            V2_0,
            "{\"statusCode\":null,\"body\":\"x\"}",
            200,
            List.of(JSON),
            "{\"statusCode\":null,\"body\":\"x\"}"),
        arguments(
            "2.0 infers a JSON string's value, unquoted, as the body",
            V2_0,
            "\"Hello from Lambda!\"",
            200,
            List.of(JSON),
            "Hello from Lambda!"),
        arguments("2.0 infers a number as the body", V2_0, "42", 200, List.of(JSON), "42"),
        arguments("2.0 infers an array as the body", V2_0, "[1,2]", 200, List.of(JSON), "[1,2]"),
        arguments("2.0 infers a boolean as the body", V2_0, "true", 200, List.of(JSON), "true"),
        arguments("2.0 infers null as the body", V2_0, "null", 200, List.of(JSON), "null"),
        arguments(
            "drops hop-by-hop headers, those Connection names, and Content-Length",
            V2_0,
            "{\"statusCode\":200,\"headers\":{\"Connection\":\"close, X-Internal\","
                + "\"Transfer-Encoding\":\"chunked\",\"Keep-Alive\":\"timeout=5\",\"Upgrade\":\"h2c\","
                + "\"TE\":\"trailers\",\"Trailer\":\"X-T\",\"Proxy-Connection\":\"close\","
                + "\"X-Internal\":\"secret\",\"Content-Length\":\"5\",\"X-Kept\":\"yes\"},"
                + "\"body\":\"hello\"}",
            200,
            List.of("X-Kept: yes"),
            "hello"),
        arguments(
            "a missing body is an empty body", V2_0, "{\"statusCode\":204}", 204, List.of(), ""),
        arguments(
            "a text body is sent as UTF-8",
            V2_0,
            "{\"statusCode\":200,\"body\":\"caf\\u00e9\"}",
            200,
            List.of(),
            "café"),
        arguments(
            "1.0 adds API Gateway's default Content-Type: application/json",
            V1_0,
            "{\"statusCode\":200,\"body\":\"ok\"}",
            200,
            List.of(JSON),
            "ok"),
        arguments(
            "1.0 merges headers into multiValueHeaders, a pair in both appearing once",
            V1_0,
            "{\"statusCode\":200,\"headers\":{\"X-A\":\"1\",\"X-B\":\"2\",\"Set-Cookie\":\"s=1\"},"
                + "\"multiValueHeaders\":{\"x-a\":[\"1\",\"3\"],\"Set-Cookie\":[\"t=2\",\"u=3\"]}}",
            200,
            List.of(
                "x-a: 1",
                "x-a: 3",
                "Set-Cookie: t=2",
                "Set-Cookie: u=3",
                "X-B: 2",
                "Set-Cookie: s=1",
                JSON),
            ""),
        arguments(
            "1.0 multiValueHeaders may hold numbers and booleans, and skip nulls",
            V1_0,
            "{\"statusCode\":200,\"multiValueHeaders\":{\"X-N\":[1,true,null,\"z\"]}}",
            200,
            List.of("X-N: 1", "X-N: true", "X-N: z", JSON),
            ""),
        arguments(
            "1.0 sends no Content-Type when the function sets it to null",
            V1_0,
            "{\"statusCode\":204,\"headers\":{\"Content-Type\":null}}",
            204,
            List.of(),
            ""),
        arguments(
            "1.0 keeps the function's own Content-Type, whatever its case",
            V1_0,
            "{\"statusCode\":200,\"headers\":{\"content-type\":\"text/html\"},\"body\":\"<p>\"}",
            200,
            List.of("content-type: text/html"),
            "<p>"),
        arguments(
            "1.0 ignores cookies, a 2.0 field",
            V1_0,
            "{\"statusCode\":200,\"cookies\":[\"a=1\"]}",
            200,
            List.of(JSON),
            ""),
        arguments(
            "1.0 statusCode may be a string of digits, as AWS's Python blueprints return",
            V1_0,
            "{\"statusCode\":\"400\",\"body\":\"bad\"}",
            400,
            List.of(JSON),
            "bad"),
        arguments(
            "isBase64Encoded may be the string \"true\"",
            V1_0,
            "{\"statusCode\":200,\"isBase64Encoded\":\"true\",\"body\":\"aGk=\"}",
            200,
            List.of(JSON),
            "hi"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wellFormedPayloads")
  void answersTheResponseTheFunctionAskedFor(
      String rule,
      PayloadFormat format,
      String payload,
      int status,
      List<String> headers,
      String body) {
    FunctionResponse response = ApiGatewayResponses.toHttp(utf8(payload), format);

    assertThat(response).isInstanceOf(FunctionHttpResponse.class);
    FunctionHttpResponse http = (FunctionHttpResponse) response;
    assertThat(http.status()).isEqualTo(status);
    assertThat(http.headers())
        .extracting(header -> header.name() + ": " + header.value())
        .containsExactlyElementsOf(headers);
    assertThat(new String(http.body(), StandardCharsets.UTF_8)).isEqualTo(body);
  }

  @ParameterizedTest
  @EnumSource(PayloadFormat.class)
  void decodesABase64BodyToItsBytes(PayloadFormat format) {
    String payload =
        "{\"statusCode\":200,\"isBase64Encoded\":true,"
            + "\"headers\":{\"Content-Type\":\"image/png\"},\"body\":\"iVBORw0KGgoA/w==\"}";

    FunctionHttpResponse http =
        (FunctionHttpResponse) ApiGatewayResponses.toHttp(utf8(payload), format);

    assertThat(http.body())
        .containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0x00, 0xff);
    assertThat(http.headerValues("content-type")).containsExactly("image/png");
  }

  static Stream<Arguments> malformedPayloads() {
    return Stream.of(
        arguments(V1_0, "secret", "not valid JSON (line 1, column"),
        arguments(V2_0, "secret", "not valid JSON (line 1, column"),
        arguments(V2_0, "{\"statusCode\":200} secret", "not valid JSON (line 1, column"),
        arguments(V2_0, "{\"body\":\"secret", "not valid JSON"),
        arguments(V2_0, "", "empty"),
        arguments(
            V1_0,
            "\"Hello\"",
            "needs a JSON object with statusCode, but the function returned a string"),
        arguments(
            V1_0, "[]", "needs a JSON object with statusCode, but the function returned an array"),
        arguments(V1_0, "{\"body\":\"x\"}", "needs statusCode"),
        arguments(V1_0, "{\"statusCode\":null}", "needs statusCode"),
        arguments(
            V1_0,
            "{\"statusCode\":99}",
            "statusCode must be an integer from 100 to 599, but was 99"),
        arguments(V1_0, "{\"statusCode\":600}", "but was 600"),
        arguments(V2_0, "{\"statusCode\":700}", "but was 700"),
        arguments(V1_0, "{\"statusCode\":200.5}", "but was 200.5 (a number)"),
        arguments(V1_0, "{\"statusCode\":200.0}", "statusCode must be an integer"),
        arguments(V2_0, "{\"statusCode\":\"OK\"}", "but was \"OK\" (a string)"),
        arguments(V2_0, "{\"statusCode\":\"2000\"}", "statusCode must be an integer"),
        arguments(V2_0, "{\"statusCode\":true}", "but was true (a boolean)"),
        arguments(V2_0, "{\"statusCode\":99999999999}", "statusCode must be an integer"),
        arguments(
            V2_0,
            "{\"statusCode\":200,\"isBase64Encoded\":true,\"body\":\"not base64!\"}",
            "isBase64Encoded is true but body is not valid base64"),
        arguments(
            V2_0,
            "{\"statusCode\":200,\"isBase64Encoded\":\"yes\"}",
            "isBase64Encoded must be true or false, but was a string"),
        arguments(
            V1_0,
            "{\"statusCode\":200,\"body\":{\"a\":1}}",
            "body must be a string (serialize JSON bodies first), but was an object"),
        arguments(V2_0, "{\"statusCode\":200,\"body\":42}", "body must be a string"),
        arguments(
            V2_0,
            "{\"statusCode\":200,\"headers\":[\"X-A\"]}",
            "headers must be an object, but was an array"),
        arguments(
            V1_0,
            "{\"statusCode\":200,\"headers\":{\"X-A\":{\"b\":1}}}",
            "headers 'X-A' must be a string, number or boolean, but was an object"),
        arguments(
            V1_0,
            "{\"statusCode\":200,\"multiValueHeaders\":{\"X-A\":\"1\"}}",
            "multiValueHeaders 'X-A' must be an array, but was a string"),
        arguments(
            V1_0,
            "{\"statusCode\":200,\"multiValueHeaders\":[]}",
            "multiValueHeaders must be an object"),
        arguments(
            V2_0,
            "{\"statusCode\":200,\"cookies\":\"a=1\"}",
            "cookies must be an array of strings, but was a string"),
        arguments(
            V2_0,
            "{\"statusCode\":200,\"cookies\":[1]}",
            "cookies must be an array of strings, but it holds a number"),
        arguments(
            V2_0,
            "{\"statusCode\":200,\"headers\":{\"Bad Header\":\"x\"}}",
            "header name 'Bad Header' is not a valid HTTP token"),
        arguments(
            V1_0,
            "{\"statusCode\":200,\"headers\":{\"\":\"x\"}}",
            "header name '' is not a valid HTTP token"),
        arguments(
            V2_0,
            "{\"statusCode\":200,\"headers\":{\"X-A\\r\\nInjected\":\"x\"}}",
            "header name 'X-A\\u000D\\u000AInjected' is not a valid HTTP token"),
        arguments(
            V2_0,
            "{\"statusCode\":200,\"headers\":{\"X-A\":\"secret\\r\\nSet-Cookie: evil=1\"}}",
            "value of header 'X-A' contains a carriage return (CR)"),
        arguments(
            V1_0,
            "{\"statusCode\":200,\"multiValueHeaders\":{\"X-A\":[\"ok\",\"secret\\nX-B: 1\"]}}",
            "value of header 'X-A' contains a line feed (LF)"),
        arguments(
            V1_0,
            "{\"statusCode\":200,\"headers\":{\"X-A\":\"secret\\u0000\"}}",
            "value of header 'X-A' contains a NUL character"),
        arguments(
            V2_0,
            "{\"statusCode\":200,\"cookies\":[\"a=secret\\r\\nX-B: 1\"]}",
            "value of header 'Set-Cookie' contains a carriage return (CR)"),
        arguments(
            V2_0,
            "{\"statusCode\":200,\"headers\":{\"X-A\":\"secret\\u0007\"}}",
            "value of header 'X-A' contains the control character U+0007"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("malformedPayloads")
  void refusesAMalformedResponseSayingWhy(PayloadFormat format, String payload, String reason) {
    FunctionResponse response = ApiGatewayResponses.toHttp(utf8(payload), format);

    assertThat(response).isInstanceOf(MalformedFunctionResponse.class);
    String said = ((MalformedFunctionResponse) response).reason();
    assertThat(said).contains(reason).doesNotContain("secret");
  }

  @Test
  void inferredBodyIsThePayloadExactlyAsReturned() {
    byte[] payload = utf8("{\"b\": 1,   \"a\": [true]}");

    FunctionHttpResponse http = (FunctionHttpResponse) ApiGatewayResponses.toHttp(payload, V2_0);

    assertThat(http.body()).isEqualTo(payload);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
