package dev.strangler.rules.routing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Character classes and percent-encoding of path segments, shared by requests and patterns. */
final class PercentEncoding {

  private static final boolean[] UNRESERVED = new boolean[128];
  private static final boolean[] PLAIN = new boolean[128];
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  static {
    for (char c = 'A'; c <= 'Z'; c++) {
      UNRESERVED[c] = true;
      UNRESERVED[c + ('a' - 'A')] = true;
    }
    for (char c = '0'; c <= '9'; c++) {
      UNRESERVED[c] = true;
    }
    for (char c : "-._~".toCharArray()) {
      UNRESERVED[c] = true;
    }
    System.arraycopy(UNRESERVED, 0, PLAIN, 0, 128);
    // RFC 3986 pchar: unreserved, sub-delims, ':' and '@'; '%' is handled on its own.
    for (char c : "!$&'()*+,;=:@".toCharArray()) {
      PLAIN[c] = true;
    }
  }

  private PercentEncoding() {}

  /** A character that may stand in a path segment as it is (not '%', not '/'). */
  static boolean isPlain(char c) {
    return c < 128 && PLAIN[c];
  }

  /** Whether every character of the text may stand in a path segment as it is. */
  static boolean isPlain(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!isPlain(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Appends the segment {@code raw[from, to)} to {@code out} with unreserved characters decoded and
   * other percent-encodings in upper-case hex.
   *
   * @return {@code null}, or why the segment cannot be interpreted unambiguously
   */
  static String normalize(String raw, int from, int to, StringBuilder out) {
    for (int i = from; i < to; i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        int value = i + 2 < to ? hexPair(raw.charAt(i + 1), raw.charAt(i + 2)) : -1;
        if (value < 0) {
          return "invalid percent-encoding '"
              + raw.substring(i, Math.min(i + 3, to))
              + "' (a '%' must be followed by two hex digits)";
        }
        String problem = checkDecoded(value, raw.substring(i, i + 3));
        if (problem != null) {
          return problem;
        }
        if (value < 128 && UNRESERVED[value]) {
          out.append((char) value);
        } else {
          out.append('%').append(HEX[value >> 4]).append(HEX[value & 0xF]);
        }
        i += 2;
      } else if (isPlain(c)) {
        out.append(c);
      } else {
        return describeRaw(c);
      }
    }
    return null;
  }

  private static String checkDecoded(int value, String escape) {
    if (value == '/') {
      return "encoded '/' (" + escape + ") in the path";
    }
    if (value == '\\') {
      return "encoded '\\' (" + escape + ") in the path";
    }
    if (value < 0x20 || value == 0x7F) {
      return "encoded control character (" + escape + ") in the path";
    }
    return null;
  }

  private static String describeRaw(char c) {
    if (c == '\\') {
      return "'\\' in the path";
    }
    if (c < 0x20 || c == 0x7F) {
      return "control character " + codePoint(c) + " in the path";
    }
    if (c >= 0x80) {
      return "non-ASCII character " + codePoint(c) + " in the path; it must be percent-encoded";
    }
    return "character '" + c + "' in the path; it must be percent-encoded";
  }

  static String codePoint(char c) {
    return String.format("U+%04X", (int) c);
  }

  /** The byte two hex digits stand for, or -1. */
  static int hexPair(char high, char low) {
    int h = hexDigit(high);
    int l = hexDigit(low);
    return h < 0 || l < 0 ? -1 : h << 4 | l;
  }

  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return -1;
  }

  /** Percent-encodes every non-ASCII character as UTF-8, for patterns written with them. */
  static String encodeNonAscii(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        out.append(c);
        continue;
      }
      int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
      for (byte b : text.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
        out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
      }
      i = end - 1;
    }
    return out.toString();
  }

  /**
   * Decodes a normalised segment (valid percent-encodings only) as UTF-8; malformed UTF-8 becomes
   * U+FFFD.
   */
  static String decode(String text, int from, int to) {
    int percent = text.indexOf('%', from);
    if (percent < 0 || percent >= to) {
      return text.substring(from, to);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '%' && i + 2 < to) {
        bytes.write(hexPair(text.charAt(i + 1), text.charAt(i + 2)));
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
