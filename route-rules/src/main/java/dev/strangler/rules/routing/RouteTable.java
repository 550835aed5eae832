package dev.strangler.rules.routing;

import dev.strangler.rules.model.RuleSet;
import dev.strangler.rules.model.RuleSetException;
import java.util.random.RandomGenerator;

/**
 * The compiled, immutable form of a {@link RuleSet}: an index that answers one {@link Decision} per
 * request in time that does not grow with the number of rules.
 */
public final class RouteTable {

  private final RuleSet rules;

  private RouteTable(RuleSet rules) {
    this.rules = rules;
  }

  /**
   * Compiles the rules into an index.
   *
   * @param random the source of buckets for requests without a sticky key
   * @throws RuleSetException listing every problem, e.g. two rules that claim the same requests
   *     with equal specificity
   */
  public static RouteTable compile(RuleSet rules, RandomGenerator random) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** Compiles with a thread-safe random source for requests without a sticky key. */
  public static RouteTable compile(RuleSet rules) {
    return compile(rules, java.util.concurrent.ThreadLocalRandom.current());
  }

  /** One decision per request; never throws for any input. */
  public Decision decide(RequestKey request) {
    throw new UnsupportedOperationException("not implemented yet");
  }

  public RuleSet rules() {
    return rules;
  }
}
