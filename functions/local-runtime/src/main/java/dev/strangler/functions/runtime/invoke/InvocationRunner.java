package dev.strangler.functions.runtime.invoke;

import dev.strangler.functions.runtime.fault.FaultPlan;
import dev.strangler.functions.runtime.logs.InvocationLog;
import dev.strangler.functions.runtime.logs.PlatformLines;
import dev.strangler.functions.runtime.sandbox.ExecutionEnvironment;
import dev.strangler.functions.runtime.sandbox.HandlerOutcome;
import dev.strangler.functions.runtime.sandbox.InitFailure;
import dev.strangler.functions.runtime.sandbox.LocalContext;
import dev.strangler.functions.runtime.template.FunctionDefinition;
import java.io.IOError;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one invocation in an execution environment: takes a warm one or creates one (the cold
 * start), enforces the function's timeout, writes the platform's log lines and returns the
 * environment to the pool, or discards it after a timeout or an exit, as Lambda resets a sandbox.
 * The caller holds a concurrency slot for the whole call.
 */
final class InvocationRunner {

  private static final DateTimeFormatter LOG_STREAM_DATE =
      DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

  private final String region;
  private final PrintStream console;
  private final Clock clock;
  private final AtomicInteger environmentIds = new AtomicInteger();
  private final Random random = new Random();

