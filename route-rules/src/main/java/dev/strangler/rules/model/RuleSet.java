package dev.strangler.rules.model;

import java.util.List;
import java.util.Objects;

/**
 * A whole rules file as written: defaults already applied to each rule.
 *
 * @param version the format version ({@code 1})
 * @param source the file name, for messages
 * @param routes the rules, in file order (order has no effect on precedence)
 */
public record RuleSet(int version, String source, List<RouteRule> routes) {

  public RuleSet {
    Objects.requireNonNull(source, "source");
    routes = List.copyOf(routes);
  }

  /** No rules: everything goes to the monolith. */
  public static RuleSet empty(String source) {
    return new RuleSet(1, source, List.of());
  }
}
