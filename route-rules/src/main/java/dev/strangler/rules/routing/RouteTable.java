package dev.strangler.rules.routing;

import dev.strangler.rules.model.RuleSet;
import dev.strangler.rules.model.RuleSetException;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The compiled, immutable form of a {@link RuleSet}: an index that answers one {@link Decision} per
 * request in time that does not grow with the number of rules.
 *
 * <p>How a request is decided:
 *
 * <ol>
 *   <li>The raw path is canonicalised ({@link PathCanonicalizer}); a path that servers could read
 *       in more than one way is {@link Decision.Rejected rejected}.
 *   <li>The canonical path's segments are looked up in a segment trie built from the rules'
 *       patterns. At each segment a literal beats a {@code {variable}}, which beats a final {@code
 *       /**} (which also matches no further segment: {@code /api/**} matches {@code /api}). Among
 *       rules of the same pattern shape, those with more header conditions are tried first. A rule
 *       whose method or header conditions the request does not meet is skipped and the search goes
 *       on with less specific patterns. File order never matters.
 *   <li>No rule: the {@link Decision.ToMonolith monolith} ({@link Decision.Reason#NO_MATCH}).
 *   <li>A rule: a forced backend wins ({@link Decision.Reason#FORCED}); otherwise the request's
 *       bucket, MurmurHash3 (x86, 32 bit, seed 0) of {@code ruleId + '\0' + stickyValue} in UTF-8,
 *       unsigned, modulo 10,000, goes to Lambda when below the rule's basis points. Without a
 *       sticky value the bucket is drawn at random.
 * </ol>
 *
 * <p>Compilation fails, naming both rules, when two rules could claim the same request with equal
 * specificity: the same pattern shape (variable names aside), overlapping methods (none listed
 * means any) and header conditions that neither contradict each other nor one strictly extend the
 * other.
 */
public final class RouteTable {

  private final RuleSet rules;
  private final RouteNode root;
  private final RandomGenerator random;

  private RouteTable(RuleSet rules, RouteNode root, RandomGenerator random) {
    this.rules = rules;
    this.root = root;
    this.random = random;
  }

  /**
   * Compiles the rules into an index.
   *
   * @param random the source of buckets for requests without a sticky key; it is called from every
   *     request thread, so it must be thread-safe
   * @throws RuleSetException listing every problem, e.g. two rules that claim the same requests
   *     with equal specificity
   */
  public static RouteTable compile(RuleSet rules, RandomGenerator random) {
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(random, "random");
    return new RouteTable(rules, RouteCompiler.compile(rules), random);
  }

  /**
   * Compiles with buckets for requests without a sticky key drawn from the {@link
   * java.util.concurrent.ThreadLocalRandom} of the thread that decides each request.
   */
  public static RouteTable compile(RuleSet rules) {
    return compile(rules, CallingThreadRandom.INSTANCE);
  }

  /** One decision per request; never throws for any request. */
  public Decision decide(RequestKey request) {
    Objects.requireNonNull(request, "request");
    PathCanonicalizer.Result canonical = PathCanonicalizer.canonicalize(request.rawPath());
    if (canonical instanceof PathCanonicalizer.Invalid invalid) {
      return new Decision.Rejected(invalid.detail());
    }
    CanonicalPath path = (CanonicalPath) canonical;
    CompiledRoute route = root.find(path.matchPath(), 1, request);
    if (route == null) {
      return new Decision.ToMonolith(null, path.forwardPath(), -1, Decision.Reason.NO_MATCH);
    }
    if (request.forced() == Backend.MONOLITH) {
      return new Decision.ToMonolith(route.rule, path.forwardPath(), -1, Decision.Reason.FORCED);
    }
    if (request.forced() == Backend.LAMBDA) {
      return toLambda(route, path, -1, Decision.Reason.FORCED);
    }
    int bucket = route.bucket(request, random);
    return route.choosesLambda(bucket)
        ? toLambda(route, path, bucket, Decision.Reason.CANARY)
        : new Decision.ToMonolith(route.rule, path.forwardPath(), bucket, Decision.Reason.CANARY);
  }

  private static Decision toLambda(
      CompiledRoute route, CanonicalPath path, int bucket, Decision.Reason reason) {
    return new Decision.ToLambda(
        route.rule,
        route.pattern.text(),
        route.pathParameters(path.matchPath()),
        path.forwardPath(),
        bucket,
        reason);
  }

  public RuleSet rules() {
    return rules;
  }

  @Override
  public String toString() {
    return "RouteTable[" + rules.source() + ", " + rules.routes().size() + " rules]";
  }
}
