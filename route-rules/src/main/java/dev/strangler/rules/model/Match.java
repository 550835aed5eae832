package dev.strangler.rules.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which requests a rule claims: all conditions must hold.
 *
 * @param methods upper-case HTTP methods; empty means any method
 * @param paths path patterns ({@code /api/products}, {@code /api/products/{id}}, {@code
 *     /api/admin/**}); at least one
 * @param headers header name (case-insensitive, stored lower-case) to exact value
 */
public record Match(Set<String> methods, List<String> paths, Map<String, String> headers) {

  public Match {
    methods = Set.copyOf(methods);
    paths = List.copyOf(paths);
    headers = Map.copyOf(headers);
  }
}
