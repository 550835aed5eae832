package dev.strangler.proxy.lambda.event;

import dev.strangler.rules.http.HttpTokens;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A function's response headers, collected in order and checked one by one: a name that is not an
 * HTTP token or a value with a control character makes the whole response malformed, since such a
 * header could split or corrupt the response on the wire.
 */
final class ResponseHeaders {

  /**
   * Headers that describe one connection, not the response, and the body's framing, which the proxy
   * does itself: dropped, as is any header that {@code Connection} names.
   */
  private static final Set<String> DROPPED =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-connection",
          "proxy-authenticate",
          "proxy-authorization",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "content-length");

  private final List<HeaderField> fields = new ArrayList<>();

  void add(String name, String value) throws MalformedResponseException {
    if (!HttpTokens.isToken(name)) {
      throw new MalformedResponseException(
          "header name " + quoted(name) + " is not a valid HTTP token");
    }
    int bad = HttpTokens.firstControlCharacter(value);
    if (bad >= 0) {
      throw new MalformedResponseException(
          "value of header '"
              + name
              + "' contains "
              + describe(value.charAt(bad))
              + ", which could split the response");
    }
    fields.add(new HeaderField(name, value));
  }

  boolean contains(String name) {
    return fields.stream().anyMatch(field -> field.name().equalsIgnoreCase(name));
  }

  /** The headers to send: without hop-by-hop headers and those named by Connection. */
  List<HeaderField> toList() {
    Set<String> dropped = new HashSet<>(DROPPED);
    for (HeaderField field : fields) {
      if (field.name().equalsIgnoreCase("connection")) {
        for (String option : field.value().split(",")) {
          dropped.add(option.trim().toLowerCase(Locale.ROOT));
        }
      }
    }
    return fields.stream()
        .filter(field -> !dropped.contains(field.name().toLowerCase(Locale.ROOT)))
        .toList();
  }

  private static String describe(char c) {
    return switch (c) {
      case '\r' -> "a carriage return (CR)";
      case '\n' -> "a line feed (LF)";
      case '\0' -> "a NUL character";
      default -> String.format("the control character U+%04X", (int) c);
    };
  }

  /** A name for a message: quoted, with control characters escaped, shortened. */
  private static String quoted(String name) {
    StringBuilder text = new StringBuilder("'");
    name.codePoints()
        .limit(40)
        .forEach(
            c -> {
              if (c < 0x20 || c == 0x7f) {
                text.append(String.format("\\u%04X", c));
              } else {
                text.appendCodePoint(c);
              }
            });
    return text.append(name.length() > 40 ? "…'" : "'").toString();
  }
}