  InvocationRunner(String region, PrintStream console, Clock clock) {
    this.region = Objects.requireNonNull(region, "region");
    this.console = Objects.requireNonNull(console, "console");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  InvokeResult.Completed run(
      DeployedFunction function,
      String version,
      Optional<String> qualifier,
      String requestId,
      byte[] event,
      boolean tailLog,
      FaultPlan fault) {
    FunctionDefinition definition = function.definition();
    Optional<ExecutionEnvironment> warm = function.pool().takeWarm(version);
    Attempt attempt =
        new Attempt(
            function,
            warm.orElseGet(() -> newEnvironment(function, version)),
            new InvocationLog(console),
            requestId,
            version,
            tailLog);
    attempt.environment().output().attach(attempt.log());
    function.stats().invocations.incrementAndGet();

    Optional<Duration> initDuration = Optional.empty();
    if (warm.isEmpty()) {
      function.stats().coldStarts.incrementAndGet();
      try {
        initDuration = Optional.of(initialize(attempt.environment()));
      } catch (InitFailure failure) {
        attempt.log().line(FunctionErrors.logLine(failure));
        Ending failed = Ending.discard(FunctionErrors.initFailed(failure), "Runtime.Unknown");
        return finish(attempt, Duration.ZERO, Optional.empty(), failed);
      } catch (TimeoutException slowInit) {
        Ending timedOut = Ending.timeout(FunctionErrors.timedOut(requestId, Limits.INIT_PHASE));
        return finish(attempt, Limits.INIT_PHASE, Optional.empty(), timedOut);
      }
    }

    long start = System.nanoTime();
    Duration timeout = definition.timeout();
    attempt.log().line(PlatformLines.start(requestId, version));
    LocalContext context =
        new LocalContext(
            requestId,
            definition.name(),
            version,
            function.arn(qualifier),
            definition.memoryMb(),
            attempt.environment().id(),
            attempt.environment().output().logger(),
            start + timeout.toNanos(),
            System::nanoTime);
    Future<HandlerOutcome> call =
        attempt.environment().invoke(event, context, fault, Limits.SYNC_PAYLOAD_BYTES);
    Ending ending;
    try {
      HandlerOutcome outcome = call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      ending = Ending.of(outcome, requestId, attempt.log());
    } catch (TimeoutException e) {
      attempt.environment().output().detach();
      attempt.log().line(PlatformLines.timedOut(clock.instant(), requestId, timeout));
      ending = Ending.timeout(FunctionErrors.timedOut(requestId, timeout));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ending = Ending.discard(FunctionErrors.exited(requestId, 143), "Runtime.ExitError");
    } catch (ExecutionException | CancellationException e) {
      // The environment was discarded under the call: the runtime is stopping.
      ending = Ending.discard(FunctionErrors.exited(requestId, 143), "Runtime.ExitError");
    }
    return finish(attempt, Duration.ofNanos(System.nanoTime() - start), initDuration, ending);
  }

  /** One invocation in the environment it got. */
  private record Attempt(
      DeployedFunction function,
      ExecutionEnvironment environment,
      InvocationLog log,
      String requestId,
      String version,
      boolean tailLog) {}

  private static Duration initialize(ExecutionEnvironment environment)
      throws InitFailure, TimeoutException {
    try {
      return environment.initialize().get(Limits.INIT_PHASE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof InitFailure failure
          ? failure
          : new InitFailure(String.valueOf(cause), cause.getClass().getName(), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InitFailure("Interrupted during init", e.getClass().getName(), e);
    }
  }

  private InvokeResult.Completed finish(
      Attempt attempt, Duration duration, Optional<Duration> initDuration, Ending ending) {
    DeployedFunction function = attempt.function();
    ExecutionEnvironment environment = attempt.environment();
    InvocationLog log = attempt.log();
    environment.output().detach();
    log.line(PlatformLines.end(attempt.requestId()));
    int memoryMb = function.definition().memoryMb();
    log.line(
        PlatformLines.report(
            attempt.requestId(),
            duration,
            initDuration,
            memoryMb,
            maxMemoryUsedMb(memoryMb),
            ending.failure()));
    if (ending.keepEnvironment()) {
      function.pool().release(environment, clock.instant());
    } else {
      function.pool().remove(environment);
      environment.discard();
    }
    if (ending.functionError()) {
      function.stats().errors.incrementAndGet();
    }
    if (ending.failure().filter(f -> f.status().equals("timeout")).isPresent()) {
      function.stats().timeouts.incrementAndGet();
    }
    return new InvokeResult.Completed(
        attempt.requestId(),
        attempt.version(),
        ending.payload(),
        ending.functionError() ? Optional.of(FunctionErrors.UNHANDLED) : Optional.empty(),
        attempt.tailLog() ? Optional.of(log.tail(InvocationLog.TAIL_BYTES)) : Optional.empty());
  }

  private ExecutionEnvironment newEnvironment(DeployedFunction function, String version) {
    String id = function.name() + "-" + environmentIds.incrementAndGet();
    String logStream =
        LOG_STREAM_DATE.format(clock.instant())
            + "/["
            + version
            + "]"
            + HexFormat.of().formatHex(randomBytes());
    ExecutionEnvironment environment =
        new ExecutionEnvironment(
            id,
            function.definition(),
            version,
            LambdaVariables.of(function.definition(), version, region, logStream),
            console);
    function.pool().addBusy(environment);
    return environment;
  }

  private byte[] randomBytes() {
    byte[] bytes = new byte[16];
    synchronized (random) {
      random.nextBytes(bytes);
    }
    return bytes;
  }

  /**
   * The JVM's heap in use, at most the function's memory: all environments share one heap, so this
   * is an upper bound of what the function used, not a measurement of it.
   */
  private static long maxMemoryUsedMb(int memoryMb) {
    Runtime jvm = Runtime.getRuntime();
    long usedMb = (jvm.totalMemory() - jvm.freeMemory()) / (1024 * 1024);
    return Math.min(memoryMb, usedMb);
  }

  /** What an invocation answers, and what becomes of its environment. */
  private record Ending(
      byte[] payload,
      boolean functionError,
      Optional<PlatformLines.Failure> failure,
      boolean keepEnvironment) {

    static Ending of(HandlerOutcome outcome, String requestId, InvocationLog log) {
      if (outcome instanceof HandlerOutcome.Returned returned) {
        return new Ending(returned.payload(), false, Optional.empty(), true);
      }
      if (outcome instanceof HandlerOutcome.ResponseTooLarge) {
        return new Ending(FunctionErrors.responseTooLarge(), true, Optional.empty(), true);
      }
      if (outcome instanceof HandlerOutcome.Threw threw) {
        log.line(FunctionErrors.logLine(threw.error()));
        // As the Java runtime exits on these, the environment does not survive them.
        boolean fatal =
            threw.error() instanceof VirtualMachineError || threw.error() instanceof IOError;
        return new Ending(
            FunctionErrors.unhandled(threw.error()),
            true,
            fatal
                ? Optional.of(PlatformLines.Failure.error("Runtime.ExitError"))
                : Optional.empty(),
            !fatal);
      }
      int status = ((HandlerOutcome.Exited) outcome).status();
      log.line(FunctionErrors.exitMessage(requestId, status) + "\nRuntime.ExitError");
      return discard(FunctionErrors.exited(requestId, status), "Runtime.ExitError");
    }

    static Ending timeout(byte[] payload) {
      return new Ending(payload, true, Optional.of(PlatformLines.Failure.timeout()), false);
    }

    static Ending discard(byte[] payload, String errorType) {
      return new Ending(payload, true, Optional.of(PlatformLines.Failure.error(errorType)), false);
    }
  }
}
