package dev.strangler.proxy.routing;

/**
 * Sends a rule's requests to the monolith on this instance, whatever its canary or a tester's
 * override says. The admin's emergency switch implements it; routing only asks.
 */
@FunctionalInterface
public interface EmergencySwitch {

  /** No rule is ever switched. */
  EmergencySwitch OFF = (rulesVersion, ruleId) -> false;

  /**
   * Whether the rule is switched to the monolith while rules version {@code rulesVersion} holds.
   */
  boolean isOn(long rulesVersion, String ruleId);
}
