package dev.strangler.proxy.routing;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.http.server.reactive.ServerHttpRequest;

/** The id that follows a request into logs and the function's event. */
public final class RequestIds {
  private RequestIds() {}

  public static final String HEADER = "X-Request-Id";

  /** The client's {@code X-Request-Id} when it sent a sane one, else a new random UUID. */
  public static String of(ServerHttpRequest request) {
    String given = request.getHeaders().getFirst(HEADER);
    if (given != null && given.length() <= 128 && given.chars().allMatch(RequestIds::isIdChar)) {
      return given;
    }
    ThreadLocalRandom random = ThreadLocalRandom.current();
    // Not SecureRandom: ids need to be unique, not secret, and must not block the event loop.
    return new UUID(
            random.nextLong() & ~0xF000L | 0x4000L, random.nextLong() & ~(3L << 62) | (2L << 62))
        .toString();
  }

  private static boolean isIdChar(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_'
        || c == '.';
  }
}
