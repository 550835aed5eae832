package dev.strangler.rules.routing;

import java.util.HashSet;
import java.util.Set;

/**
 * A path pattern as written in a rule, parsed: literal segments in canonical form, whole-segment
 * {@code {name}} variables, and an optional final {@code /**}.
 *
 * @param text the pattern as written, e.g. {@code /api/products/{id}}
 * @param literals per segment, the canonical literal, or {@code null} for a variable
 * @param variables per segment, the variable name, or {@code null} for a literal
 * @param wildcard whether the pattern ends in {@code /**} (zero or more further segments)
 */
record RoutePattern(String text, String[] literals, String[] variables, boolean wildcard) {

  /** Thrown for a pattern that cannot be used; the message says why. */
  static final class InvalidPatternException extends IllegalArgumentException {
    InvalidPatternException(String message) {
      super(message);
    }
  }

  int segmentCount() {
    return literals.length;
  }

  static RoutePattern parse(String text) {
    if (text == null || text.isEmpty() || text.charAt(0) != '/') {
      throw new InvalidPatternException("must start with '/'");
    }
    String[] raw = text.substring(1).split("/", -1);
    int count = raw.length;
    boolean wildcard = raw[count - 1].equals("**");
    if (wildcard) {
      count--;
    }
    String[] literals = new String[count];
    String[] variables = new String[count];
    Set<String> names = null;
    for (int i = 0; i < count; i++) {
      String segment = raw[i];
      if (segment.startsWith("{") || segment.endsWith("}")) {
        variables[i] = variableName(segment);
        names = names == null ? new HashSet<>(4) : names;
        if (!names.add(variables[i])) {
          throw new InvalidPatternException("uses variable '{" + variables[i] + "}' twice");
        }
      } else {
        literals[i] = literal(segment, i == count - 1 && !wildcard);
      }
    }
    return new RoutePattern(text, literals, variables, wildcard);
  }

  private static String variableName(String segment) {
    if (segment.length() < 3 || !segment.startsWith("{") || !segment.endsWith("}")) {
      throw new InvalidPatternException(
          "segment '" + segment + "' must be a whole-segment variable like '{id}'");
    }
    String name = segment.substring(1, segment.length() - 1);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
      if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
        throw new InvalidPatternException(
            "variable '"
                + segment
                + "' must be a name of letters, digits and '_', not starting with a digit (no"
                + " regular expressions)");
      }
    }
    return name;
  }

  private static String literal(String segment, boolean last) {
    if (segment.isEmpty() && !last) {
      throw new InvalidPatternException("has an empty segment ('//')");
    }
    if (segment.contains("*")) {
      throw new InvalidPatternException(
          "segment '"
              + segment
              + "' uses '*'; use '{name}' for one segment or a final '/**' for the rest");
    }
    if (segment.contains("{") || segment.contains("}")) {
      throw new InvalidPatternException(
          "segment '" + segment + "' must be a whole-segment variable like '{id}'");
    }
    if (segment.contains(";")) {
      throw new InvalidPatternException(
          "segment '" + segment + "' has matrix parameters (';'), which matching ignores");
    }
    String result = PercentEncoding.isPlain(segment) ? segment : canonical(segment);
    if (result.equals(".") || result.equals("..")) {
      throw new InvalidPatternException("has a dot segment '" + segment + "'");
    }
    return result;
  }

  private static String canonical(String segment) {
    String encoded = PercentEncoding.encodeNonAscii(segment);
    StringBuilder canonical = new StringBuilder(encoded.length());
    String problem = PercentEncoding.normalize(encoded, 0, encoded.length(), canonical);
    if (problem != null) {
      throw new InvalidPatternException("segment '" + segment + "' has " + problem);
    }
    return canonical.toString();
  }
}
