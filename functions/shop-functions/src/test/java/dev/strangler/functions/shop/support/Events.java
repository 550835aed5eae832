package dev.strangler.functions.shop.support;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Payload format 2.0 events as API Gateway (and the proxy) build them: lower-case header names, the
 * raw path and query, the decoded query parameters with repeated values joined by commas, binary
 * bodies in base64.
 */
public final class Events {

  private Events() {}

  /**
   * @param target path and optional query, exactly as on the request line
   */
  public static Builder request(String method, String target) {
    return new Builder(method, target);
  }

  /** Decodes a path segment: {@code %XX} only, a {@code +} stays a plus. */
  public static String decodePathSegment(String segment) {
    return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  public static final class Builder {
    private final String method;
    private final String rawPath;
    private final String rawQuery;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, String> pathParameters = new LinkedHashMap<>();
    private String body;
    private boolean base64;

    private Builder(String method, String target) {
      this.method = method;
      int question = target.indexOf('?');
      this.rawPath = question < 0 ? target : target.substring(0, question);
      this.rawQuery = question < 0 ? "" : target.substring(question + 1);
    }

    public Builder header(String name, String value) {
      headers.merge(name.toLowerCase(Locale.ROOT), value, (first, second) -> first + "," + second);
      return this;
    }

    public Builder pathParameter(String name, String value) {
      pathParameters.put(name, value);
      return this;
    }

    public Builder textBody(String text) {
      this.body = text;
      this.base64 = false;
      return this;
    }

    public Builder binaryBody(byte[] bytes) {
      this.body = Base64.getEncoder().encodeToString(bytes);
      this.base64 = true;
      return this;
    }

    public APIGatewayV2HTTPEvent build() {
      return APIGatewayV2HTTPEvent.builder()
          .withVersion("2.0")
          .withRouteKey("$default")
          .withRawPath(rawPath)
          .withRawQueryString(rawQuery)
          .withHeaders(Map.copyOf(headers))
          .withQueryStringParameters(decodedQuery())
          .withPathParameters(pathParameters.isEmpty() ? null : Map.copyOf(pathParameters))
          .withBody(body)
          .withIsBase64Encoded(base64)
          .withRequestContext(
              APIGatewayV2HTTPEvent.RequestContext.builder()
                  .withRequestId(UUID.randomUUID().toString())
                  .withRouteKey("$default")
                  .withStage("$default")
                  .withHttp(
                      APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                          .withMethod(method)
                          .withPath(rawPath)
                          .withProtocol("HTTP/1.1")
                          .withSourceIp("127.0.0.1")
                          .withUserAgent("shop-functions-test")
                          .build())
                  .build())
          .build();
    }

    private Map<String, String> decodedQuery() {
      if (rawQuery.isEmpty()) {
        return null;
      }
      Map<String, String> decoded = new LinkedHashMap<>();
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        try {
          String name =
              URLDecoder.decode(
                  equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
          String value =
              equals < 0
                  ? ""
                  : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
          decoded.merge(name, value, (first, second) -> first + "," + second);
        } catch (IllegalArgumentException malformed) {
          // API Gateway would refuse such a query; the raw string still carries it.
        }
      }
      return decoded;
    }
  }
}
