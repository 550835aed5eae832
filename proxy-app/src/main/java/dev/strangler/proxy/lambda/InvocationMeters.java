package dev.strangler.proxy.lambda;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code strangler.lambda.invocations}: every call to Lambda (each throttle retry too), by {@code
 * function}, {@code result} and {@code version}: the version that ran ({@code
 * X-Amz-Executed-Version}), so that errors are pinned on a version while an alias splits traffic
 * between two; {@code none} when no version ran.
 */
final class InvocationMeters {

  static final String NAME = "strangler.lambda.invocations";

  private final MeterRegistry registry;
  private final Map<Series, Timer> timers = new ConcurrentHashMap<>();

  private record Series(String function, String result, String version) {}

  InvocationMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  void record(String function, InvocationOutcome outcome) {
    timers
        .computeIfAbsent(new Series(function, resultOf(outcome), versionOf(outcome)), this::timer)
        .record(outcome.latency());
  }

  /** The {@code result} tag: how the call ended. */
  static String resultOf(InvocationOutcome outcome) {
    if (outcome instanceof InvocationOutcome.Success) {
      return "success";
    } else if (outcome instanceof InvocationOutcome.FunctionError) {
      return "function_error";
    } else if (outcome instanceof InvocationOutcome.Throttled) {
      return "throttled";
    } else if (outcome instanceof InvocationOutcome.TimedOut) {
      return "timeout";
    } else if (outcome instanceof InvocationOutcome.TooLarge) {
      return "too_large";
    } else if (outcome instanceof InvocationOutcome.NotFound) {
      return "not_found";
    } else if (outcome instanceof InvocationOutcome.ServiceError) {
      return "service_error";
    }
    return "unreachable";
  }

  private static String versionOf(InvocationOutcome outcome) {
    String version = null;
    if (outcome instanceof InvocationOutcome.Success success) {
      version = success.executedVersion();
    } else if (outcome instanceof InvocationOutcome.FunctionError error) {
      version = error.executedVersion();
    }
    return version == null ? "none" : version;
  }

  private Timer timer(Series series) {
    return Timer.builder(NAME)
        .description("Calls to Lambda, by function, result and the version that ran")
        .tag("function", series.function())
        .tag("result", series.result())
        .tag("version", series.version())
        .register(registry);
  }
}
