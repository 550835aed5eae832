package dev.strangler.rules.routing;

/**
 * Reads one cookie from a {@code Cookie} request header ({@code a=1; b=2}), without splitting the
 * whole header into strings.
 */
final class CookieHeader {

  private CookieHeader() {}

  /** The value of the first cookie named exactly {@code name}, or {@code null}. */
  static String value(String header, String name) {
    long bounds = valueBounds(header, name);
    return bounds < 0 ? null : header.substring((int) (bounds >>> 32), (int) bounds);
  }

  /**
   * Where the value of the first cookie named exactly {@code name} lies in the header: start in the
   * high 32 bits, end in the low 32 bits; -1 when there is none. Surrounding blanks and double
   * quotes are not part of the value.
   */
  static long valueBounds(String header, String name) {
    if (header == null) {
      return -1;
    }
    int length = header.length();
    int pairStart = 0;
    while (pairStart < length) {
      int pairEnd = header.indexOf(';', pairStart);
      if (pairEnd < 0) {
        pairEnd = length;
      }
      int nameStart = skipBlanks(header, pairStart, pairEnd);
      int equals = nameStart;
      while (equals < pairEnd && header.charAt(equals) != '=') {
        equals++;
      }
      if (equals < pairEnd) {
        int nameEnd = trimBlanks(header, nameStart, equals);
        if (nameEnd - nameStart == name.length()
            && header.regionMatches(nameStart, name, 0, name.length())) {
          int valueStart = skipBlanks(header, equals + 1, pairEnd);
          int valueEnd = trimBlanks(header, valueStart, pairEnd);
          if (valueEnd - valueStart >= 2
              && header.charAt(valueStart) == '"'
              && header.charAt(valueEnd - 1) == '"') {
            valueStart++;
            valueEnd--;
          }
          return (long) valueStart << 32 | valueEnd;
        }
      }
      pairStart = pairEnd + 1;
    }
    return -1;
  }

  private static int skipBlanks(String text, int from, int to) {
    while (from < to && isBlank(text.charAt(from))) {
      from++;
    }
    return from;
  }

  private static int trimBlanks(String text, int from, int to) {
    while (to > from && isBlank(text.charAt(to - 1))) {
      to--;
    }
    return to;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }
}
