package dev.strangler.proxy.config;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Turns a bad {@code strangler.*} setting into one line naming the property, the value and what is
 * expected, instead of a stack trace.
 */
public class ConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

  private static final String PREFIX = "strangler.";

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
    if (!cause.getName().toString().startsWith(PREFIX.substring(0, PREFIX.length() - 1))) {
      return null;
    }
    List<String> problems = new ArrayList<>();
    if (cause.getCause() instanceof BindValidationException validation) {
      for (ObjectError error : validation.getValidationErrors()) {
        problems.add(describe(cause.getName().toString(), error));
      }
    } else {
      String property =
          cause.getProperty() == null
              ? cause.getName().toString()
              : cause.getProperty().getName().toString();
      Object value = cause.getProperty() == null ? null : cause.getProperty().getValue();
      problems.add(line(property, value, "cannot be read: " + rootMessage(cause), origin(cause)));
    }
    return new FailureAnalysis(
        String.join(System.lineSeparator(), problems),
        StartupFailureAnalyzers.SETTINGS_ACTION,
        cause);
  }

  private static String describe(String prefix, ObjectError error) {
    if (error instanceof FieldError field) {
      String property = prefix + "." + field.getField();
      return line(
          property, field.getRejectedValue(), field.getDefaultMessage(), Origin.from(field));
    }
    return "Invalid configuration under " + prefix + ": " + error.getDefaultMessage();
  }

  static String line(String property, Object value, String reason, Origin origin) {
    String shown = value == null ? "missing" : "'" + value + "'";
    String from = origin == null ? "" : " (from " + origin + ")";
    return "Invalid setting " + property + " = " + shown + ": " + reason + from;
  }

  private static Origin origin(BindException cause) {
    return cause.getProperty() == null ? null : cause.getProperty().getOrigin();
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
