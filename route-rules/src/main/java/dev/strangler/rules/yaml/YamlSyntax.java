package dev.strangler.rules.yaml;

import org.yaml.snakeyaml.error.MarkedYAMLException;

/** SnakeYAML's syntax errors, said as one line without its code excerpt. */
final class YamlSyntax {

  private YamlSyntax() {}

  static String message(MarkedYAMLException e, Problems problems) {
    String problem = e.getProblem() == null ? "" : e.getProblem().trim();
    if (problem.contains("(TAB)")) {
      return "invalid YAML: a tab cannot be used for indentation, use spaces";
    }
    problem = problem.replaceFirst("\\. \\(Do not use .* for indentation\\)$", "");
    String context = e.getContext();
    if (context == null) {
      return "invalid YAML: " + problem;
    }
    if (problem.startsWith("but ")) {
      return "invalid YAML: " + context + ", " + problem;
    }
    String start =
        e.getContextMark() == null ? "" : " that starts at " + problems.at(e.getContextMark());
    String hint =
        context.contains("flow") && problem.contains("but got")
            ? "; inside [ ] or { }, put values that contain { } [ ] , or ? in quotes"
            : "";
    return "invalid YAML: " + problem + ", " + context + start + hint;
  }
}
