package dev.strangler.proxy.edge.framing;

/**
 * The request body stopped being valid HTTP framing part-way (a bad chunk size or delimiter, say).
 * It ends the body with an error, never a completion, so no backend sees a shorter body as whole.
 */
public final class MalformedRequestBodyException extends RuntimeException {

  public MalformedRequestBodyException(Throwable cause) {
    super("malformed request body: " + cause.getMessage(), cause, false, false);
  }
}
