package dev.strangler.functions.runtime.invoke;

import java.util.Objects;
import java.util.Optional;

/** How the Invoke API answers one request. */
public sealed interface InvokeResult {

  /** Also the {@code x-amzn-RequestId} header of the answer. */
  String requestId();

  /**
   * 200: the function ran. A failure of the function is still a 200, with {@code
   * X-Amz-Function-Error} and the error as payload.
   *
   * @param functionError {@code Unhandled} when the function failed
   * @param logTail the last 4 KB of the log, when {@code X-Amz-Log-Type: Tail} asked for it
   */
  record Completed(
      String requestId,
      String executedVersion,
      byte[] payload,
      Optional<String> functionError,
      Optional<byte[]> logTail)
      implements InvokeResult {
    public Completed {
      Objects.requireNonNull(payload, "payload");
      Objects.requireNonNull(functionError, "functionError");
      Objects.requireNonNull(logTail, "logTail");
    }
  }

  /** 202: an {@code Event} invocation was queued. */
  record Accepted(String requestId) implements InvokeResult {}

  /** 204: a {@code DryRun} found the function invocable. */
  record DryRunPassed(String requestId) implements InvokeResult {}

  /**
   * A 4xx or 5xx of the service itself; the function did not run.
   *
   * @param errorType the {@code x-amzn-ErrorType} header, from which the SDK picks its exception
   */
  record Rejected(String requestId, int status, String errorType, byte[] body)
      implements InvokeResult {}
}
