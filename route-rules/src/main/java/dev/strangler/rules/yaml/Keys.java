package dev.strangler.rules.yaml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one list of keys the rules file allows, level by level; the schema test compares it. */
final class Keys {

  static final List<String> FILE = List.of("version", "defaults", "routes");
  static final List<String> DEFAULTS = List.of("lambda", "fallback");
  static final List<String> DEFAULTS_LAMBDA = List.of("payloadFormat", "timeout");
  static final List<String> RULE = List.of("id", "match", "lambda", "canary", "fallback");
  static final List<String> MATCH = List.of("methods", "paths", "headers");
  static final List<String> LAMBDA = List.of("function", "qualifier", "payloadFormat", "timeout");
  static final List<String> CANARY = List.of("percent", "stickyBy");

  /** A rule's {@code fallback}, and {@code defaults.fallback} alike. */
  static final List<String> FALLBACK =
      List.of(
          "idempotent",
          "idempotencyKeyHeader",
          "onStatus",
          "maxConcurrent",
          "circuitBreaker",
          "throttleRetry");

  static final List<String> CIRCUIT_BREAKER =
      List.of(
          "failureRate",
          "slowCallRate",
          "slowCall",
          "window",
          "minimumCalls",
          "openFor",
          "halfOpenCalls");

  static final List<String> THROTTLE_RETRY = List.of("attempts", "backoff", "maxBackoff");

  /** Level (as a field path, {@code routes[]} for a rule) to the keys allowed there. */
  static final Map<String, List<String>> ALL = levels();

  private Keys() {}

  private static Map<String, List<String>> levels() {
    Map<String, List<String>> levels = new LinkedHashMap<>();
    levels.put("", FILE);
    levels.put("defaults", DEFAULTS);
    levels.put("defaults.lambda", DEFAULTS_LAMBDA);
    levels.put("defaults.fallback", FALLBACK);
    levels.put("defaults.fallback.circuitBreaker", CIRCUIT_BREAKER);
    levels.put("defaults.fallback.throttleRetry", THROTTLE_RETRY);
    levels.put("routes[]", RULE);
    levels.put("routes[].match", MATCH);
    levels.put("routes[].lambda", LAMBDA);
    levels.put("routes[].canary", CANARY);
    levels.put("routes[].fallback", FALLBACK);
    levels.put("routes[].fallback.circuitBreaker", CIRCUIT_BREAKER);
    levels.put("routes[].fallback.throttleRetry", THROTTLE_RETRY);
    return Collections.unmodifiableMap(levels);
  }
}
