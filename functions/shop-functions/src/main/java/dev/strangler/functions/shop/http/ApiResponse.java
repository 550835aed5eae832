package dev.strangler.functions.shop.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP answer before it becomes a payload format 2.0 response. Text bodies stay text; binary
 * bodies are base64 with {@code isBase64Encoded}, as API Gateway expects them.
 */
public record ApiResponse(
    int statusCode, Map<String, String> headers, String body, boolean base64Encoded) {

  public static final String JSON = "application/json";
  public static final String PROBLEM_JSON = "application/problem+json";
  public static final String PNG = "image/png";

  public ApiResponse {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    Objects.requireNonNull(body, "body");
  }

  public static ApiResponse json(int statusCode, Object value) {
    return new ApiResponse(statusCode, Map.of("Content-Type", JSON), Json.write(value), false);
  }

  public static ApiResponse problem(ApiProblem problem, String instance) {
    Map<String, String> headers = new LinkedHashMap<>(problem.headers());
    headers.put("Content-Type", PROBLEM_JSON);
    return new ApiResponse(problem.status(), headers, Json.write(problem.body(instance)), false);
  }

  public static ApiResponse png(byte[] image) {
    return new ApiResponse(
        200, Map.of("Content-Type", PNG), Base64.getEncoder().encodeToString(image), true);
  }

  /** A response without a body, such as the answer to OPTIONS. */
  public static ApiResponse empty(int statusCode, Map<String, String> headers) {
    return new ApiResponse(statusCode, headers, "", false);
  }

  public ApiResponse withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new ApiResponse(statusCode, more, body, base64Encoded);
  }

  /** The same answer for a HEAD request: the headers of GET, no body. */
  public ApiResponse withoutBody() {
    return new ApiResponse(statusCode, headers, "", false);
  }

  public APIGatewayV2HTTPResponse toLambdaResponse() {
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(statusCode)
        .withHeaders(new LinkedHashMap<>(headers))
        .withBody(body)
        .withIsBase64Encoded(base64Encoded)
        .build();
  }
}
