package dev.strangler.proxy.rules;

import dev.strangler.rules.routing.RouteTable;
import java.time.Instant;
import java.util.Objects;

/**
 * A compiled rule set in force, with where it came from.
 *
 * @param version counts the rule sets applied since start: 1 for the first
 * @param contentHash SHA-256 of the file content, hex; empty when there is no file
 */
public record LoadedRules(RouteTable table, long version, Instant loadedAt, String contentHash) {
  public LoadedRules {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(loadedAt, "loadedAt");
    Objects.requireNonNull(contentHash, "contentHash");
  }
}
