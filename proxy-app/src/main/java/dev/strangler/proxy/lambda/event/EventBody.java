package dev.strangler.proxy.lambda.event;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A request body as an event carries it, as a value: the text when the Content-Type says text and
 * the bytes are valid UTF-8, otherwise base64 with {@code isBase64Encoded: true}. The event itself
 * is written by {@link EncodedBody} straight from the bytes; this is its readable form, for
 * describing and checking what the event holds.
 *
 * @param content the body string, or {@code null} when the request has no body
 * @param base64 whether {@code content} is base64
 */
record EventBody(String content, boolean base64) {

  static final EventBody NONE = new EventBody(null, false);

  /** What the event's {@code body} and {@code isBase64Encoded} will be for these bytes. */
  static EventBody of(byte[] body, String contentType) {
    EncodedBody encoded = EncodedBody.of(body, contentType);
    if (!encoded.present()) {
      return NONE;
    }
    return encoded.base64()
        ? new EventBody(Base64.getEncoder().encodeToString(body), true)
        : new EventBody(new String(body, StandardCharsets.UTF_8), false);
  }

  /**
   * A lower bound of the body's length in the event, found without encoding it: text only grows
   * when JSON escapes it, and text that is not valid UTF-8 becomes base64, which is longer still.
   */
  static long minimumLength(byte[] body, String contentType) {
    return minimumLength(body.length, contentType);
  }

  /** {@link #minimumLength(byte[], String)} for a body of {@code length} bytes not yet read. */
  static long minimumLength(long length, String contentType) {
    return MediaTypes.isText(contentType) ? length : base64Length(length);
  }

  static long base64Length(long bytes) {
    return 4 * ((bytes + 2) / 3);
  }
}
