package dev.strangler.rules.routing;

import dev.strangler.rules.model.Canary;
import dev.strangler.rules.model.RouteRule;
import dev.strangler.rules.model.StickyKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/** One path of one rule, with its conditions and canary prepared for the hot path. */
final class CompiledRoute {

  private enum StickySource {
    HEADER,
    COOKIE,
    CLIENT_IP,
    NONE
  }

  final RouteRule rule;
  final RoutePattern pattern;

  /** Position of the rule in the file, for stable ordering and messages. */
  final int ruleIndex;

  private final Set<String> methods;
  private final String[] headerNames;
  private final String[] headerValues;
  private final int variableCount;
  private final int basisPoints;
  private final StickySource stickySource;
  private final String stickyName;
  private final byte[] hashPrefix;

  CompiledRoute(RouteRule rule, RoutePattern pattern, int ruleIndex) {
    this.rule = rule;
    this.pattern = pattern;
    this.ruleIndex = ruleIndex;
    this.methods = rule.match().methods();
    Map<String, String> headers = rule.match().headers();
    this.headerNames = headers.keySet().toArray(String[]::new);
    Arrays.sort(headerNames);
    this.headerValues = new String[headerNames.length];
    for (int i = 0; i < headerNames.length; i++) {
      headerValues[i] = headers.get(headerNames[i]);
    }
    int variables = 0;
    for (String variable : pattern.variables()) {
      variables += variable == null ? 0 : 1;
    }
    this.variableCount = variables;
    Canary canary = rule.canary();
    this.basisPoints = canary.basisPoints();
    StickyKey sticky = canary.stickyBy();
    if (sticky instanceof StickyKey.Header header) {
      stickySource = StickySource.HEADER;
      stickyName = header.name();
    } else if (sticky instanceof StickyKey.Cookie cookie) {
      stickySource = StickySource.COOKIE;
      stickyName = cookie.name();
    } else if (sticky instanceof StickyKey.ClientIp) {
      stickySource = StickySource.CLIENT_IP;
      stickyName = null;
    } else {
      stickySource = StickySource.NONE;
      stickyName = null;
    }
    this.hashPrefix = (rule.id() + '\u0000').getBytes(StandardCharsets.UTF_8);
  }

  int headerCount() {
    return headerNames.length;
  }

  boolean anyMethod() {
    return methods.isEmpty();
  }

  Set<String> methods() {
    return methods;
  }

  Map<String, String> headers() {
    return rule.match().headers();
  }

  /** Whether the request's method and headers meet this rule's conditions. */
  boolean admits(RequestKey request) {
    if (!methods.isEmpty() && !methods.contains(request.method())) {
      return false;
    }
    for (int i = 0; i < headerNames.length; i++) {
      if (!headerValues[i].equals(request.header().apply(headerNames[i]))) {
        return false;
      }
    }
    return true;
  }

  /** Whether a request in {@code bucket} goes to Lambda. */
  boolean choosesLambda(int bucket) {
    return bucket < basisPoints;
  }

  /**
   * The request's canary bucket, 0..9999: a hash of the rule id and the sticky value, or a random
   * bucket when the request has no sticky value.
   */
  int bucket(RequestKey request, RandomGenerator random) {
    String source =
        switch (stickySource) {
          case HEADER -> request.header().apply(stickyName);
          case COOKIE -> request.header().apply("cookie");
          case CLIENT_IP -> request.clientIp();
          case NONE -> null;
        };
    int from = 0;
    int to = source == null ? 0 : source.length();
    if (stickySource == StickySource.COOKIE) {
      long bounds = CookieHeader.valueBounds(source, stickyName);
      from = bounds < 0 ? 0 : (int) (bounds >>> 32);
      to = bounds < 0 ? 0 : (int) bounds;
    }
    if (from >= to) {
      return random.nextInt(Canary.ALL);
    }
    return Integer.remainderUnsigned(Murmur3.hash32(hashPrefix, source, from, to, 0), Canary.ALL);
  }

  /** The values of the pattern's variables in the canonical match path, decoded. */
  Map<String, String> pathParameters(String matchPath) {
    if (variableCount == 0) {
      return Map.of();
    }
    String[] variables = pattern.variables();
    Map<String, String> many = variableCount > 2 ? new HashMap<>() : null;
    String firstName = null;
    String firstValue = null;
    int start = 1;
    for (int segment = 0; segment < variables.length; segment++) {
      int end = matchPath.indexOf('/', start);
      end = end < 0 ? matchPath.length() : end;
      String name = variables[segment];
      if (name != null) {
        String value = PercentEncoding.decode(matchPath, start, end);
        if (many != null) {
          many.put(name, value);
        } else if (variableCount == 1) {
          return Map.of(name, value);
        } else if (firstName == null) {
          firstName = name;
          firstValue = value;
        } else {
          return Map.of(firstName, firstValue, name, value);
        }
      }
      start = end + 1;
    }
    return Map.copyOf(many);
  }

  @Override
  public String toString() {
    return "rule '" + rule.id() + "' path '" + pattern.text() + "'";
  }
}
