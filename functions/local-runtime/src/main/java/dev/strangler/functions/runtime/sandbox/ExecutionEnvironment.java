package dev.strangler.functions.runtime.sandbox;

import com.amazonaws.services.lambda.runtime.Context;
import dev.strangler.functions.runtime.fault.FaultPlan;
import dev.strangler.functions.runtime.logs.EnvironmentOutput;
import dev.strangler.functions.runtime.template.FunctionDefinition;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One execution environment: its own class loader over the function's code, its own variables and
 * output, its own thread, and the handler constructed once by {@link #initialize()} (the cold
 * start) and reused by every {@link #invoke} while the environment is warm. Like a Lambda sandbox
 * it runs one invocation at a time.
 */
public final class ExecutionEnvironment {

  private static final String EXIT_REQUESTED = SandboxSystem.ExitRequested.class.getName();

  private final String id;
  private final FunctionDefinition function;
  private final String version;
  private final Map<String, String> variables;
  private final EnvironmentOutput output;
  private final ExecutorService thread;
  private volatile CodeArtifact artifact;
  private volatile SandboxClassLoader loader;
  private volatile LoadedHandler handler;

  /**
   * @param variables the process environment the function sees, and nothing else
   */
  public ExecutionEnvironment(
      String id,
      FunctionDefinition function,
      String version,
      Map<String, String> variables,
      PrintStream console) {
    this.id = Objects.requireNonNull(id, "id");
    this.function = Objects.requireNonNull(function, "function");
    this.version = Objects.requireNonNull(version, "version");
    this.variables = Map.copyOf(variables);
    this.output = new EnvironmentOutput(console);
    this.thread =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread worker =
                  new Thread(
                      () -> {
                        RuntimeLoggerRouting.bind(output);
                        task.run();
                      },
                      "lambda-" + id);
              // A function that never returns must not keep the runtime's JVM alive.
              worker.setDaemon(true);
              return worker;
            });
  }

  public String id() {
    return id;
  }

  public String version() {
    return version;
  }

  public EnvironmentOutput output() {
    return output;
  }

  /**
   * The init phase: opens the code, defines the class loader and constructs the handler on the
   * environment's thread. The future fails with an {@link InitFailure}.
   *
   * @return how long the init phase took, the REPORT line's {@code Init Duration}
   */
  public Future<Duration> initialize() {
    return thread.submit(
        () -> {
          long start = System.nanoTime();
          try {
            artifact = CodeArtifact.open(function.codeUri());
          } catch (IOException e) {
            throw InitFailure.causedBy(
                "Cannot open the function's code at " + function.codeUri() + ": " + e.getMessage(),
                e);
          }
          loader = new SandboxClassLoader(id, artifact);
          Thread.currentThread().setContextClassLoader(loader);
          installSandboxSystem();
          loadJdbcDrivers();
          handler = HandlerLoader.load(function.handler(), loader);
          return Duration.ofNanos(System.nanoTime() - start);
        });
  }

  /**
   * Loads the JDBC drivers the function ships. {@code DriverManager} scans for drivers once per
   * JVM, from whichever class loader asks first, and hands a caller only drivers its own class
   * loader sees; on Lambda each environment is a JVM of its own, so here each loads its own.
   */
  private void loadJdbcDrivers() {
    for (java.util.Iterator<java.sql.Driver> drivers =
            java.util.ServiceLoader.load(java.sql.Driver.class, loader).iterator();
        drivers.hasNext(); ) {
      try {
        drivers.next(); // a driver registers itself as its class initialises
      } catch (java.util.ServiceConfigurationError broken) {
        output.newPrintStream().println("JDBC driver not loaded: " + broken.getMessage());
      }
    }
  }

  private void installSandboxSystem() throws ReflectiveOperationException {
    Class<?> sandboxSystem = loader.loadClass(SandboxSystem.class.getName());
    sandboxSystem
        .getMethod("install", Map.class, PrintStream.class, PrintStream.class)
        .invoke(null, variables, output.newPrintStream(), output.newPrintStream());
  }

  /**
   * Runs the handler once on the environment's thread, with the fault plan applied inside the call,
   * as a misbehaving function would misbehave.
   *
   * @param maxResponseBytes answers larger than this are reported as {@link
   *     HandlerOutcome.ResponseTooLarge}
   */
  public Future<HandlerOutcome> invoke(
      byte[] event, Context context, FaultPlan fault, int maxResponseBytes) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(fault, "fault");
    return thread.submit(() -> call(event, context, fault, maxResponseBytes));
  }

  private HandlerOutcome call(byte[] event, Context context, FaultPlan fault, int maxBytes) {
    try {
      if (!fault.latency().isZero()) {
        Thread.sleep(fault.latency().toMillis());
      }
      if (fault.timeout()) {
        new CountDownLatch(1).await(); // until the runtime gives up on it and interrupts
      }
      if (fault.throwMessage().isPresent()) {
        return new HandlerOutcome.Threw(new RuntimeException(fault.throwMessage().get()));
      }
      if (fault.malformed()) {
        return new HandlerOutcome.Returned(
            FaultPlan.MALFORMED_ANSWER.getBytes(StandardCharsets.UTF_8));
      }
      CappedOutputStream answer = new CappedOutputStream(maxBytes);
      handler.handle(new ByteArrayInputStream(event), answer, context);
      return answer.size > maxBytes
          ? new HandlerOutcome.ResponseTooLarge(answer.size)
          : new HandlerOutcome.Returned(answer.toByteArray());
    } catch (Throwable error) {
      if (error.getClass().getName().equals(EXIT_REQUESTED)) {
        return new HandlerOutcome.Exited(exitStatus(error));
      }
      return new HandlerOutcome.Threw(error);
    } finally {
      // The Java runtime, too, clears an interrupt the function left behind.
      Thread.interrupted();
    }
  }

  private static int exitStatus(Throwable exitRequested) {
    String message = String.valueOf(exitRequested.getMessage());
    try {
      return Integer.parseInt(message.substring(message.lastIndexOf(' ') + 1));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  /**
   * Ends the environment: interrupts a call still running and closes the class loader. A thread
   * that ignores interruption runs on until it ends by itself; the JVM cannot kill it.
   */
  public void discard() {
    thread.shutdownNow();
    output.detach();
    SandboxClassLoader closing = loader;
    if (closing != null) {
      try {
        closing.close();
      } catch (IOException ignored) {
        // Its jars were only read.
      }
    }
    CodeArtifact code = artifact;
    if (code != null) {
      code.close();
    }
  }

  @Override
  public String toString() {
    return "ExecutionEnvironment[" + id + ", " + function.name() + ":" + version + "]";
  }

  /** Keeps up to the limit and counts the rest, so a runaway answer cannot fill the heap. */
  private static final class CappedOutputStream extends OutputStream {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream(256);
    private final int limit;
    long size;

    CappedOutputStream(int limit) {
      this.limit = limit;
    }

    @Override
    public void write(int b) {
      if (size++ < limit) {
        kept.write(b);
      }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      long room = Math.max(0, limit - size);
      kept.write(bytes, offset, (int) Math.min(room, length));
      size += length;
    }

    byte[] toByteArray() {
      return kept.toByteArray();
    }
  }
}
