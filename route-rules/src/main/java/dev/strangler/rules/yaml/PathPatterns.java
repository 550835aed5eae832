package dev.strangler.rules.yaml;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The syntax of path patterns: literal segments, whole-segment {@code {name}} variables and a final
 * {@code /**}. What they match is the route table's business; this only says whether a pattern is
 * well formed.
 */
final class PathPatterns {

  private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private static final String SUB_DELIMS_AND_COLON_AT = "!$&'()+,=:@";
  private static final String UNRESERVED_SYMBOLS = "-._~";

  private PathPatterns() {}

  /** What is wrong with the pattern, phrased to follow its field name, or empty. */
  static Optional<String> problem(String pattern) {
    if (!pattern.startsWith("/")) {
      return Optional.of("must start with '/'");
    }
    if (pattern.indexOf('?') >= 0 || pattern.indexOf('#') >= 0) {
      return Optional.of("must not contain '?' or '#' (rules match paths, not queries)");
    }
    if (pattern.equals("/")) {
      return Optional.empty();
    }
    String[] segments = pattern.substring(1).split("/", -1);
    Set<String> variables = new HashSet<>();
    for (int i = 0; i < segments.length; i++) {
      boolean last = i == segments.length - 1;
      Optional<String> problem = segmentProblem(segments[i], last, variables);
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  /** The pattern with variable names erased: equal shapes match the same paths. */
  static String shape(String pattern) {
    return VARIABLE.matcher(pattern).replaceAll("{}");
  }

  private static Optional<String> segmentProblem(
      String segment, boolean last, Set<String> variables) {
    if (segment.isEmpty()) {
      return last ? Optional.empty() : Optional.of("must not contain empty segments ('//')");
    }
    if (segment.equals("**")) {
      return last ? Optional.empty() : Optional.of("may use '/**' only at the end");
    }
    if (segment.indexOf('*') >= 0) {
      return Optional.of("may use '*' only in a final '/**'");
    }
    if (segment.startsWith("{") && segment.endsWith("}")) {
      var variable = VARIABLE.matcher(segment);
      if (!variable.matches()) {
        return Optional.of(
            "has an invalid variable "
                + segment
                + " (a name is letters, digits and '_', not starting with a digit)");
      }
      return variables.add(variable.group(1))
          ? Optional.empty()
          : Optional.of("uses the variable " + segment + " twice");
    }
    if (segment.indexOf('{') >= 0 || segment.indexOf('}') >= 0) {
      return Optional.of("must use '{name}' only as a whole segment");
    }
    String decodedDots = segment.replace("%2e", ".").replace("%2E", ".");
    if (decodedDots.equals(".") || decodedDots.equals("..")) {
      return Optional.of("must not contain '.' or '..' segments");
    }
    return characterProblem(segment);
  }

  private static Optional<String> characterProblem(String segment) {
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '%') {
        String encoded = segment.substring(i, Math.min(i + 3, segment.length()));
        if (encoded.length() < 3 || !isHex(encoded.charAt(1)) || !isHex(encoded.charAt(2))) {
          return Optional.of("has an invalid percent-encoding '" + encoded + "'");
        }
        if (encoded.equalsIgnoreCase("%2F")) {
          return Optional.of("must not contain an encoded '/' (" + encoded + ")");
        }
        i += 2;
      } else if (c == ';') {
        return Optional.of("must not contain ';' (matrix parameters are ignored when matching)");
      } else if (!isPathCharacter(c)) {
        String character = new String(Character.toChars(segment.codePointAt(i)));
        return Optional.of("contains '" + character + "', which must be percent-encoded");
      }
    }
    return Optional.empty();
  }

  /** RFC 3986 pchar, without pct-encoded (checked apart), '*' and ';' (reserved here). */
  private static boolean isPathCharacter(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || UNRESERVED_SYMBOLS.indexOf(c) >= 0
        || SUB_DELIMS_AND_COLON_AT.indexOf(c) >= 0;
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
