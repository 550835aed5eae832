package dev.strangler.proxy.forwarding;

/**
 * Reads IP addresses written as numbers, character by character: no DNS, no interface lookup, no
 * regex, no exception for bad input (forwarding headers are attacker-controlled and parsed on
 * event-loop threads). Every method answers the address bytes, 4 or 16, or {@code null}.
 *
 * <p>An IPv4-mapped IPv6 address ({@code ::ffff:10.0.0.1}) answers its 4 IPv4 bytes, as {@link
 * java.net.InetAddress} does, so that it matches IPv4 ranges. IPv4 octets with a leading zero are
 * refused: {@code 010} is octal to some parsers and decimal to others.
 */
final class IpLiteral {
  private IpLiteral() {}

  /** A bare address: {@code 10.0.0.1}, {@code ::1}, {@code ::ffff:10.0.0.1}. */
  static byte[] address(String text) {
    return text.indexOf(':') >= 0
        ? ipv6(text, 0, text.length(), false)
        : ipv4(text, 0, text.length());
  }

  /**
   * One hop of an {@code X-Forwarded-For} chain, which some proxies write with a port or in
   * brackets: {@code 10.0.0.1}, {@code 10.0.0.1:4711}, {@code ::1}, {@code [::1]}, {@code
   * [::1]:4711}, {@code fe80::1%eth0} (the zone is read and dropped: it means nothing here).
   */
  static byte[] hop(String text) {
    int length = text.length();
    if (length > 0 && text.charAt(0) == '[') {
      int close = text.indexOf(']');
      if (close < 0 || !(close == length - 1 || isPort(text, close + 1))) {
        return null;
      }
      return ipv6(text, 1, close, true);
    }
    int colon = text.indexOf(':');
    if (colon < 0) {
      return ipv4(text, 0, length);
    }
    if (text.indexOf(':', colon + 1) < 0) {
      return isPort(text, colon) ? ipv4(text, 0, colon) : null;
    }
    return ipv6(text, 0, length, true);
  }

  /** Whether {@code text} from {@code colon} is {@code :} and a port number, 0 to 65535. */
  private static boolean isPort(String text, int colon) {
    int digits = text.length() - colon - 1;
    if (text.charAt(colon) != ':' || digits < 1 || digits > 5) {
      return false;
    }
    int port = 0;
    for (int i = colon + 1; i < text.length(); i++) {
      int digit = text.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        return false;
      }
      port = port * 10 + digit;
    }
    return port <= 65535;
  }

  /** Exactly four decimal octets, 0 to 255, without leading zeros. */
  static byte[] ipv4(String text, int from, int to) {
    byte[] out = new byte[4];
    int octet = 0;
    int i = from;
    while (octet < 4) {
      int start = i;
      int value = 0;
      while (i < to && i - start < 3 && isDecimal(text.charAt(i))) {
        value = value * 10 + (text.charAt(i) - '0');
        i++;
      }
      int digits = i - start;
      if (digits == 0 || value > 255 || (digits > 1 && text.charAt(start) == '0')) {
        return null;
      }
      out[octet++] = (byte) value;
      if (octet < 4) {
        if (i >= to || text.charAt(i) != '.') {
          return null;
        }
        i++;
      }
    }
    return i == to ? out : null;
  }

  private static byte[] ipv6(String text, int from, int to, boolean zoneAllowed) {
    int percent = text.indexOf('%', from);
    if (percent >= 0 && percent < to) {
      if (!zoneAllowed || !isZone(text, percent + 1, to)) {
        return null;
      }
      to = percent;
    }
    byte[] out = new byte[16];
    int words = 0;
    int gap = -1; // the word index where "::" stands, if any
    int i = from;
    if (i < to && text.charAt(i) == ':') {
      if (i + 1 >= to || text.charAt(i + 1) != ':') {
        return null;
      }
      gap = 0;
      i += 2;
    }
    while (i < to) {
      if (words == 8) {
        return null;
      }
      int start = i;
      int value = 0;
      while (i < to && hex(text.charAt(i)) >= 0 && i - start < 5) {
        value = (value << 4) | hex(text.charAt(i));
        i++;
      }
      if (i < to && text.charAt(i) == '.') { // a trailing IPv4 address fills the last two words
        byte[] v4 = words <= 6 ? ipv4(text, start, to) : null;
        if (v4 == null) {
          return null;
        }
        System.arraycopy(v4, 0, out, words * 2, 4);
        words += 2;
        break;
      }
      int digits = i - start;
      if (digits == 0 || digits > 4) {
        return null;
      }
      out[words * 2] = (byte) (value >> 8);
      out[words * 2 + 1] = (byte) value;
      words++;
      if (i == to) {
        break;
      }
      if (text.charAt(i) != ':') {
        return null;
      }
      i++;
      if (i < to && text.charAt(i) == ':') {
        if (gap >= 0) {
          return null;
        }
        gap = words;
        i++;
      } else if (i == to) {
        return null; // a single trailing colon
      }
    }
    if (gap < 0 ? words != 8 : words == 8) {
      return null; // "::" stands for one or more zero words
    }
    if (gap >= 0) {
      int tail = (words - gap) * 2;
      System.arraycopy(out, gap * 2, out, 16 - tail, tail);
      java.util.Arrays.fill(out, gap * 2, 16 - tail, (byte) 0);
    }
    return isIpv4Mapped(out) ? java.util.Arrays.copyOfRange(out, 12, 16) : out;
  }

  private static boolean isIpv4Mapped(byte[] v6) {
    for (int i = 0; i < 10; i++) {
      if (v6[i] != 0) {
        return false;
      }
    }
    return v6[10] == (byte) 0xFF && v6[11] == (byte) 0xFF;
  }

  /** RFC 6874's zone id characters (unreserved), at least one. */
  private static boolean isZone(String text, int from, int to) {
    if (from >= to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      boolean unreserved =
          isDecimal(c)
              || (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || c == '-'
              || c == '.'
              || c == '_'
              || c == '~';
      if (!unreserved) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDecimal(char c) {
    return c >= '0' && c <= '9';
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
