package dev.strangler.proxy.edge.framing;

import static java.util.Objects.requireNonNull;

/**
 * Why a request is refused before anything else sees it: the status, and the problem's title and
 * detail. The connection is always closed after it, since the framing of what follows is unknown.
 */
public record Rejection(int status, String title, String detail) {

  public Rejection {
    requireNonNull(title, "title");
    requireNonNull(detail, "detail");
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be an error status, but was " + status);
    }
  }

  static Rejection badRequest(String detail) {
    return new Rejection(400, "Bad request framing", detail);
  }
}
