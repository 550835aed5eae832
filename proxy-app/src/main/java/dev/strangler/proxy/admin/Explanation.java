package dev.strangler.proxy.admin;

import java.util.Map;

/**
 * How the proxy would route one request, and why. Nothing is sent anywhere to find out.
 *
 * @param rulesVersion the rules version the answer is based on
 * @param backend {@code lambda} or {@code monolith} as decided, or {@code none} for a rejected path
 * @param reason {@code canary}, {@code forced}, {@code no_match}, {@code rejected} or {@code
 *     emergency}
 * @param servedBy who would answer: {@code lambda}, {@code monolith} (also when the rule's breaker
 *     is open) or {@code proxy} (400 for a rejected path)
 * @param detail the same in one sentence
 * @param rule the rule that claims the request, or {@code null}
 * @param bucket the request's canary bucket 0..9999, or {@code null} (no rule, forced, rejected)
 * @param forwardPath the path the backend would receive, or {@code null} when rejected
 * @param circuitBreaker the state of the rule's breaker ({@code CLOSED}, {@code OPEN}, {@code
 *     HALF_OPEN}…), or {@code null} when it has none yet
 * @param emergency the emergency switch that applies to the rule, or {@code null}
 */
public record Explanation(
    long rulesVersion,
    String method,
    String path,
    String backend,
    String reason,
    String servedBy,
    String detail,
    MatchedRule rule,
    Integer bucket,
    String forwardPath,
    String circuitBreaker,
    EmergencySwitches.Switch emergency) {

  /**
   * The rule that claims a request.
   *
   * @param pattern the path pattern that matched, e.g. {@code /api/products/{id}}
   * @param pathParameters the pattern's variables, decoded
   * @param percent the rule's canary percent
   * @param lambdaBelow buckets below this go to Lambda (percent × 100)
   * @param stickyBy {@code header:NAME}, {@code cookie:NAME}, {@code client-ip} or {@code none}
   * @param stickyKeyPresent whether the request carries the sticky key; without it the bucket is
   *     drawn at random for each request
   */
  public record MatchedRule(
      String id,
      String pattern,
      Map<String, String> pathParameters,
      String function,
      String qualifier,
      String percent,
      int lambdaBelow,
      String stickyBy,
      boolean stickyKeyPresent) {}
}
