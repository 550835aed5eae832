package dev.strangler.rules.http;

/** RFC 9110 tokens (header names, cookie names) and field values. */
public final class HttpTokens {

  private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

  private HttpTokens() {}

  /** Letters, digits and {@code !#$%&'*+-.^_`|~}, at least one. */
  public static boolean isToken(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean alphanumeric =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alphanumeric && TOKEN_SYMBOLS.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** No control characters other than tab: a value a header can carry. */
  public static boolean isFieldValue(String text) {
    return firstControlCharacter(text) < 0;
  }

  /** The index of the first control character other than tab (CR, LF, NUL, DEL, …), or -1. */
  public static int firstControlCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        return i;
      }
    }
    return -1;
  }
}
