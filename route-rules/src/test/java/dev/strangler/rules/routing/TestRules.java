package dev.strangler.rules.routing;

import dev.strangler.rules.model.Canary;
import dev.strangler.rules.model.Fallback;
import dev.strangler.rules.model.LambdaTarget;
import dev.strangler.rules.model.Match;
import dev.strangler.rules.model.PayloadFormat;
import dev.strangler.rules.model.RouteRule;
import dev.strangler.rules.model.RuleSet;
import dev.strangler.rules.model.SourcePosition;
import dev.strangler.rules.model.StickyKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds rule sets in one line per rule, in the compact notation the table tests use. */
final class TestRules {

  private final List<RouteRule> rules = new ArrayList<>();

  static TestRules rules() {
    return new TestRules();
  }

  /**
   * Adds a rule at line {@code 10 * n}, column 5, of {@code routes.yaml}.
   *
   * @param methods {@code GET,POST}; blank or {@code -} for any
   * @param paths patterns separated by blanks
   * @param headers {@code name=value;name=value}; blank or {@code -} for none
   */
  TestRules add(String id, String methods, String paths, String headers) {
    return add(id, methods, paths, headers, new Canary(Canary.ALL, new StickyKey.None()));
  }

  TestRules add(String id, String methods, String paths, String headers, Canary canary) {
    int line = 10 * (rules.size() + 1);
    rules.add(
        new RouteRule(
            id,
            new Match(methods(methods), List.of(paths.trim().split("\\s+")), headers(headers)),
            new LambdaTarget("fn-" + id, null, PayloadFormat.V2_0, Duration.ofSeconds(5)),
            canary,
            Fallback.DEFAULT,
            new SourcePosition("routes.yaml", line, 5)));
    return this;
  }

  RuleSet ruleSet() {
    return new RuleSet(1, "routes.yaml", rules);
  }

  RouteTable compile() {
    return RouteTable.compile(ruleSet(), new java.util.SplittableRandom(1));
  }

  static Set<String> methods(String text) {
    if (isBlank(text)) {
      return Set.of();
    }
    return new LinkedHashSet<>(Arrays.asList(text.trim().split("\\s*,\\s*")));
  }

  static Map<String, String> headers(String text) {
    Map<String, String> headers = new HashMap<>();
    if (!isBlank(text)) {
      for (String pair : text.trim().split(";")) {
        String[] nameValue = pair.split("=", 2);
        headers.put(nameValue[0].trim(), nameValue[1].trim());
      }
    }
    return headers;
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank() || text.trim().equals("-");
  }

  /** A request with the given headers ({@code name=value;...}, lower-case names). */
  static RequestKey request(String method, String path, String headers) {
    Map<String, String> map = headers(headers);
    return new RequestKey(method, path, map::get, "192.0.2.1", null);
  }

  static RequestKey request(String method, String path) {
    return request(method, path, null);
  }
}
