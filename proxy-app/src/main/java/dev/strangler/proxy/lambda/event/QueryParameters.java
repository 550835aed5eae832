package dev.strangler.proxy.lambda.event;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A raw query string split into decoded parameters, as API Gateway does for {@code
 * queryStringParameters}: pairs split on {@code &}, name and value on the first {@code =}, {@code
 * +} read as a space and {@code %XX} as UTF-8 bytes.
 */
final class QueryParameters {

  private QueryParameters() {}

  /**
   * The parameters by decoded name, in order of first appearance, each with its values in order.
   * Empty for a {@code null} or empty query; {@code a} without {@code =} has the value {@code ""}.
   */
  static Map<String, List<String>> parse(String rawQuery) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      parameters.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
    }
    return parameters;
  }

  /**
   * Decodes one name or value. One that cannot be decoded (a {@code %} not followed by two hex
   * digits, or bytes that are not UTF-8) is passed on as received rather than dropped or guessed.
   */
  static String decode(String component) {
    if (component.indexOf('%') < 0 && component.indexOf('+') < 0) {
      return component;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(component.length());
    for (int i = 0; i < component.length(); i++) {
      char c = component.charAt(i);
      if (c == '+') {
        bytes.write(' ');
      } else if (c == '%') {
        int high = i + 2 < component.length() ? Character.digit(component.charAt(i + 1), 16) : -1;
        int low = high < 0 ? -1 : Character.digit(component.charAt(i + 2), 16);
        if (low < 0) {
          return component;
        }
        bytes.write(high << 4 | low);
        i += 2;
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < component.length()) {
          encoded = component.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        bytes.writeBytes(encoded);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      return component;
    }
  }
}
