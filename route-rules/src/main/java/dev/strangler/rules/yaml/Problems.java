package dev.strangler.rules.yaml;

import dev.strangler.rules.model.RuleError;
import dev.strangler.rules.model.SourcePosition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** Every problem found in one file, in the order found. */
final class Problems {

  private static final Comparator<RuleError> IN_FILE_ORDER =
      Comparator.comparingInt((RuleError error) -> error.position().line())
          .thenComparingInt(error -> error.position().column());

  private final String file;
  private final List<RuleError> errors = new ArrayList<>();

  Problems(String file) {
    this.file = file;
  }

  /** SnakeYAML counts from 0; editors and messages count from 1. */
  SourcePosition at(Mark mark) {
    return new SourcePosition(file, mark.getLine() + 1, mark.getColumn() + 1);
  }

  SourcePosition at(Node node) {
    return at(node.getStartMark());
  }

  SourcePosition start() {
    return new SourcePosition(file, 1, 1);
  }

  void add(String message, String ruleId, SourcePosition position) {
    errors.add(new RuleError(message, ruleId, position));
  }

  int count() {
    return errors.size();
  }

  /** In file order, as an editor lists them; problems at one place keep the order found. */
  List<RuleError> errors() {
    return errors.stream().sorted(IN_FILE_ORDER).toList();
  }
}
