package dev.strangler.rules.routing;

import dev.strangler.rules.model.RouteRule;
import dev.strangler.rules.model.RuleError;
import dev.strangler.rules.model.RuleSet;
import dev.strangler.rules.model.RuleSetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Turns a {@link RuleSet} into a segment trie, or reports every rule that cannot be indexed. */
final class RouteCompiler {

  /** An error and the rules it concerns, for ordering errors as the file reads. */
  private record Found(RuleError error, int ruleIndex, int otherIndex) {}

  private final List<Found> errors = new ArrayList<>();

  private RouteCompiler() {}

  static RouteNode compile(RuleSet rules) {
    return new RouteCompiler().build(rules);
  }

  private RouteNode build(RuleSet rules) {
    RouteNode.Builder root = new RouteNode.Builder();
    Map<String, Integer> ids = new HashMap<>();
    List<RouteRule> routes = rules.routes();
    for (int index = 0; index < routes.size(); index++) {
      RouteRule rule = routes.get(index);
      Integer earlier = ids.putIfAbsent(rule.id(), index);
      if (earlier != null) {
        report(
            "id '"
                + rule.id()
                + "' is already used by the rule at "
                + routes.get(earlier).position(),
            rule,
            index,
            earlier);
      }
      if (rule.match().paths().isEmpty()) {
        report("match.paths must list at least one path", rule, index, -1);
      }
      for (String path : rule.match().paths()) {
        try {
          root.add(new CompiledRoute(rule, RoutePattern.parse(path), index));
        } catch (RoutePattern.InvalidPatternException e) {
          report("path " + quote(path) + " " + e.getMessage(), rule, index, -1);
        }
      }
    }
    root.forEachShape(this::checkSameShape);
    if (!errors.isEmpty()) {
      errors.sort(
          Comparator.comparingInt(Found::ruleIndex)
              .thenComparingInt(Found::otherIndex)
              .thenComparing(found -> found.error().message()));
      throw new RuleSetException(errors.stream().map(Found::error).toList());
    }
    return root.build();
  }

  /** Routes of one shape: each pair must differ in methods or headers so that one wins. */
  private void checkSameShape(List<CompiledRoute> shape) {
    List<CompiledRoute> inFileOrder = new ArrayList<>(shape);
    inFileOrder.sort(Comparator.comparingInt(route -> route.ruleIndex));
    for (int second = 1; second < inFileOrder.size(); second++) {
      for (int first = 0; first < second; first++) {
        checkPair(inFileOrder.get(first), inFileOrder.get(second));
      }
    }
  }

  private void checkPair(CompiledRoute first, CompiledRoute second) {
    RouteRule rule = second.rule;
    if (first.rule == rule) {
      String message =
          first.pattern.text().equals(second.pattern.text())
              ? "path " + quote(second.pattern.text()) + " is listed twice"
              : "paths "
                  + quote(first.pattern.text())
                  + " and "
                  + quote(second.pattern.text())
                  + " match the same requests; list one of them";
      report(message, rule, second.ruleIndex, first.ruleIndex);
      return;
    }
    if (!methodsOverlap(first, second) || !headersTie(first.headers(), second.headers())) {
      return;
    }
    String written =
        first.pattern.text().equals(second.pattern.text())
            ? ""
            : " as " + quote(first.pattern.text());
    report(
        "path "
            + quote(second.pattern.text())
            + " is also claimed by rule '"
            + first.rule.id()
            + "'"
            + written
            + " ("
            + first.rule.position()
            + ") with the same specificity; make one more specific or merge them",
        rule,
        second.ruleIndex,
        first.ruleIndex);
  }

  private static boolean methodsOverlap(CompiledRoute a, CompiledRoute b) {
    return a.anyMethod() || b.anyMethod() || !Collections.disjoint(a.methods(), b.methods());
  }

  /**
   * Whether a request can meet both header conditions with neither more specific: no header is
   * required with two different values, and neither set strictly contains the other.
   */
  static boolean headersTie(Map<String, String> a, Map<String, String> b) {
    for (Map.Entry<String, String> entry : a.entrySet()) {
      String other = b.get(entry.getKey());
      if (other != null && !other.equals(entry.getValue())) {
        return false;
      }
    }
    boolean aContainsB = a.entrySet().containsAll(b.entrySet());
    boolean bContainsA = b.entrySet().containsAll(a.entrySet());
    return aContainsB == bContainsA;
  }

  private void report(String message, RouteRule rule, int ruleIndex, int otherIndex) {
    errors.add(
        new Found(new RuleError(message, rule.id(), rule.position()), ruleIndex, otherIndex));
  }

  private static String quote(String text) {
    return "'" + Objects.toString(text) + "'";
  }
}
