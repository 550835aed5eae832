package dev.strangler.rules.routing;

import java.util.Objects;

/**
 * A request path in the one form the proxy matches and forwards; see {@link PathCanonicalizer}.
 *
 * @param matchPath the canonical path without matrix parameters: what rules are matched against,
 *     e.g. {@code /api/products/42}
 * @param forwardPath the canonical path with matrix parameters kept: what is sent upstream, e.g.
 *     {@code /api/products;v=2/42}
 */
public record CanonicalPath(String matchPath, String forwardPath)
    implements PathCanonicalizer.Result {

  public CanonicalPath {
    Objects.requireNonNull(matchPath, "matchPath");
    Objects.requireNonNull(forwardPath, "forwardPath");
  }
}
