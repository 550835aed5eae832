package dev.strangler.proxy.edge.limits;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/**
 * Answers the edge writes itself, encoded once at start as whole HTTP/1.1 responses: they are sent
 * before or instead of the HTTP codec, to connections that are closed right after.
 */
final class RawAnswers {
  private RawAnswers() {}

  /**
   * A problem+json response with {@code Connection: close}. Write a {@link ByteBuf#duplicate()} of
   * it; the buffer itself is never released.
   *
   * @param extraHeaders further header lines, each ending in CRLF
   */
  static ByteBuf problem(int status, String title, String detail, String extraHeaders) {
    String body =
        "{\"type\":\"about:blank\",\"title\":\""
            + title
            + "\",\"status\":"
            + status
            + ",\"detail\":\""
            + detail
            + "\"}";
    byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 "
            + status
            + " "
            + title
            + "\r\nContent-Type: application/problem+json\r\nContent-Length: "
            + bodyBytes.length
            + "\r\n"
            + extraHeaders
            + "Connection: close\r\n\r\n";
    ByteBuf answer =
        Unpooled.copiedBuffer(
            Unpooled.wrappedBuffer(head.getBytes(StandardCharsets.ISO_8859_1)),
            Unpooled.wrappedBuffer(bodyBytes));
    return Unpooled.unreleasableBuffer(answer.asReadOnly());
  }
}
