package dev.strangler.rules.model;

import java.util.Objects;

/**
 * One thing wrong with a rules file, said the way a user fixes it: what is wrong, where, and the
 * bad value. {@link #toString()} gives e.g. {@code canary.percent must be between 0 and 100, but
 * was 120 (rule 'product-reads', routes.yaml:14:16)}.
 *
 * @param message what is wrong, naming the field and the bad value
 * @param ruleId the rule it belongs to, or {@code null} for file-level problems
 * @param position where it was written, or {@code null} when the file could not be read at all
 */
public record RuleError(String message, String ruleId, SourcePosition position) {

  public RuleError {
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    if (ruleId == null && position == null) {
      return message;
    }
    StringBuilder text = new StringBuilder(message).append(" (");
    if (ruleId != null) {
      text.append("rule '").append(ruleId).append('\'');
      if (position != null) {
        text.append(", ");
      }
    }
    if (position != null) {
      text.append(position);
    }
    return text.append(')').toString();
  }
}
