package dev.strangler.proxy.lambda.event;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** The outcome of mapping a request to an event: the event, or why there is none. */
public sealed interface EventResult {

  /**
   * The event, ready to be the Invoke payload.
   *
   * @param json the event as UTF-8 JSON; the array is not copied, so whoever makes an {@code
   *     Encoded} gives the array up
   */
  record Encoded(byte[] json) implements EventResult {

    public Encoded {
      requireNonNull(json, "json");
    }

    /** A copy of the event's bytes. */
    @Override
    public byte[] json() {
      return json.clone();
    }

    /**
     * The event's bytes themselves, not a copy, for handing to the Invoke call: a multi-megabyte
     * event is not doubled. The caller must not change them.
     */
    public byte[] jsonWithoutCopy() {
      return json;
    }

    /** The event's bytes without a copy, read-only. */
    public ByteBuffer buffer() {
      return ByteBuffer.wrap(json).asReadOnlyBuffer();
    }

    public int size() {
      return json.length;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Encoded that && Arrays.equals(json, that.json);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(json);
    }

    @Override
    public String toString() {
      return "Encoded[" + json.length + " bytes]";
    }
  }

  /**
   * The event would exceed Lambda's payload limit for synchronous invocation, so the function
   * cannot be called with it (API Gateway answers 413 in this case).
   *
   * @param sizeAtLeast the event's size in bytes, or a lower bound of it when the body alone (after
   *     base64 encoding, if any) is over the limit and the event was not built
   * @param limit the limit in bytes
   */
  record TooLarge(long sizeAtLeast, long limit) implements EventResult {

    public String message() {
      return "the event would be at least "
          + sizeAtLeast
          + " bytes, over Lambda's synchronous invocation payload limit of "
          + limit
          + " bytes";
    }
  }
}
