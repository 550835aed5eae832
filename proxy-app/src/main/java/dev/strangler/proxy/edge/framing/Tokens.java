package dev.strangler.proxy.edge.framing;

/** The {@code token} of RFC 9110 §5.6.2, without a regex. */
public final class Tokens {

  private Tokens() {}

  public static boolean isTokenChar(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      return true;
    }
    return switch (c) {
      case '!', '#', '$', '%', '&', '\'', '*', '+', '-', '.', '^', '_', '`', '|', '~' -> true;
      default -> false;
    };
  }
}
