package dev.strangler.functions.runtime.invoke;

import dev.strangler.functions.runtime.fault.FaultPlan;
import dev.strangler.functions.runtime.template.FunctionDefinition;
import java.util.List;
import java.util.Objects;

/**
 * A snapshot of one function for the admin API.
 *
 * @param concurrencyLimit the reserved concurrency, or the runtime's default when none is reserved
 * @param warmEnvironments environments idle and ready for the next invocation
 * @param busyEnvironments environments running an invocation
 */
public record FunctionStatus(
    FunctionDefinition definition,
    List<String> qualifiers,
    int concurrencyLimit,
    int warmEnvironments,
    int busyEnvironments,
    long invocations,
    long coldStarts,
    long errors,
    long timeouts,
    long throttles,
    FaultPlan fault) {

  public FunctionStatus {
    Objects.requireNonNull(definition, "definition");
    qualifiers = List.copyOf(qualifiers);
    Objects.requireNonNull(fault, "fault");
  }
}
