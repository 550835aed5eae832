package dev.strangler.proxy.lambda.event;

import static java.util.Objects.requireNonNull;

/**
 * A response payload that API Gateway would not turn into an HTTP response; the client gets a 502.
 *
 * @param reason what is wrong, for the log; it names fields, never header values or the body
 */
public record MalformedFunctionResponse(String reason) implements FunctionResponse {

  public MalformedFunctionResponse {
    requireNonNull(reason, "reason");
  }
}
