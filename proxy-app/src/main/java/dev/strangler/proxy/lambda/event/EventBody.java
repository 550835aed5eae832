package dev.strangler.proxy.lambda.event;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A request body as an event carries it: text when the Content-Type says text and the bytes are
 * valid UTF-8, otherwise base64 with {@code isBase64Encoded: true}.
 *
 * @param content the body string, or {@code null} when the request has no body
 * @param base64 whether {@code content} is base64
 */
record EventBody(String content, boolean base64) {

  static final EventBody NONE = new EventBody(null, false);

  static EventBody of(byte[] body, String contentType) {
    if (body.length == 0) {
      return NONE;
    }
    if (MediaTypes.isText(contentType)) {
      String text = strictUtf8(body);
      if (text != null) {
        return new EventBody(text, false);
      }
    }
    return new EventBody(Base64.getEncoder().encodeToString(body), true);
  }

  /**
   * A lower bound of the body's length in the event, found without encoding it: text only grows
   * when JSON escapes it, and text that is not valid UTF-8 becomes base64, which is longer still.
   */
  static long minimumLength(byte[] body, String contentType) {
    return MediaTypes.isText(contentType) ? body.length : base64Length(body.length);
  }

  static long base64Length(long bytes) {
    return 4 * ((bytes + 2) / 3);
  }

  private static String strictUtf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
