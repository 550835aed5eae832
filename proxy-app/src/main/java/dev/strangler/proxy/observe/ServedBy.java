package dev.strangler.proxy.observe;

import java.util.Locale;

/** Which side answered a request. */
public enum ServedBy {
  LAMBDA,
  MONOLITH,
  /** The proxy itself, e.g. a path rejected as ambiguous. */
  PROXY;

  /** As written in metric tags and logs: {@code lambda}, {@code monolith}, {@code proxy}. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
