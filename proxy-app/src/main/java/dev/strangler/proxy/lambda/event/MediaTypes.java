package dev.strangler.proxy.lambda.event;

import java.util.Locale;

/** Which request bodies go into an event as text: the rest are base64-encoded. */
final class MediaTypes {

  private MediaTypes() {}

  /**
   * Whether a body of this Content-Type is text: {@code text/*}, JSON ({@code application/json},
   * {@code +json}), XML ({@code application/xml}, {@code +xml}), {@code
   * application/x-www-form-urlencoded} and JavaScript. No Content-Type is not text.
   */
  static boolean isText(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String type =
        (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
            .trim()
            .toLowerCase(Locale.ROOT);
    int slash = type.indexOf('/');
    if (slash <= 0 || slash == type.length() - 1) {
      return false;
    }
    String primary = type.substring(0, slash);
    String subtype = type.substring(slash + 1);
    if (primary.equals("text") || subtype.endsWith("+json") || subtype.endsWith("+xml")) {
      return true;
    }
    return primary.equals("application")
        && switch (subtype) {
          case "json", "xml", "x-www-form-urlencoded", "javascript", "x-javascript" -> true;
          default -> false;
        };
  }
}
