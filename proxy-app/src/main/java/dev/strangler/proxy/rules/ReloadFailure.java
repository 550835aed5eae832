package dev.strangler.proxy.rules;

import java.time.Instant;
import java.util.List;

/**
 * Why the last change to the rules file was not applied.
 *
 * @param errors each problem, e.g. {@code canary.percent must be between 0 and 100, but was 120
 *     (rule 'product-reads', routes.yaml:14:16)}
 */
public record ReloadFailure(Instant at, String contentHash, List<String> errors) {
  public ReloadFailure {
    errors = List.copyOf(errors);
  }
}
