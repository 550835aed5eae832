package dev.strangler.functions.runtime.sandbox;

import java.util.Optional;

/**
 * The function could not be initialised: its class is missing, its handler method does not fit, its
 * constructor or static initializer threw. Reported as the Java runtime reports it: an error
 * message and, where an exception caused it, that exception's class as error type.
 */
public final class InitFailure extends Exception {

  private static final long serialVersionUID = 1L;

  private final String errorType;

  public InitFailure(String errorMessage, String errorType, Throwable cause) {
    super(errorMessage, cause, false, false);
    this.errorType = errorType;
  }

  static InitFailure of(String errorMessage) {
    return new InitFailure(errorMessage, null, null);
  }

  static InitFailure causedBy(String errorMessage, Throwable cause) {
    return new InitFailure(errorMessage, cause.getClass().getName(), cause);
  }

  public String errorMessage() {
    return getMessage();
  }

  /** The class of the exception behind the failure; empty when the handler is just invalid. */
  public Optional<String> errorType() {
    return Optional.ofNullable(errorType);
  }
}
