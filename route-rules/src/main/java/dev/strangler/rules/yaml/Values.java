package dev.strangler.rules.yaml;

import java.math.BigInteger;
import java.time.Duration;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Optional scalars read the same way wherever they appear: integers and durations within limits,
 * booleans. Each answers {@code null} when the key is absent or its value is wrong (then reported),
 * so that the caller keeps what it inherits.
 */
final class Values {

  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

  private Values() {}

  /** An integer from {@code min} to {@code max}, read from its text: {@code 007} is 7. */
  static Integer integer(Fields fields, String key, int min, int max) {
    ScalarNode node = fields.scalar(key, false, "an integer");
    if (node == null) {
      return null;
    }
    String text = node.getValue();
    BigInteger value = parseInteger(text);
    if (value == null) {
      fields
          .scope()
          .error(
              node,
              fields.child(key),
              "must be an integer between "
                  + min
                  + " and "
                  + max
                  + ", but was "
                  + Scope.shown(text));
      return null;
    }
    if (value.compareTo(BigInteger.valueOf(min)) < 0
        || value.compareTo(BigInteger.valueOf(max)) > 0) {
      fields
          .scope()
          .error(
              node,
              fields.child(key),
              "must be between " + min + " and " + max + ", but was " + text);
      return null;
    }
    return value.intValueExact();
  }

  /** The text as an integer of any size, or {@code null} when it is not one. */
  static BigInteger parseInteger(String text) {
    return INTEGER.matcher(text).matches() ? new BigInteger(text) : null;
  }

  /** {@code true} or {@code false}, nothing else (no {@code yes}, {@code on}). */
  static Boolean bool(Fields fields, String key) {
    ScalarNode node = fields.scalar(key, false, "true or false");
    if (node == null) {
      return null;
    }
    String text = node.getValue();
    if (text.equals("true") || text.equals("false")) {
      return Boolean.valueOf(text);
    }
    fields
        .scope()
        .error(node, fields.child(key), "must be true or false, but was " + Scope.shown(text));
    return null;
  }

  /**
   * A duration such as {@code 250ms}, {@code 3s} or {@code 1m}, from {@code min} to {@code max}.
   */
  static Duration duration(Fields fields, String key, Duration min, Duration max) {
    ScalarNode node = fields.scalar(key, false, "a duration");
    if (node == null) {
      return null;
    }
    String text = node.getValue();
    Duration duration = Durations.parse(text);
    String field = fields.child(key);
    if (duration == null) {
      fields
          .scope()
          .error(
              node,
              field,
              "must be a duration such as 250ms, 3s or 1m, but was " + Scope.shown(text));
      return null;
    }
    if (!Durations.inRange(duration, min, max)) {
      fields
          .scope()
          .error(
              node,
              field,
              "must be between "
                  + Durations.text(min)
                  + " and "
                  + Durations.text(max)
                  + ", but was "
                  + text);
      return null;
    }
    return duration;
  }
}
