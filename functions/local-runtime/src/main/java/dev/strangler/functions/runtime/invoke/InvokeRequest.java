package dev.strangler.functions.runtime.invoke;

import java.util.Objects;

/**
 * One call of the Invoke API, as received: nothing validated yet.
 *
 * @param functionName the {@code FunctionName} path segment, decoded
 * @param qualifier the {@code Qualifier} query parameter, or null
 * @param invocationType the {@code X-Amz-Invocation-Type} header, or null
 * @param logType the {@code X-Amz-Log-Type} header, or null
 * @param payload the body, cut off after {@link Limits#SYNC_PAYLOAD_BYTES} + 1 bytes
 * @param payloadSize the body's full size
 */
public record InvokeRequest(
    String functionName,
    String qualifier,
    String invocationType,
    String logType,
    byte[] payload,
    long payloadSize) {

  public InvokeRequest {
    Objects.requireNonNull(functionName, "functionName");
    Objects.requireNonNull(payload, "payload");
  }

  /** A synchronous invocation with the whole event. */
  public static InvokeRequest of(String functionName, byte[] payload) {
    return new InvokeRequest(functionName, null, null, null, payload, payload.length);
  }
}
