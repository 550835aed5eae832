package dev.strangler.proxy.lambda.event;

import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;

/**
 * Writes payload format 2.0, the HTTP API event, with its fields in the order of AWS's documented
 * example. Optional fields are left out rather than written as {@code null}, as HTTP APIs do.
 */
final class HttpApiEvent {

  private HttpApiEvent() {}

  static void write(
      JsonGenerator json, HttpRequestSnapshot request, EventContext context, EncodedBody body) {
    Map<String, RequestHeaders.Group> headers = RequestHeaders.grouped(request.headers());
    String routeKey =
        context.routePattern() == null
            ? EventContext.DEFAULT_STAGE
            : request.method() + " " + context.routePattern();
    String rawQuery = request.rawQuery() == null ? "" : request.rawQuery();
    json.writeStartObject();
    json.writeStringProperty("version", "2.0");
    json.writeStringProperty("routeKey", routeKey);
    json.writeStringProperty("rawPath", request.path());
    json.writeStringProperty("rawQueryString", rawQuery);
    List<String> cookies = RequestHeaders.cookies(headers.get("cookie"));
    if (!cookies.isEmpty()) {
      json.writeName("cookies");
      json.writeStartArray();
      for (String cookie : cookies) {
        json.writeString(cookie);
      }
      json.writeEndArray();
    }
    json.writeName("headers");
    json.writeStartObject();
    headers.forEach(
        (name, group) -> {
          if (!name.equals("cookie")) {
            json.writeStringProperty(name, group.joined());
          }
        });
    json.writeEndObject();
    Map<String, List<String>> query = QueryParameters.parse(rawQuery);
    if (!query.isEmpty()) {
      json.writeName("queryStringParameters");
      json.writeStartObject();
      query.forEach((name, values) -> json.writeStringProperty(name, String.join(",", values)));
      json.writeEndObject();
    }
    writeRequestContext(json, request, context, headers, routeKey);
    if (body.present()) {
      body.writeProperty(json, "body");
    }
    if (!context.pathParameters().isEmpty()) {
      json.writeName("pathParameters");
      json.writeStartObject();
      context.pathParameters().forEach(json::writeStringProperty);
      json.writeEndObject();
    }
    json.writeBooleanProperty("isBase64Encoded", body.base64());
    json.writeEndObject();
  }

  private static void writeRequestContext(
      JsonGenerator json,
      HttpRequestSnapshot request,
      EventContext context,
      Map<String, RequestHeaders.Group> headers,
      String routeKey) {
    RequestHeaders.Group host = headers.get("host");
    String domainName = RequestHeaders.domainName(host == null ? null : host.values().get(0));
    RequestHeaders.Group userAgent = headers.get("user-agent");
    json.writeName("requestContext");
    json.writeStartObject();
    json.writeStringProperty("accountId", context.accountId());
    json.writeStringProperty("apiId", context.apiId());
    json.writeStringProperty("domainName", domainName);
    json.writeStringProperty("domainPrefix", RequestHeaders.domainPrefix(domainName));
    json.writeName("http");
    json.writeStartObject();
    json.writeStringProperty("method", request.method());
    json.writeStringProperty("path", request.path());
    json.writeStringProperty("protocol", request.protocol());
    json.writeStringProperty("sourceIp", request.sourceIp());
    json.writeStringProperty("userAgent", userAgent == null ? "" : userAgent.joined());
    json.writeEndObject();
    json.writeStringProperty("requestId", request.requestId());
    json.writeStringProperty("routeKey", routeKey);
    json.writeStringProperty("stage", context.stage());
    json.writeStringProperty("time", RequestHeaders.requestTime(request.time()));
    json.writeNumberProperty("timeEpoch", request.time().toEpochMilli());
    json.writeEndObject();
  }
}
