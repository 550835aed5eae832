package dev.strangler.rules.routing;

/** Where a request is served. */
public enum Backend {
  LAMBDA,
  MONOLITH
}
