package dev.strangler.functions.shop.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The parts of a payload format 2.0 event that the endpoints read. Header names are
 * case-insensitive; a missing method or path (a hand-written event) falls back to the function's
 * own route, so that such events still get an answer.
 */
public final class ApiRequest {

  private final String method;
  private final String path;
  private final Map<String, String> headers;
  private final Map<String, String> pathParameters;
  private final String rawQueryString;
  private final Map<String, String> queryStringParameters;
  private final byte[] body;

  private ApiRequest(APIGatewayV2HTTPEvent event, String routeMethod, String routePath) {
    APIGatewayV2HTTPEvent.RequestContext.Http http =
        event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
    this.method = firstPresent(http == null ? null : http.getMethod(), routeMethod);
    this.path =
        firstPresent(
            event.getRawPath(), firstPresent(http == null ? null : http.getPath(), routePath));
    this.headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (event.getHeaders() != null) {
      event.getHeaders().forEach((name, value) -> headers.putIfAbsent(name, value));
    }
    this.pathParameters = copyOf(event.getPathParameters());
    this.rawQueryString = event.getRawQueryString();
    this.queryStringParameters = copyOf(event.getQueryStringParameters());
    this.body = bodyOf(event);
  }

  /**
   * @param routeMethod the method of the function's route, used when the event names none
   * @param routePath the path of the function's route, used when the event names none
   */
  public static ApiRequest from(APIGatewayV2HTTPEvent event, String routeMethod, String routePath) {
    return new ApiRequest(
        event == null ? new APIGatewayV2HTTPEvent() : event, routeMethod, routePath);
  }

  public String method() {
    return method;
  }

  /** The path as the client sent it, still percent-encoded: what the monolith calls the URI. */
  public String path() {
    return path;
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  /** A decoded path parameter, as API Gateway fills {@code pathParameters}. */
  public Optional<String> pathParameter(String name) {
    return Optional.ofNullable(pathParameters.get(name));
  }

  /**
   * Parses the query string on demand: the monolith reads parameters only where an endpoint takes
   * some, so only those endpoints may fail on a malformed query.
   */
  public QueryString query() {
    return rawQueryString != null && !rawQueryString.isEmpty()
        ? QueryString.parse(rawQueryString)
        : QueryString.ofDecoded(queryStringParameters);
  }

  public byte[] body() {
    return body.clone();
  }

  private static byte[] bodyOf(APIGatewayV2HTTPEvent event) {
    String body = event.getBody();
    if (body == null) {
      return new byte[0];
    }
    return event.getIsBase64Encoded()
        ? Base64.getMimeDecoder().decode(body)
        : body.getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, String> copyOf(Map<String, String> map) {
    return map == null ? Map.of() : Collections.unmodifiableMap(new HashMap<>(map));
  }

  private static String firstPresent(String value, String fallback) {
    return value == null || value.isEmpty() ? fallback : value;
  }
}
