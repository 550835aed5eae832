package dev.strangler.functions.runtime;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How {@link LocalLambdaRuntime} runs: start from {@link #defaults} and change what differs.
 *
 * @param parameters template parameter values that replace their defaults
 * @param port 0 for any free port
 * @param idleTimeout how long a warm execution environment waits before it is reaped
 * @param defaultConcurrency the concurrency limit of functions without {@code
 *     ReservedConcurrentExecutions}
 * @param functionLogs where the functions' logs are echoed as they run
 */
public record Config(
    Path template,
    String host,
    int port,
    Map<String, String> parameters,
    Duration idleTimeout,
    int defaultConcurrency,
    String region,
    PrintStream functionLogs,
    Clock clock) {

  public static final int DEFAULT_PORT = 3001;

  public Config {
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(host, "host");
    parameters = Map.copyOf(parameters);
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(functionLogs, "functionLogs");
    Objects.requireNonNull(clock, "clock");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, but was " + port);
    }
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout must be positive, but was " + idleTimeout);
    }
    if (defaultConcurrency < 1) {
      throw new IllegalArgumentException(
          "defaultConcurrency must be at least 1, but was " + defaultConcurrency);
    }
  }

  /** Loopback port 3001, 5 minutes idle timeout, 10 concurrent invocations, us-east-1. */
  public static Config defaults(Path template) {
    return new Config(
        template,
        "127.0.0.1",
        DEFAULT_PORT,
        Map.of(),
        Duration.ofMinutes(5),
        10,
        "us-east-1",
        System.err,
        Clock.systemUTC());
  }

  public Config withTemplate(Path value) {
    return new Config(
        value,
        host,
        port,
        parameters,
        idleTimeout,
        defaultConcurrency,
        region,
        functionLogs,
        clock);
  }

  public Config withHost(String value) {
    return new Config(
        template,
        value,
        port,
        parameters,
        idleTimeout,
        defaultConcurrency,
        region,
        functionLogs,
        clock);
  }

  public Config withPort(int value) {
    return new Config(
        template,
        host,
        value,
        parameters,
        idleTimeout,
        defaultConcurrency,
        region,
        functionLogs,
        clock);
  }

  public Config withParameter(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(parameters);
    more.put(name, value);
    return new Config(
        template, host, port, more, idleTimeout, defaultConcurrency, region, functionLogs, clock);
  }

  public Config withIdleTimeout(Duration value) {
    return new Config(
        template, host, port, parameters, value, defaultConcurrency, region, functionLogs, clock);
  }

  public Config withDefaultConcurrency(int value) {
    return new Config(
        template, host, port, parameters, idleTimeout, value, region, functionLogs, clock);
  }

  public Config withRegion(String value) {
    return new Config(
        template,
        host,
        port,
        parameters,
        idleTimeout,
        defaultConcurrency,
        value,
        functionLogs,
        clock);
  }

  public Config withFunctionLogs(PrintStream value) {
    return new Config(
        template, host, port, parameters, idleTimeout, defaultConcurrency, region, value, clock);
  }
}
