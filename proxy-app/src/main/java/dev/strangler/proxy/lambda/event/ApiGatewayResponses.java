package dev.strangler.proxy.lambda.event;

import static java.util.Objects.requireNonNull;

import dev.strangler.rules.model.PayloadFormat;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a function's response payload as API Gateway does for a Lambda proxy integration, into the
 * HTTP response to send, or a {@link MalformedFunctionResponse} (API Gateway answers 502).
 *
 * <p>Payload format 2.0 infers a response from any valid JSON that is not an object with {@code
 * statusCode}: status 200, {@code Content-Type: application/json}, and the payload as the body (a
 * JSON string's value, unquoted). Format 1.0 requires an object with {@code statusCode}.
 */
public final class ApiGatewayResponses {

  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  private static final String CONTENT_TYPE = "Content-Type";

  private static final String JSON_TYPE = "application/json";

  private ApiGatewayResponses() {}

  /** The HTTP response a function's payload asks for, or why it is malformed. */
  public static FunctionResponse toHttp(byte[] payload, PayloadFormat format) {
    requireNonNull(payload, "payload");
    requireNonNull(format, "format");
    JsonNode root;
    try {
      root = JSON.readTree(payload);
    } catch (JacksonException e) {
      return new MalformedFunctionResponse(
          "the function's response is not valid JSON (" + where(e) + ")");
    }
    if (root == null || root.isMissingNode()) {
      return new MalformedFunctionResponse("the function's response is empty, not JSON");
    }
    try {
      return switch (format) {
        case V2_0 -> hasStatusCode(root) ? fromV2(root) : inferred(root, payload);
        case V1_0 -> fromV1(root);
      };
    } catch (MalformedResponseException e) {
      return new MalformedFunctionResponse(e.getMessage());
    }
  }

  private static boolean hasStatusCode(JsonNode root) {
    return root.isObject() && root.has("statusCode") && !root.get("statusCode").isNull();
  }

  /** Format 2.0 without statusCode: the whole payload is a JSON body with status 200. */
  private static FunctionHttpResponse inferred(JsonNode root, byte[] payload) {
    byte[] body =
        root.isString() ? root.stringValue().getBytes(StandardCharsets.UTF_8) : payload.clone();
    return new FunctionHttpResponse(200, List.of(new HeaderField(CONTENT_TYPE, JSON_TYPE)), body);
  }

  private static FunctionHttpResponse fromV2(JsonNode root) throws MalformedResponseException {
    int status = ResponseFields.statusCode(root.get("statusCode"));
    ResponseHeaders headers = new ResponseHeaders();
    for (Map.Entry<String, String> header : ResponseFields.headers(root.get("headers"))) {
      if (header.getValue() != null) {
        headers.add(header.getKey(), header.getValue());
      }
    }
    for (String cookie : ResponseFields.cookies(root.get("cookies"))) {
      headers.add("Set-Cookie", cookie);
    }
    return new FunctionHttpResponse(status, headers.toList(), ResponseFields.body(root));
  }

  private static FunctionHttpResponse fromV1(JsonNode root) throws MalformedResponseException {
    if (!root.isObject()) {
      throw new MalformedResponseException(
          "payload format 1.0 needs a JSON object with statusCode, but the function returned "
              + ResponseFields.describe(root));
    }
    JsonNode statusCode = root.get("statusCode");
    if (statusCode == null || statusCode.isNull()) {
      throw new MalformedResponseException(
          "payload format 1.0 needs statusCode, but the function's response has none");
    }
    int status = ResponseFields.statusCode(statusCode);
    MergedHeaders merged =
        MergedHeaders.of(
            ResponseFields.headers(root.get("headers")),
            ResponseFields.multiValueHeaders(root.get("multiValueHeaders")));
    ResponseHeaders headers = new ResponseHeaders();
    for (HeaderField field : merged.fields()) {
      headers.add(field.name(), field.value());
    }
    if (!headers.contains(CONTENT_TYPE) && !merged.contentTypeNulled()) {
      headers.add(CONTENT_TYPE, JSON_TYPE);
    }
    return new FunctionHttpResponse(status, headers.toList(), ResponseFields.body(root));
  }

  /** Where the JSON broke: Jackson's own message would quote the payload, which may be secret. */
  private static String where(JacksonException e) {
    TokenStreamLocation location = e.getLocation();
    return location == null
        ? "unreadable"
        : "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
