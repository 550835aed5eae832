package dev.strangler.proxy.edge.framing;

import java.util.List;

/**
 * What a request's {@code Transfer-Encoding} field lines mean for its framing (RFC 9112 §6.1–6.3).
 *
 * <p>The only framing a server can rely on is a single, final {@code chunked}. Anything else is
 * refused: without a final {@code chunked} the body's length is unknown (400, and RFC 9112 §6.3
 * requires closing the connection); {@code chunked} more than once or not last is faulty (400); a
 * coding before the final {@code chunked} is one the proxy does not implement (501, as nginx
 * answers). The tokens are compared without allocating.
 */
public enum TransferCoding {
  /** No {@code Transfer-Encoding}: the body is framed by {@code Content-Length}, or empty. */
  ABSENT,
  /** Exactly {@code chunked}. */
  CHUNKED,
  /** Anything that does not end in one {@code chunked}, or is not a list of tokens. */
  FAULTY,
  /** A valid list ending in {@code chunked}, with codings before it the proxy does not decode. */
  NOT_IMPLEMENTED;

  /** Judges every {@code Transfer-Encoding} field line of one request, in order. */
  public static TransferCoding of(List<String> fieldLines) {
    if (fieldLines.isEmpty()) {
      return ABSENT;
    }
    int codings = 0;
    int chunkedAt = -1;
    for (String line : fieldLines) {
      int i = 0;
      int length = line.length();
      while (i <= length) {
        int comma = i;
        while (comma < length && line.charAt(comma) != ',') {
          comma++;
        }
        int start = skipSpace(line, i, comma);
        int end = trimSpace(line, start, comma);
        if (start == end || !isToken(line, start, end)) {
          // Empty elements and parameters or quoted values have no place in a request's coding.
          return FAULTY;
        }
        if (end - start == 7 && line.regionMatches(true, start, "chunked", 0, 7)) {
          if (chunkedAt >= 0) {
            return FAULTY;
          }
          chunkedAt = codings;
        }
        codings++;
        i = comma + 1;
      }
    }
    if (chunkedAt != codings - 1) {
      return FAULTY;
    }
    return codings == 1 ? CHUNKED : NOT_IMPLEMENTED;
  }

  private static int skipSpace(String s, int from, int to) {
    while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
      from++;
    }
    return from;
  }

  private static int trimSpace(String s, int from, int to) {
    while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
      to--;
    }
    return to;
  }

  private static boolean isToken(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!Tokens.isTokenChar(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
