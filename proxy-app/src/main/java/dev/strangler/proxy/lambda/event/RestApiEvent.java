package dev.strangler.proxy.lambda.event;

import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;

/**
 * Writes payload format 1.0, the REST API proxy integration event, with its fields in the order of
 * AWS's documented example. Absent maps and unknown values are written as {@code null}, as API
 * Gateway does.
 */
final class RestApiEvent {

  /** The identity fields API Gateway sends; all but the two we know are {@code null}. */
  private static final List<String> IDENTITY_FIELDS =
      List.of(
          "accessKey",
          "accountId",
          "apiKey",
          "apiKeyId",
          "caller",
          "cognitoAuthenticationProvider",
          "cognitoAuthenticationType",
          "cognitoIdentityId",
          "cognitoIdentityPoolId",
          "principalOrgId",
          "sourceIp",
          "user",
          "userAgent",
          "userArn");

  private RestApiEvent() {}

  static void write(
      JsonGenerator json, HttpRequestSnapshot request, EventContext context, EncodedBody body) {
    Map<String, RequestHeaders.Group> headers = RequestHeaders.grouped(request.headers());
    Map<String, List<String>> query = QueryParameters.parse(request.rawQuery());
    String resource =
        context.routePattern() == null ? EventContext.DEFAULT_STAGE : context.routePattern();
    json.writeStartObject();
    json.writeStringProperty("version", "1.0");
    json.writeStringProperty("resource", resource);
    json.writeStringProperty("path", request.path());
    json.writeStringProperty("httpMethod", request.method());
    objectOrNull(
        json,
        "headers",
        headers.isEmpty(),
        () ->
            headers
                .values()
                .forEach(group -> json.writeStringProperty(group.name(), group.last())));
    objectOrNull(
        json,
        "multiValueHeaders",
        headers.isEmpty(),
        () -> headers.values().forEach(group -> writeList(json, group.name(), group.values())));
    objectOrNull(
        json,
        "queryStringParameters",
        query.isEmpty(),
        () -> query.forEach((name, values) -> json.writeStringProperty(name, last(values))));
    objectOrNull(
        json,
        "multiValueQueryStringParameters",
        query.isEmpty(),
        () -> query.forEach((name, values) -> writeList(json, name, values)));
    writeRequestContext(json, request, context, headers, resource);
    objectOrNull(
        json,
        "pathParameters",
        context.pathParameters().isEmpty(),
        () -> context.pathParameters().forEach(json::writeStringProperty));
    json.writeNullProperty("stageVariables");
    body.writeProperty(json, "body");
    json.writeBooleanProperty("isBase64Encoded", body.base64());
    json.writeEndObject();
  }

  private static void writeRequestContext(
      JsonGenerator json,
      HttpRequestSnapshot request,
      EventContext context,
      Map<String, RequestHeaders.Group> headers,
      String resource) {
    RequestHeaders.Group host = headers.get("host");
    String domainName = RequestHeaders.domainName(host == null ? null : host.values().get(0));
    RequestHeaders.Group userAgent = headers.get("user-agent");
    boolean defaultStage = context.stage().equals(EventContext.DEFAULT_STAGE);
    json.writeName("requestContext");
    json.writeStartObject();
    json.writeStringProperty("accountId", context.accountId());
    json.writeStringProperty("apiId", context.apiId());
    json.writeStringProperty("domainName", domainName);
    json.writeStringProperty("domainPrefix", RequestHeaders.domainPrefix(domainName));
    json.writeStringProperty("extendedRequestId", request.requestId());
    json.writeStringProperty("httpMethod", request.method());
    json.writeName("identity");
    json.writeStartObject();
    for (String field : IDENTITY_FIELDS) {
      switch (field) {
        case "sourceIp" -> json.writeStringProperty(field, request.sourceIp());
        case "userAgent" ->
            json.writeStringProperty(field, userAgent == null ? null : userAgent.last());
        default -> json.writeNullProperty(field);
      }
    }
    json.writeEndObject();
    json.writeStringProperty(
        "path", defaultStage ? request.path() : "/" + context.stage() + request.path());
    json.writeStringProperty("protocol", request.protocol());
    json.writeStringProperty("requestId", request.requestId());
    json.writeStringProperty("requestTime", RequestHeaders.requestTime(request.time()));
    json.writeNumberProperty("requestTimeEpoch", request.time().toEpochMilli());
    json.writeNullProperty("resourceId");
    json.writeStringProperty("resourcePath", resource);
    json.writeStringProperty("stage", context.stage());
    json.writeEndObject();
  }

  /** API Gateway writes an absent map of format 1.0 as {@code null}, never as {@code {}}. */
  private static void objectOrNull(
      JsonGenerator json, String name, boolean empty, Runnable writeFields) {
    json.writeName(name);
    if (empty) {
      json.writeNull();
    } else {
      json.writeStartObject();
      writeFields.run();
      json.writeEndObject();
    }
  }

  private static String last(List<String> values) {
    return values.get(values.size() - 1);
  }

  private static void writeList(JsonGenerator json, String name, List<String> values) {
    json.writeName(name);
    json.writeStartArray();
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }
}
