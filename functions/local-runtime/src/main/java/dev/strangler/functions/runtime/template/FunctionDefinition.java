package dev.strangler.functions.runtime.template;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One {@code AWS::Serverless::Function} of a template, with every value resolved: what the local
 * runtime needs to create its execution environments.
 *
 * @param logicalId the resource's key under {@code Resources}, also accepted as its name
 * @param name {@code FunctionName}, or the logical id when the template sets none
 * @param handler {@code package.Class::method} or {@code package.Class}
 * @param codeUri the jar or directory of classes, absolute
 * @param reservedConcurrency {@code ReservedConcurrentExecutions}, empty when not reserved
 * @param environment {@code Environment.Variables}, in template order
 * @param autoPublishAlias the alias that points at version 1, when the template publishes one
 */
public record FunctionDefinition(
    String logicalId,
    String name,
    String handler,
    String runtime,
    Path codeUri,
    Duration timeout,
    int memoryMb,
    OptionalInt reservedConcurrency,
    Map<String, String> environment,
    Optional<String> autoPublishAlias) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
  public static final int DEFAULT_MEMORY_MB = 128;

  public FunctionDefinition {
    Objects.requireNonNull(logicalId, "logicalId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(runtime, "runtime");
    Objects.requireNonNull(codeUri, "codeUri");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(reservedConcurrency, "reservedConcurrency");
    Objects.requireNonNull(autoPublishAlias, "autoPublishAlias");
    environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, but was " + timeout);
    }
    if (memoryMb <= 0) {
      throw new IllegalArgumentException("memoryMb must be positive, but was " + memoryMb);
    }
  }
}
