package dev.strangler.functions.runtime.sandbox;

/** How a handler call inside an execution environment ended. */
public sealed interface HandlerOutcome {

  /** The handler answered; {@code payload} is what it wrote or what its result serialized to. */
  record Returned(byte[] payload) implements HandlerOutcome {}

  /** The answer exceeded the response limit; it was not kept. */
  record ResponseTooLarge(long size) implements HandlerOutcome {}

  /** The handler threw (or its event or answer could not be mapped). */
  record Threw(Throwable error) implements HandlerOutcome {}

  /** The function called {@code System.exit}: on Lambda its process would be gone. */
  record Exited(int status) implements HandlerOutcome {}
}
