package dev.strangler.functions.runtime.invoke;

import java.util.Arrays;
import java.util.Optional;

/** The {@code X-Amz-Invocation-Type} header's values. */
public enum InvocationType {
  /** Run and answer (the default): 200. */
  REQUEST_RESPONSE("RequestResponse"),
  /** Queue and answer at once: 202; the function runs in the background. */
  EVENT("Event"),
  /** Check that the function could be invoked, without running it: 204. */
  DRY_RUN("DryRun");

  private final String headerValue;

  InvocationType(String headerValue) {
    this.headerValue = headerValue;
  }

  public String headerValue() {
    return headerValue;
  }

  /** The type the header names; an absent header means {@code RequestResponse}. */
  public static Optional<InvocationType> fromHeader(String value) {
    if (value == null || value.isEmpty()) {
      return Optional.of(REQUEST_RESPONSE);
    }
    return Arrays.stream(values()).filter(type -> type.headerValue.equals(value)).findFirst();
  }
}
