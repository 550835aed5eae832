package dev.strangler.proxy.edge.framing;

/**
 * The syntax of a {@code Host} value and of an absolute-form target's authority (RFC 9112 §3.2, RFC
 * 3986 §3.2.2): {@code host [ ":" port ]}, where host is a reg-name, an IPv4 address or an {@code
 * [IPv6]} literal. No user info, path, space, comma or quote: a value with any of them names no
 * single origin, and downstream parsers disagree about what it means.
 */
public final class HostSyntax {

  private HostSyntax() {}

  /** Whether {@code value} is {@code host[:port]}; a character loop, no regex, no allocation. */
  public static boolean isValid(CharSequence value) {
    int length = value.length();
    if (length == 0) {
      return false;
    }
    int hostEnd;
    if (value.charAt(0) == '[') {
      hostEnd = ipLiteralEnd(value);
      if (hostEnd < 0) {
        return false;
      }
    } else {
      hostEnd = 0;
      while (hostEnd < length && value.charAt(hostEnd) != ':') {
        char c = value.charAt(hostEnd);
        if (c == '%') {
          // pct-encoded: exactly two hex digits
          if (hostEnd + 2 >= length
              || !isHexDigit(value.charAt(hostEnd + 1))
              || !isHexDigit(value.charAt(hostEnd + 2))) {
            return false;
          }
          hostEnd += 3;
          continue;
        }
        if (!isRegNameChar(c)) {
          return false;
        }
        hostEnd++;
      }
      if (hostEnd == 0) {
        return false;
      }
    }
    if (hostEnd == length) {
      return true;
    }
    if (value.charAt(hostEnd) != ':') {
      return false;
    }
    // An empty port is allowed by RFC 3986; more than five digits is no TCP port.
    int digits = length - hostEnd - 1;
    if (digits > 5) {
      return false;
    }
    for (int i = hostEnd + 1; i < length; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** The index after {@code ]} of a bracketed IPv6 (or IPvFuture) literal, or -1. */
  private static int ipLiteralEnd(CharSequence value) {
    int length = value.length();
    int i = 1;
    int colons = 0;
    while (i < length && value.charAt(i) != ']') {
      char c = value.charAt(i);
      if (c == ':') {
        colons++;
      } else if (!(isHexDigit(c) || c == '.')) {
        return -1;
      }
      i++;
    }
    if (i == length || colons < 2 || i == 1) {
      return -1;
    }
    return i + 1;
  }

  /**
   * The unreserved characters of RFC 3986. Its sub-delims ({@code !$&'()*+,;=}) are refused: no DNS
   * name holds one, and they are what splits or injects into lists and parameters downstream.
   */
  private static boolean isRegNameChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }

  private static boolean isHexDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
