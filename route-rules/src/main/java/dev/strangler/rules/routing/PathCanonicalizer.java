package dev.strangler.rules.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts a raw request path (percent-encoded, without the query) into the form the monolith's server
 * will interpret, so that the proxy matches exactly what it forwards. Paths that servers interpret
 * differently are refused rather than guessed at.
 *
 * <ul>
 *   <li>The path must start with {@code /}; duplicate slashes are merged.
 *   <li>{@code .} and {@code ..} segments are resolved (RFC 3986 remove_dot_segments), also when
 *       they carry matrix parameters ({@code ..;x=1}); a path that climbs above the root is
 *       refused.
 *   <li>Matrix parameters ({@code ;name=value}) are ignored when matching and kept in the forwarded
 *       path.
 *   <li>Percent-encoded unreserved characters ({@code ALPHA DIGIT - . _ ~}) are decoded; other
 *       percent-encodings are kept, in upper-case hex.
 *   <li>Refused: encoded {@code /}, {@code \} raw or encoded, encoded dot segments ({@code %2e}),
 *       control characters raw or encoded, invalid percent-encodings, non-ASCII characters,
 *       characters that must be percent-encoded (space, {@code " # < > ? [ ] ^ ` { | }}), and the
 *       empty path.
 *   <li>A trailing slash is kept ({@code /a/} is not {@code /a}); case is kept.
 * </ul>
 */
public final class PathCanonicalizer {

  /** A canonical path, or why there is none. */
  public sealed interface Result permits CanonicalPath, Invalid {}

  /**
   * The path cannot be interpreted unambiguously.
   *
   * @param detail what is wrong, naming the offending text, e.g. {@code encoded '/' (%2F) in the
   *     path}
   */
  public record Invalid(String detail) implements Result {}

  private PathCanonicalizer() {}

  /** Canonicalises a raw request path; never throws. */
  public static Result canonicalize(String rawPath) {
    if (rawPath == null || rawPath.isEmpty()) {
      return new Invalid("empty path");
    }
    if (rawPath.charAt(0) != '/') {
      return new Invalid("path must start with '/', but was " + quote(rawPath));
    }
    if (isCanonical(rawPath)) {
      return new CanonicalPath(rawPath, rawPath);
    }
    return rebuild(rawPath);
  }

  /** Only plain characters, no '%' or ';', no empty or dot segment before the end. */
  private static boolean isCanonical(String path) {
    int segmentStart = 1;
    for (int i = 1, length = path.length(); i <= length; i++) {
      char c = i < length ? path.charAt(i) : '/';
      if (c == '/') {
        int segmentLength = i - segmentStart;
        if (segmentLength == 0 && i < length
            || segmentLength == 1 && path.charAt(segmentStart) == '.'
            || segmentLength == 2
                && path.charAt(segmentStart) == '.'
                && path.charAt(segmentStart + 1) == '.') {
          return false;
        }
        segmentStart = i + 1;
      } else if (c == ';' || !PercentEncoding.isPlain(c)) {
        return false;
      }
    }
    return true;
  }

  private static Result rebuild(String raw) {
    List<String> names = new ArrayList<>();
    List<String> parameters = new ArrayList<>();
    StringBuilder segment = new StringBuilder();
    int start = 1;
    while (true) {
      int end = raw.indexOf('/', start);
      boolean last = end < 0;
      end = last ? raw.length() : end;
      segment.setLength(0);
      String problem = PercentEncoding.normalize(raw, start, end, segment);
      if (problem != null) {
        return new Invalid(problem);
      }
      int semicolon = segment.indexOf(";");
      String name = semicolon < 0 ? segment.toString() : segment.substring(0, semicolon);
      String parameter = semicolon < 0 ? "" : segment.substring(semicolon);
      boolean dot = name.equals(".") || name.equals("..");
      int rawSemicolon = raw.indexOf(';', start);
      int rawNameLength = (rawSemicolon < 0 || rawSemicolon > end ? end : rawSemicolon) - start;
      if (dot && rawNameLength != name.length()) {
        return new Invalid(
            "encoded dot segment " + quote(raw.substring(start, end)) + " in the path");
      }
      if (name.equals("..")) {
        if (names.isEmpty()) {
          return new Invalid("path climbs above the root with '..': " + quote(raw));
        }
        names.remove(names.size() - 1);
        parameters.remove(parameters.size() - 1);
      }
      if (last) {
        // A final dot segment or empty segment leaves a trailing slash, as in RFC 3986.
        names.add(dot ? "" : name);
        parameters.add(dot ? "" : parameter);
        break;
      }
      if (!dot && !name.isEmpty()) {
        names.add(name);
        parameters.add(parameter);
      }
      start = end + 1;
    }
    return join(names, parameters);
  }

  private static CanonicalPath join(List<String> names, List<String> parameters) {
    StringBuilder match = new StringBuilder();
    StringBuilder forward = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      match.append('/').append(names.get(i));
      forward.append('/').append(names.get(i)).append(parameters.get(i));
    }
    String matchPath = match.toString();
    String forwardPath = forward.toString();
    return new CanonicalPath(matchPath, forwardPath.equals(matchPath) ? matchPath : forwardPath);
  }

  /** The text in quotes, shortened and with non-printable characters escaped, for messages. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("'");
    int limit = Math.min(text.length(), 100);
    for (int i = 0; i < limit; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c >= 0x7F) {
        out.append("\\u").append(String.format("%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append(text.length() > limit ? "...'" : "'").toString();
  }
}
