package dev.strangler.functions.runtime.invoke;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Invoke API's own errors, with the bodies and {@code x-amzn-ErrorType} values that Lambda
 * answers, so that the SDK raises the matching exception ({@code ResourceNotFoundException}, {@code
 * TooManyRequestsException}, ...). Lambda's bodies differ in the case of {@code message}: {@code
 * ResourceNotFoundException} says {@code Message}; the SDK reads either.
 */
public final class ServiceErrors {

  public static final String RESERVED_CONCURRENCY_EXCEEDED =
      "ReservedFunctionConcurrentInvocationLimitExceeded";
  public static final String CONCURRENCY_EXCEEDED = "ConcurrentInvocationLimitExceeded";

  private ServiceErrors() {}

  public static InvokeResult.Rejected functionNotFound(String requestId, String arn) {
    return rejected(
        requestId,
        404,
        "ResourceNotFoundException",
        body("Type", "User", "Message", "Function not found: " + arn));
  }

  /**
   * @param reason {@link #RESERVED_CONCURRENCY_EXCEEDED} or {@link #CONCURRENCY_EXCEEDED}
   */
  public static InvokeResult.Rejected throttled(String requestId, String reason) {
    return rejected(
        requestId,
        429,
        "TooManyRequestsException",
        body("Reason", reason, "Type", "User", "message", "Rate Exceeded."));
  }

  public static InvokeResult.Rejected requestTooLarge(String requestId) {
    return rejected(
        requestId,
        413,
        "RequestTooLargeException",
        body(
            "Type",
            "User",
            "message",
            "Request must be smaller than "
                + Limits.SYNC_PAYLOAD_BYTES
                + " bytes for the InvokeFunction operation"));
  }

  public static InvokeResult.Rejected eventTooLarge(String requestId, long size) {
    return rejected(
        requestId,
        413,
        "RequestTooLargeException",
        body(
            "Type",
            "User",
            "message",
            size
                + " byte payload is too large for the Event invocation type (limit "
                + Limits.ASYNC_PAYLOAD_BYTES
                + " bytes)"));
  }

  public static InvokeResult.Rejected invalidContent(String requestId, String parserMessage) {
    return rejected(
        requestId,
        400,
        "InvalidRequestContentException",
        body(
            "Type",
            "User",
            "message",
            "Could not parse request body into json: Could not parse payload into json: "
                + parserMessage));
  }

  /**
   * A 400 of the given type: {@code InvalidParameterValueException} or {@code ValidationException}.
   */
  public static InvokeResult.Rejected badRequest(String requestId, String type, String message) {
    Map<String, Object> body =
        type.equals("ValidationException")
            ? body("message", message)
            : body("Type", "User", "message", message);
    return rejected(requestId, 400, type, body);
  }

  public static InvokeResult.Rejected serviceFailure(String requestId, String message) {
    return rejected(
        requestId, 500, "ServiceException", body("Type", "Service", "message", message));
  }

  private static InvokeResult.Rejected rejected(
      String requestId, int status, String type, Map<String, Object> body) {
    return new InvokeResult.Rejected(requestId, status, type, Json.bytes(body));
  }

  private static Map<String, Object> body(String... keysAndValues) {
    Map<String, Object> body = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      body.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return body;
  }
}
