package dev.strangler.functions.runtime.fault;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The fault plan of each function, switchable while the runtime runs. Thread-safe. */
public final class FaultRegistry {

  private final Map<String, FaultPlan> plans = new ConcurrentHashMap<>();

  /** Replaces the function's plan; {@link FaultPlan#NONE} clears it. */
  public void set(String function, FaultPlan plan) {
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(plan, "plan");
    if (plan.isNone()) {
      plans.remove(function);
    } else {
      plans.put(function, plan);
    }
  }

  public void clear(String function) {
    plans.remove(Objects.requireNonNull(function, "function"));
  }

  public void clearAll() {
    plans.clear();
  }

  /** The function's plan as it stands, for showing it. */
  public FaultPlan planFor(String function) {
    return plans.getOrDefault(function, FaultPlan.NONE);
  }

  /**
   * The plan for one invocation about to start, counting it against {@code throttleNext}
   * atomically, so that concurrent invocations never share one throttled slot.
   */
  public FaultPlan takeFor(String function) {
    FaultPlan[] taken = {FaultPlan.NONE};
    plans.computeIfPresent(
        function,
        (name, plan) -> {
          taken[0] = plan;
          FaultPlan next = plan.afterOneInvocation();
          return next.isNone() ? null : next;
        });
    return taken[0];
  }

  /** Every function with a plan, by name. */
  public Map<String, FaultPlan> all() {
    return new TreeMap<>(plans);
  }
}
