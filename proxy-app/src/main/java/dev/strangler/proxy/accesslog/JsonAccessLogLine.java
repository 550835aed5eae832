package dev.strangler.proxy.accesslog;

import dev.strangler.proxy.observe.CompletedRequest;
import java.io.StringWriter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

/**
 * One JSON object per line. Jackson escapes every control character, and every non-ASCII one too,
 * so neither a CR/LF nor a Unicode line separator in a path or id can split or forge a line.
 */
final class JsonAccessLogLine implements AccessLogLine {

  private static final JsonFactory JSON =
      JsonFactory.builder()
          .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
          .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
          .build();

  @Override
  public String format(CompletedRequest request) {
    StringWriter line = new StringWriter(320);
    try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), line)) {
      json.writeStartObject();
      json.writeStringProperty("time", AccessLogFields.time(request));
      json.writeStringProperty("requestId", request.requestId());
      json.writeStringProperty("traceId", request.traceId());
      json.writeStringProperty("method", request.method());
      json.writeStringProperty("path", request.path());
      json.writeStringProperty("route", request.route());
      json.writeStringProperty("reason", request.reason());
      writeNumberOrNull(json, "bucket", AccessLogFields.bucket(request));
      json.writeStringProperty("fallback", AccessLogFields.fallback(request));
      json.writeStringProperty("backend", request.servedBy().tag());
      json.writeStringProperty("function", request.function());
      writeNumberOrNull(json, "status", AccessLogFields.status(request));
      json.writeNumberProperty("bytes", request.bytes());
      json.writeName("latencyMs");
      json.writeNumber(AccessLogFields.latencyMillis(request));
      json.writeEndObject();
    }
    return line.toString();
  }

  private static void writeNumberOrNull(JsonGenerator json, String name, Integer value) {
    if (value == null) {
      json.writeNullProperty(name);
    } else {
      json.writeNumberProperty(name, value.intValue());
    }
  }

  @Override
  public String toString() {
    return "json";
  }
}
