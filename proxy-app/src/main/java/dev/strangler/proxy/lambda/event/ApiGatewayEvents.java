package dev.strangler.proxy.lambda.event;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

/**
 * Maps a request to the API Gateway Lambda proxy event a function expects, in payload format 1.0
 * (REST API) or 2.0 (HTTP API), exactly as AWS writes them, so that handlers written for API
 * Gateway run unchanged.
 */
public final class ApiGatewayEvents {

  /** Lambda's limit on a synchronous invocation's request payload: 6 MB. */
  public static final long SYNCHRONOUS_PAYLOAD_LIMIT = 6_291_456;

  /** Room for everything but the body, so that one buffer usually suffices. */
  private static final int ENVELOPE_ESTIMATE = 2_048;

  private static final JsonFactory JSON =
      JsonFactory.builder()
          .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
          .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
          .build();

  private ApiGatewayEvents() {}

  /**
   * The event for a request: UTF-8 JSON, or {@link EventResult.TooLarge} when it would exceed
   * {@link #SYNCHRONOUS_PAYLOAD_LIMIT}, counting base64's growth of a binary body.
   */
  public static EventResult toEvent(HttpRequestSnapshot request, EventContext context) {
    requireNonNull(request, "request");
    requireNonNull(context, "context");
    byte[] bodyBytes = request.bodyBytes();
    String contentType = request.firstHeader("Content-Type");
    long minimumBody = EventBody.minimumLength(bodyBytes, contentType);
    if (minimumBody > SYNCHRONOUS_PAYLOAD_LIMIT) {
      return new EventResult.TooLarge(minimumBody, SYNCHRONOUS_PAYLOAD_LIMIT);
    }
    EventBody body = EventBody.of(bodyBytes, contentType);
    int estimate = ENVELOPE_ESTIMATE + (body.content() == null ? 0 : body.content().length() + 16);
    ByteArrayOutputStream out = new ByteArrayOutputStream(estimate);
    try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      switch (context.format()) {
        case V2_0 -> HttpApiEvent.write(json, request, context, body);
        case V1_0 -> RestApiEvent.write(json, request, context, body);
      }
    }
    if (out.size() > SYNCHRONOUS_PAYLOAD_LIMIT) {
      return new EventResult.TooLarge(out.size(), SYNCHRONOUS_PAYLOAD_LIMIT);
    }
    return new EventResult.Encoded(out.toByteArray());
  }
}
