package dev.strangler.functions.runtime.template;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves a property value to text: literals, {@code Ref} to a parameter or pseudo parameter, and
 * {@code Fn::Sub} over them. Everything else needs a deployed stack and is refused by name.
 */
final class TemplateValues {

  static final String NO_VALUE = "AWS::NoValue";
  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

  private final Path source;
  private final Map<String, Optional<String>> parameters;
  private final Map<String, String> pseudoParameters;

  /**
   * @param parameters each template parameter's value, empty when it has neither a default nor an
   *     override (an error only where it is referenced)
   */
  TemplateValues(
      Path source, Map<String, Optional<String>> parameters, Map<String, String> pseudoParameters) {
    this.source = Objects.requireNonNull(source, "source");
    this.parameters = Map.copyOf(parameters);
    this.pseudoParameters = Map.copyOf(pseudoParameters);
  }

  /**
   * @param where the property's path, for error messages
   * @return the text, or empty for {@code Ref: AWS::NoValue} (the property is left out)
   */
  Optional<String> resolve(Object value, String where) {
    Objects.requireNonNull(where, "where");
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return Optional.of(value.toString());
    }
    if (value instanceof Map<?, ?> map && map.size() == 1) {
      Map.Entry<?, ?> only = map.entrySet().iterator().next();
      String function = String.valueOf(only.getKey());
      if (function.equals("Ref")) {
        return reference(String.valueOf(only.getValue()), where);
      }
      if (function.equals("Fn::Sub")) {
        return Optional.of(substitute(only.getValue(), where));
      }
      throw fail(where + ": " + function + " cannot be resolved locally; only Ref and Fn::Sub can");
    }
    throw fail(where + ": expected a text, number or Ref, but was " + value);
  }

  String require(Object value, String where) {
    return resolve(value, where)
        .orElseThrow(() -> fail(where + ": AWS::NoValue is not allowed here"));
  }

  private Optional<String> reference(String name, String where) {
    if (name.equals(NO_VALUE)) {
      return Optional.empty();
    }
    String pseudo = pseudoParameters.get(name);
    if (pseudo != null) {
      return Optional.of(pseudo);
    }
    Optional<String> parameter = parameters.get(name);
    if (parameter == null) {
      throw fail(
          where
              + ": Ref to unknown parameter '"
              + name
              + "' (the template's parameters: "
              + String.join(", ", parameters.keySet().stream().sorted().toList())
              + ")");
    }
    return Optional.of(
        parameter.orElseThrow(
            () ->
                fail(
                    where
                        + ": parameter '"
                        + name
                        + "' has no Default; pass --parameter "
                        + name
                        + "=VALUE")));
  }

  private String substitute(Object argument, String where) {
    String text;
    Map<?, ?> variables = Map.of();
    if (argument instanceof List<?> list
        && list.size() == 2
        && list.get(1) instanceof Map<?, ?> m) {
      text = String.valueOf(list.get(0));
      variables = m;
    } else if (argument instanceof String s) {
      text = s;
    } else {
      throw fail(where + ": Fn::Sub takes a text or [text, {variables}]");
    }
    Matcher matcher = SUB_VARIABLE.matcher(text);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      String replacement;
      if (name.startsWith("!")) {
        replacement = "${" + name.substring(1) + "}";
      } else if (variables.containsKey(name)) {
        replacement = require(variables.get(name), where + ".Fn::Sub." + name);
      } else {
        replacement = reference(name, where).orElse("");
      }
      matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(result);
    return result.toString();
  }

  private TemplateException fail(String message) {
    return new TemplateException(source + ": " + message);
  }
}
