package dev.strangler.proxy.edge.framing;

import java.util.List;

/**
 * Whether a request's {@code Content-Length} field lines frame a body unambiguously (RFC 9110 §8.6,
 * RFC 9112 §6.3): exactly one value of 1 to 18 digits. No sign, no list, no second line, even an
 * equal one: a proxy that forwards either reading lets two parsers disagree.
 */
public final class ContentLength {

  private ContentLength() {}

  public static boolean isValid(List<String> fieldLines) {
    if (fieldLines.size() != 1) {
      return fieldLines.isEmpty();
    }
    String value = fieldLines.get(0);
    int length = value.length();
    if (length == 0 || length > 18) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
