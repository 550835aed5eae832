package dev.strangler.proxy.lambda.event;

import tools.jackson.core.Base64Variants;
import tools.jackson.core.JsonGenerator;

/**
 * A request body as an event carries it: text when the Content-Type says text and the bytes are
 * valid UTF-8, otherwise base64 with {@code isBase64Encoded: true}. Written into the event straight
 * from the request's bytes: the body never becomes a {@code String}, and its length in the event is
 * known before it is written, so that the event is encoded once into an array of its exact size.
 */
final class EncodedBody {

  private enum Kind {
    NONE,
    TEXT,
    BASE64
  }

  static final EncodedBody NONE = new EncodedBody(new byte[0], Kind.NONE, 0, false);

  private final byte[] bytes;
  private final Kind kind;
  private final long encodedLength;
  private final boolean placeholder;

  private EncodedBody(byte[] bytes, Kind kind, long encodedLength, boolean placeholder) {
    this.bytes = bytes;
    this.kind = kind;
    this.encodedLength = encodedLength;
    this.placeholder = placeholder;
  }

  /** The body as an event carries it; {@code body} is read, never kept past the event's writing. */
  static EncodedBody of(byte[] body, String contentType) {
    if (body.length == 0) {
      return NONE;
    }
    if (MediaTypes.isText(contentType)) {
      long escaped = JsonText.escapedLengthOfUtf8(body);
      if (escaped >= 0) {
        return new EncodedBody(body, Kind.TEXT, escaped, false);
      }
    }
    return new EncodedBody(body, Kind.BASE64, EventBody.base64Length(body.length), false);
  }

  boolean present() {
    return kind != Kind.NONE;
  }

  boolean base64() {
    return kind == Kind.BASE64;
  }

  /** The bytes between the quotes of the event's {@code body} string; 0 when there is no body. */
  long encodedLength() {
    return encodedLength;
  }

  /**
   * The same body written as {@code ""}: an event written with it is exactly {@link #encodedLength}
   * bytes shorter than the real one, which is how the real one's size is found.
   */
  EncodedBody placeholder() {
    return kind == Kind.NONE ? this : new EncodedBody(bytes, kind, encodedLength, true);
  }

  /** Writes {@code "name": <the body>}, or {@code null} when there is none. */
  void writeProperty(JsonGenerator json, String name) {
    switch (kind) {
      case NONE -> json.writeNullProperty(name);
      case TEXT -> {
        json.writeName(name);
        if (placeholder) {
          json.writeString("");
        } else {
          json.writeUTF8String(bytes, 0, bytes.length);
        }
      }
      case BASE64 -> {
        json.writeName(name);
        if (placeholder) {
          json.writeString("");
        } else {
          // Standard alphabet with padding, no line breaks: what API Gateway sends.
          json.writeBinary(Base64Variants.MIME_NO_LINEFEEDS, bytes, 0, bytes.length);
        }
      }
    }
  }

  @Override
  public String toString() {
    return "EncodedBody[" + kind + ", " + bytes.length + " bytes, " + encodedLength + " encoded]";
  }
}
