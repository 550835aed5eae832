package dev.strangler.rules.yaml;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Where a reader is: the rule its errors belong to, if any, and how field paths are written. Inside
 * a rule with an id, paths are relative to the rule ({@code canary.percent}); elsewhere they are
 * absolute ({@code routes[3].canary.percent}).
 *
 * @param prefix prepended to every field path, e.g. {@code routes[3].}
 */
record Scope(Problems problems, String ruleId, String prefix) {

  static final int MAX_SHOWN = 100;

  private static final Pattern NUMBER_LIKE = Pattern.compile("[+-]?[0-9][0-9.]*[a-z]*");

  static Scope file(Problems problems) {
    return new Scope(problems, null, "");
  }

  Scope rule(String id) {
    return new Scope(problems, id, "");
  }

  Scope unnamedRule(int index) {
    return new Scope(problems, null, "routes[" + index + "].");
  }

  /** Reports {@code <field> <complaint>} at the node. */
  void error(Node at, String field, String complaint) {
    problems.add(prefix + field + " " + complaint, ruleId, problems.at(at));
  }

  /**
   * A value as messages show it: numbers as written, anything else in quotes, on one line and at
   * most {@value #MAX_SHOWN} characters.
   */
  static String shown(String text) {
    if (NUMBER_LIKE.matcher(text).matches() && text.length() <= MAX_SHOWN) {
      return text;
    }
    StringBuilder shown = new StringBuilder("'");
    text.codePoints()
        .limit(MAX_SHOWN)
        .forEach(
            c -> {
              if (Character.isISOControl(c)) {
                shown.append(c == '\n' ? "\\n" : c == '\t' ? "\\t" : "\\u%04x".formatted(c));
              } else {
                shown.appendCodePoint(c);
              }
            });
    return shown
        .append(text.codePointCount(0, text.length()) > MAX_SHOWN ? "...'" : "'")
        .toString();
  }

  /** Whether a text can name a rule in messages as it is: one short line. */
  static boolean isPrintable(String text) {
    return text.length() <= MAX_SHOWN && text.codePoints().noneMatch(Character::isISOControl);
  }

  /** What a node is, for "must be a list, but was ..." messages. */
  static String describe(Node node) {
    if (node instanceof ScalarNode scalar) {
      return isEmpty(scalar) ? "empty" : shown(scalar.getValue());
    }
    return node instanceof MappingNode ? "a mapping" : "a list";
  }

  /** {@code key:}, {@code key: ~}, {@code key: null} and {@code key: ""}. */
  static boolean isEmpty(Node node) {
    return node instanceof ScalarNode scalar
        && (scalar.getTag().equals(Tag.NULL) || scalar.getValue().isEmpty());
  }
}
