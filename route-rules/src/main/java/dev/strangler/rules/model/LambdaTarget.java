package dev.strangler.rules.model;

import java.time.Duration;
import java.util.Objects;

/**
 * The function that serves a rule's share of traffic.
 *
 * @param function a name, {@code name:alias}, a partial ARN or a full ARN
 * @param qualifier a version or alias, or {@code null}
 * @param payloadFormat the API Gateway event format the function expects
 * @param timeout how long the proxy waits for the function
 */
public record LambdaTarget(
    String function, String qualifier, PayloadFormat payloadFormat, Duration timeout) {

  public LambdaTarget {
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(payloadFormat, "payloadFormat");
    Objects.requireNonNull(timeout, "timeout");
  }
}
