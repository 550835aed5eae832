package dev.strangler.functions.runtime.http;

import dev.strangler.functions.runtime.fault.FaultPlan;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The admin API's JSON for a fault plan: {@code {"latencyMs": 250, "throw": "message", "timeout":
 * true, "throttle": true, "malformed": true, "throttleNext": 2}}, any combination; {@code {}} is no
 * fault.
 */
final class FaultPlanJson {

  static final Set<String> FIELDS =
      Set.of("latencyMs", "throw", "timeout", "throttle", "malformed", "throttleNext");

  private FaultPlanJson() {}

  /**
   * @throws IllegalArgumentException saying what is wrong with the document
   */
  static FaultPlan parse(byte[] json) {
    JsonNode root;
    try {
      root = Exchanges.JSON.readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("The fault is not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(
          "The fault must be a JSON object, such as {\"latencyMs\":500}");
    }
    for (String name : root.propertyNames()) {
      if (!FIELDS.contains(name)) {
        throw new IllegalArgumentException(
            "Unknown fault '"
                + name
                + "'; known: latencyMs, throw, timeout, throttle, malformed, throttleNext");
      }
    }
    JsonNode latency = root.get("latencyMs");
    if (latency != null && (!latency.isIntegralNumber() || latency.longValue() < 0)) {
      throw new IllegalArgumentException(
          "latencyMs must be a whole number of 0 or more, but was " + latency);
    }
    JsonNode message = root.get("throw");
    if (message != null && !message.isString()) {
      throw new IllegalArgumentException(
          "throw must be the exception's message, but was " + message);
    }
    JsonNode throttleNext = root.get("throttleNext");
    if (throttleNext != null
        && (!throttleNext.isIntegralNumber()
            || throttleNext.longValue() < 0
            || throttleNext.longValue() > Integer.MAX_VALUE)) {
      throw new IllegalArgumentException(
          "throttleNext must be a whole number of 0 or more, but was " + throttleNext);
    }
    return new FaultPlan(
        Duration.ofMillis(latency == null ? 0 : latency.longValue()),
        Optional.ofNullable(message).map(JsonNode::asString),
        flag(root, "timeout"),
        flag(root, "throttle"),
        flag(root, "malformed"),
        throttleNext == null ? 0 : throttleNext.intValue());
  }

  private static boolean flag(JsonNode root, String name) {
    JsonNode value = root.get(name);
    if (value != null && !value.isBoolean()) {
      throw new IllegalArgumentException(name + " must be true or false, but was " + value);
    }
    return value != null && value.booleanValue();
  }

  static Map<String, Object> toJson(FaultPlan plan) {
    Map<String, Object> json = new LinkedHashMap<>();
    if (!plan.latency().isZero()) {
      json.put("latencyMs", plan.latency().toMillis());
    }
    plan.throwMessage().ifPresent(message -> json.put("throw", message));
    if (plan.timeout()) {
      json.put("timeout", true);
    }
    if (plan.throttle()) {
      json.put("throttle", true);
    }
    if (plan.malformed()) {
      json.put("malformed", true);
    }
    if (plan.throttleNext() > 0) {
      json.put("throttleNext", plan.throttleNext());
    }
    return json;
  }
}
