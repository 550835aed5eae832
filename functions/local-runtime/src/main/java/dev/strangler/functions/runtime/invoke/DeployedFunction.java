package dev.strangler.functions.runtime.invoke;

import dev.strangler.functions.runtime.template.FunctionDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A function as the local runtime serves it: {@code $LATEST}, and when the template publishes an
 * alias ({@code AutoPublishAlias}) version {@code 1} with that alias pointing at it, as a first
 * {@code sam deploy} leaves it. Both run the same code.
 */
final class DeployedFunction {

  static final String LATEST = "$LATEST";
  static final String PUBLISHED_VERSION = "1";

  private final FunctionDefinition definition;
  private final String arn;
  private final ConcurrencyLimit concurrency;
  private final EnvironmentPool pool = new EnvironmentPool();
  private final FunctionStats stats = new FunctionStats();

  DeployedFunction(FunctionDefinition definition, String arn, int defaultConcurrency) {
    this.definition = Objects.requireNonNull(definition, "definition");
    this.arn = Objects.requireNonNull(arn, "arn");
    this.concurrency =
        definition.reservedConcurrency().isPresent()
            ? new ConcurrencyLimit(definition.reservedConcurrency().getAsInt(), true)
            : new ConcurrencyLimit(defaultConcurrency, false);
  }

  /**
   * The version that runs for a qualifier: empty when the function has no such version or alias.
   */
  Optional<String> versionFor(Optional<String> qualifier) {
    if (qualifier.isEmpty() || qualifier.get().equals(LATEST)) {
      return Optional.of(LATEST);
    }
    if (definition.autoPublishAlias().isPresent()
        && (qualifier.get().equals(PUBLISHED_VERSION)
            || qualifier.equals(definition.autoPublishAlias()))) {
      return Optional.of(PUBLISHED_VERSION);
    }
    return Optional.empty();
  }

  /** Every qualifier that {@link #versionFor} accepts. */
  List<String> qualifiers() {
    List<String> qualifiers = new ArrayList<>(List.of(LATEST));
    definition
        .autoPublishAlias()
        .ifPresent(
            alias -> {
              qualifiers.add(PUBLISHED_VERSION);
              qualifiers.add(alias);
            });
    return qualifiers;
  }

  /** The unqualified ARN, or qualified when a qualifier is given. */
  String arn(Optional<String> qualifier) {
    return qualifier.map(q -> arn + ":" + q).orElse(arn);
  }

  String name() {
    return definition.name();
  }

  FunctionDefinition definition() {
    return definition;
  }

  ConcurrencyLimit concurrency() {
    return concurrency;
  }

  EnvironmentPool pool() {
    return pool;
  }

  FunctionStats stats() {
    return stats;
  }
}
