package dev.strangler.functions.shop.http;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A media type parsed and printed as Spring's {@code MediaType} does it in the monolith, because
 * its 415 answers quote the request's Content-Type in that form: type and subtype lower-cased,
 * parameters kept as written, {@code ;} between them and no spaces. Parameters without {@code =}
 * are dropped; a bad token, an unknown charset or a q outside 0..1 make the whole value invalid.
 */
public record ContentType(String type, String subtype, Map<String, String> parameters) {

  private static final String SEPARATORS = "()<>@,;:\\\"/[]?={} \t";

  public ContentType {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /**
   * @throws IllegalArgumentException when Spring would throw {@code InvalidMediaTypeException}
   */
  public static ContentType parse(String value) {
    int semicolon = value.indexOf(';');
    String fullType = (semicolon >= 0 ? value.substring(0, semicolon) : value).trim();
    if (fullType.equals("*")) {
      fullType = "*/*";
    }
    int slash = fullType.indexOf('/');
    if (fullType.isEmpty() || slash < 0 || slash == fullType.length() - 1) {
      throw new IllegalArgumentException("not a media type: " + value);
    }
    String type = fullType.substring(0, slash);
    String subtype = fullType.substring(slash + 1);
    if (type.isEmpty()) {
      throw new IllegalArgumentException("no type before '/': " + value);
    }
    if (type.equals("*") && !subtype.equals("*")) {
      throw new IllegalArgumentException("wildcard type is legal only in '*/*': " + value);
    }
    requireToken(type);
    requireToken(subtype);
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String parameter : splitParameters(value, semicolon)) {
      int equals = parameter.indexOf('=');
      if (equals >= 0) {
        String name = parameter.substring(0, equals).trim();
        String parameterValue = parameter.substring(equals + 1).trim();
        checkParameter(name, parameterValue);
        parameters.put(name, parameterValue);
      }
    }
    return new ContentType(
        type.toLowerCase(Locale.ROOT), subtype.toLowerCase(Locale.ROOT), parameters);
  }

  public boolean is(String type, String subtype) {
    return this.type.equals(type) && this.subtype.equals(subtype);
  }

  /** {@code *} as type or subtype, or a subtype such as {@code *+json}. */
  public boolean isWildcard() {
    return type.equals("*") || subtype.equals("*") || subtype.startsWith("*+");
  }

  public Optional<Charset> charset() {
    return parameter("charset").map(value -> Charset.forName(unquote(value)));
  }

  /** A copy with a charset parameter added at the end, as Spring adds the request's encoding. */
  public ContentType withCharset(String charset) {
    Map<String, String> more = new LinkedHashMap<>(parameters);
    more.put("charset", charset);
    return new ContentType(type, subtype, more);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(type).append('/').append(subtype);
    parameters.forEach((name, value) -> text.append(';').append(name).append('=').append(value));
    return text.toString();
  }

  private Optional<String> parameter(String name) {
    return parameters.entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  /** Splits after the first {@code ;} on every {@code ;} outside double quotes. */
  private static List<String> splitParameters(String value, int firstSemicolon) {
    List<String> parameters = new ArrayList<>();
    if (firstSemicolon < 0) {
      return parameters;
    }
    int start = firstSemicolon + 1;
    boolean quoted = false;
    for (int i = start; i <= value.length(); i++) {
      if (i == value.length() || (value.charAt(i) == ';' && !quoted)) {
        String parameter = value.substring(start, i).trim();
        if (!parameter.isEmpty()) {
          parameters.add(parameter);
        }
        start = i + 1;
      } else if (value.charAt(i) == '"') {
        quoted = !quoted;
      }
    }
    return parameters;
  }

  private static void checkParameter(String name, String value) {
    if (name.isEmpty() || value.isEmpty()) {
      throw new IllegalArgumentException("empty media type parameter");
    }
    requireToken(name);
    if (name.equalsIgnoreCase("charset")) {
      Charset.forName(unquote(value));
    } else if (!isQuoted(value)) {
      requireToken(value);
    }
    if (name.equals("q")) {
      double quality = Double.parseDouble(unquote(value));
      if (!(quality >= 0 && quality <= 1)) {
        throw new IllegalArgumentException("q must be between 0.0 and 1.0: " + value);
      }
    }
  }

  private static void requireToken(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= 32 || c >= 127 || SEPARATORS.indexOf(c) >= 0) {
        throw new IllegalArgumentException("invalid token character '" + c + "' in " + text);
      }
    }
  }

  private static boolean isQuoted(String value) {
    return value.length() >= 2
        && ((value.startsWith("\"") && value.endsWith("\""))
            || (value.startsWith("'") && value.endsWith("'")));
  }

  private static String unquote(String value) {
    return isQuoted(value) ? value.substring(1, value.length() - 1) : value;
  }
}
