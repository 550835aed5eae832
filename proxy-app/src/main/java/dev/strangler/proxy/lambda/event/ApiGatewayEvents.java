package dev.strangler.proxy.lambda.event;

import static java.util.Objects.requireNonNull;

import java.io.OutputStream;
import java.util.Arrays;
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
   *
   * <p>The body is encoded once, straight from the request's bytes into an array of the event's
   * exact size: the envelope is written first with an empty body to learn its size (it is small),
   * and the body's escaped or base64 length is known from one pass over its bytes.
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
    EncodedBody body = EncodedBody.of(bodyBytes, contentType);
    Counting envelope = new Counting();
    write(envelope, request, context, body.placeholder());
    long size = envelope.count + body.encodedLength();
    if (size > SYNCHRONOUS_PAYLOAD_LIMIT) {
      return new EventResult.TooLarge(size, SYNCHRONOUS_PAYLOAD_LIMIT);
    }
    Exact out = new Exact((int) size);
    write(out, request, context, body);
    return new EventResult.Encoded(out.bytes());
  }

  /**
   * A lower bound of the event's size for a body of {@code bodyLength} bytes not yet read, with
   * {@code headerBytes} of header names and values: what to reserve before reading the body.
   */
  public static long estimatedSize(long bodyLength, String contentType, long headerBytes) {
    return ENVELOPE_ESTIMATE + 2 * headerBytes + EventBody.minimumLength(bodyLength, contentType);
  }

  private static void write(
      OutputStream out, HttpRequestSnapshot request, EventContext context, EncodedBody body) {
    try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      switch (context.format()) {
        case V2_0 -> HttpApiEvent.write(json, request, context, body);
        case V1_0 -> RestApiEvent.write(json, request, context, body);
      }
    }
  }

  /** Counts the bytes written and keeps none. */
  private static final class Counting extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }

  /**
   * Writes into an array allocated once at the size expected; should the expectation be wrong, it
   * still ends with every byte (at the cost of a copy), never a short or padded event.
   */
  private static final class Exact extends OutputStream {
    private byte[] bytes;
    private int count;

    Exact(int size) {
      bytes = new byte[size];
    }

    @Override
    public void write(int b) {
      room(1);
      bytes[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      room(len);
      System.arraycopy(b, off, bytes, count, len);
      count += len;
    }

    private void room(int more) {
      if (count + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, count + more));
      }
    }

    byte[] bytes() {
      return count == bytes.length ? bytes : Arrays.copyOf(bytes, count);
    }
  }
}
