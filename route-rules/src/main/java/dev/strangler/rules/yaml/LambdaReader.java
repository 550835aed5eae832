package dev.strangler.rules.yaml;

import dev.strangler.rules.model.LambdaTarget;
import dev.strangler.rules.model.PayloadFormat;
import java.time.Duration;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads {@code defaults.lambda} and a rule's {@code lambda}, which inherits from it. */
final class LambdaReader {

  /** What a rule's {@code lambda} falls back to for the keys it leaves out. */
  record Defaults(PayloadFormat payloadFormat, Duration timeout) {
    static final Defaults BUILT_IN = new Defaults(PayloadFormat.V2_0, Duration.ofSeconds(3));
  }

  private LambdaReader() {}

  /**
   * {@code defaults.lambda} over the built-in defaults.
   *
   * @param defaults the file's {@code defaults}, or {@code null} when it has none
   */
  static Defaults defaults(Fields defaults) {
    Fields lambda =
        defaults == null ? null : defaults.fields("lambda", false, Keys.DEFAULTS_LAMBDA);
    if (lambda == null) {
      return Defaults.BUILT_IN;
    }
    return new Defaults(
        payloadFormat(lambda, Defaults.BUILT_IN.payloadFormat()),
        timeout(lambda, Defaults.BUILT_IN.timeout()));
  }

  static LambdaTarget read(Fields rule, Defaults defaults) {
    Fields lambda = rule.fields("lambda", true, Keys.LAMBDA);
    if (lambda == null) {
      return null;
    }
    String function = function(lambda);
    String qualifier = qualifier(lambda, function);
    PayloadFormat payloadFormat = payloadFormat(lambda, defaults.payloadFormat());
    Duration timeout = timeout(lambda, defaults.timeout());
    return function == null ? null : new LambdaTarget(function, qualifier, payloadFormat, timeout);
  }

  private static String function(Fields lambda) {
    ScalarNode node = lambda.scalar("function", true, "a string");
    if (node == null) {
      return null;
    }
    String function = node.getValue();
    if (function.length() > FunctionNames.MAX_FUNCTION_LENGTH) {
      lambda
          .scope()
          .error(
              node,
              lambda.child("function"),
              "must be at most "
                  + FunctionNames.MAX_FUNCTION_LENGTH
                  + " characters, but was "
                  + function.length()
                  + " characters long");
      return null;
    }
    if (!FunctionNames.isFunction(function)) {
      lambda
          .scope()
          .error(
              node,
              lambda.child("function"),
              "must be a function name (up to 64 letters, digits, '-' and '_'), name:alias,"
                  + " 123456789012:function:name or a full Lambda ARN, but was "
                  + Scope.shown(function));
      return null;
    }
    return function;
  }

  private static String qualifier(Fields lambda, String function) {
    ScalarNode node = lambda.scalar("qualifier", false, "a string");
    if (node == null) {
      return null;
    }
    String qualifier = node.getValue();
    String field = lambda.child("qualifier");
    Optional<String> inFunction =
        function == null ? Optional.empty() : FunctionNames.qualifierOf(function);
    if (!FunctionNames.isQualifier(qualifier)) {
      lambda
          .scope()
          .error(
              node,
              field,
              "must be $LATEST, a version number or an alias (up to 128 letters, digits, '-' and"
                  + " '_', not only digits), but was "
                  + Scope.shown(qualifier));
    } else if (inFunction.isPresent() && !inFunction.get().equals(qualifier)) {
      lambda
          .scope()
          .error(
              node,
              field,
              "must match the qualifier in "
                  + lambda.child("function")
                  + " ("
                  + Scope.shown(inFunction.get())
                  + "), but was "
                  + Scope.shown(qualifier));
    }
    return qualifier;
  }

  private static PayloadFormat payloadFormat(Fields lambda, PayloadFormat fallback) {
    ScalarNode node = lambda.scalar("payloadFormat", false, "\"1.0\" or \"2.0\"");
    if (node == null) {
      return fallback;
    }
    String text = node.getValue();
    for (PayloadFormat format : PayloadFormat.values()) {
      if (format.text().equals(text) || (node.isPlain() && format.text().equals(text + ".0"))) {
        return format;
      }
    }
    lambda
        .scope()
        .error(
            node,
            lambda.child("payloadFormat"),
            "must be \"1.0\" or \"2.0\", but was " + Scope.shown(text));
    return fallback;
  }

  private static Duration timeout(Fields lambda, Duration fallback) {
    Duration timeout = Values.duration(lambda, "timeout", Durations.MIN, Durations.MAX);
    return timeout == null ? fallback : timeout;
  }
}
