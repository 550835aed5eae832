package dev.strangler.functions.shop.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request parameters decoded from a raw query string the way the monolith's Tomcat decodes them:
 * {@code +} is a space, {@code %XX} is UTF-8, a key without {@code =} has the value {@code ""},
 * repeated keys keep their order, empty pairs ({@code &&}) are skipped. A pair Tomcat rejects (bad
 * escape, malformed UTF-8, a value without a name) fails the whole query, as it does there.
 */
public final class QueryString {

  private static final QueryString EMPTY = new QueryString(Map.of());

  private final Map<String, List<String>> values;

  private QueryString(Map<String, List<String>> values) {
    this.values = values;
  }

  /**
   * @param raw the query without {@code ?}, still percent-encoded; null or empty for none
   * @throws ApiProblem 400 without detail when Tomcat would refuse it
   */
  public static QueryString parse(String raw) {
    if (raw == null || raw.isEmpty()) {
      return EMPTY;
    }
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (String pair : raw.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      if (name.isEmpty()) {
        throw ApiProblem.malformedQuery();
      }
      values.computeIfAbsent(decode(name), key -> new ArrayList<>()).add(decode(value));
    }
    return new QueryString(values);
  }

  /**
   * For events without {@code rawQueryString}: API Gateway's decoded map, where repeated keys are
   * already joined with commas.
   */
  public static QueryString ofDecoded(Map<String, String> parameters) {
    if (parameters == null || parameters.isEmpty()) {
      return EMPTY;
    }
    Map<String, List<String>> values = new LinkedHashMap<>();
    parameters.forEach((name, value) -> values.put(name, List.of(value == null ? "" : value)));
    return new QueryString(values);
  }

  /** All values of a parameter in request order; empty when absent. Names are case-sensitive. */
  public List<String> values(String name) {
    return List.copyOf(values.getOrDefault(name, List.of()));
  }

  private static String decode(String text) {
    if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
      return text;
    }
    ByteBuffer bytes = ByteBuffer.allocate(text.length() * 3);
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '+') {
        bytes.put((byte) ' ');
        i++;
      } else if (c == '%') {
        if (i + 2 >= text.length()
            || !isHexDigit(text.charAt(i + 1))
            || !isHexDigit(text.charAt(i + 2))) {
          throw ApiProblem.malformedQuery();
        }
        bytes.put((byte) Integer.parseInt(text, i + 1, i + 3, 16));
        i += 3;
      } else {
        int end = i;
        while (end < text.length() && text.charAt(end) != '+' && text.charAt(end) != '%') {
          end++;
        }
        bytes.put(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
        i = end;
      }
    }
    bytes.flip();
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return utf8.decode(bytes).toString();
    } catch (CharacterCodingException e) {
      throw ApiProblem.malformedQuery();
    }
  }

  private static boolean isHexDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
