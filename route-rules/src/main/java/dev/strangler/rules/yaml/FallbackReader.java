package dev.strangler.rules.yaml;

import dev.strangler.rules.http.HttpTokens;
import dev.strangler.rules.model.Fallback;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code defaults.fallback} and a rule's {@code fallback}. Each key a rule leaves out is
 * inherited from {@code defaults.fallback}, and each one that leaves out from {@link
 * Fallback#DEFAULT}; {@code onStatus} is replaced as a whole, {@code circuitBreaker} and {@code
 * throttleRetry} key by key.
 */
final class FallbackReader {

  static final int MAX_CONCURRENT = 10_000;
  static final int MIN_STATUS = 500;
  static final int MAX_STATUS = 599;

  private FallbackReader() {}

  /**
   * {@code defaults.fallback} over {@link Fallback#DEFAULT}.
   *
   * @param defaults the file's {@code defaults}, or {@code null} when it has none
   */
  static Fallback defaults(Fields defaults) {
    Fields fallback = defaults == null ? null : defaults.fields("fallback", false, Keys.FALLBACK);
    return fallback == null ? Fallback.DEFAULT : over(fallback, Fallback.DEFAULT);
  }

  /** A rule's {@code fallback} over the file's defaults; never {@code null}. */
  static Fallback read(Fields rule, Fallback defaults) {
    Fields fallback = rule.fields("fallback", false, Keys.FALLBACK);
    return fallback == null ? defaults : over(fallback, defaults);
  }

  private static Fallback over(Fields fallback, Fallback inherited) {
    Boolean idempotent = Values.bool(fallback, "idempotent");
    String idempotencyKeyHeader = idempotencyKeyHeader(fallback);
    Set<Integer> onStatus = onStatus(fallback);
    Integer maxConcurrent = Values.integer(fallback, "maxConcurrent", 1, MAX_CONCURRENT);
    return new Fallback(
        idempotent == null ? inherited.idempotent() : idempotent,
        idempotencyKeyHeader == null ? inherited.idempotencyKeyHeader() : idempotencyKeyHeader,
        onStatus == null ? inherited.onStatus() : onStatus,
        maxConcurrent == null ? inherited.maxConcurrent() : maxConcurrent,
        CircuitBreakerReader.read(fallback, inherited.circuitBreaker()),
        ThrottleRetryReader.read(fallback, inherited.throttleRetry()));
  }

  private static String idempotencyKeyHeader(Fields fallback) {
    ScalarNode node = fallback.scalar("idempotencyKeyHeader", false, "a header name");
    if (node == null) {
      return null;
    }
    String name = node.getValue();
    if (!HttpTokens.isToken(name)) {
      fallback
          .scope()
          .error(
              node,
              fallback.child("idempotencyKeyHeader"),
              "must be an HTTP header name (letters, digits and !#$%&'*+-.^_`|~), but was "
                  + Scope.shown(name));
      return null;
    }
    return name;
  }

  /** {@code []} is allowed: it clears statuses set in {@code defaults.fallback}. */
  private static Set<Integer> onStatus(Fields fallback) {
    SequenceNode list = fallback.list("onStatus", false);
    if (list == null) {
      return null;
    }
    String field = fallback.child("onStatus");
    Set<Integer> statuses = new LinkedHashSet<>();
    Map<Integer, Integer> firstIndex = new HashMap<>();
    List<Node> items = list.getValue();
    for (int i = 0; i < items.size(); i++) {
      String itemField = field + "[" + i + "]";
      ScalarNode item = Fields.scalarItem(fallback.scope(), itemField, items.get(i), "a status");
      if (item == null) {
        continue;
      }
      String text = item.getValue();
      BigInteger value = Values.parseInteger(text);
      if (value == null
          || value.compareTo(BigInteger.valueOf(MIN_STATUS)) < 0
          || value.compareTo(BigInteger.valueOf(MAX_STATUS)) > 0) {
        fallback
            .scope()
            .error(
                item,
                itemField,
                "must be a server error status from "
                    + MIN_STATUS
                    + " to "
                    + MAX_STATUS
                    + ", but was "
                    + Scope.shown(text));
        continue;
      }
      int status = value.intValueExact();
      Integer first = firstIndex.putIfAbsent(status, i);
      if (first != null) {
        fallback
            .scope()
            .error(
                item,
                itemField,
                "repeats " + status + ", already given at " + field + "[" + first + "]");
        continue;
      }
      statuses.add(status);
    }
    return statuses;
  }
}
