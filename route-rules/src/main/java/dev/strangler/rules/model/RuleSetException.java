package dev.strangler.rules.model;

import java.util.List;

/** A rules file that cannot be used, with every problem found in it. */
public final class RuleSetException extends RuntimeException {

  private final transient List<RuleError> errors;

  public RuleSetException(List<RuleError> errors) {
    super(summary(errors));
    this.errors = List.copyOf(errors);
  }

  public List<RuleError> errors() {
    return errors;
  }

  private static String summary(List<RuleError> errors) {
    if (errors.size() == 1) {
      return errors.get(0).toString();
    }
    StringBuilder text = new StringBuilder(errors.size() + " problems in the rules:");
    errors.forEach(error -> text.append(System.lineSeparator()).append("  - ").append(error));
    return text.toString();
  }
}
