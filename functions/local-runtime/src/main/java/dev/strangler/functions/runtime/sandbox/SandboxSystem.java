package dev.strangler.functions.runtime.sandbox;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code java.lang.System} is for the code of one execution environment: function code is
 * rewritten on loading to read its environment variables, print and exit here instead.
 *
 * <p>Each execution environment's class loader defines its own copy of this class, so the static
 * state below is per environment, as a process is on Lambda. It may therefore use nothing but the
 * JDK.
 */
public final class SandboxSystem {

  /** Replaces {@code System.out}. */
  public static PrintStream out = System.out;

  /** Replaces {@code System.err}. */
  public static PrintStream err = System.err;

  private static Map<String, String> environment = Map.of();

  private SandboxSystem() {}

  /** Called once by the runtime, before any function class is loaded. */
  public static void install(
      Map<String, String> variables, PrintStream stdout, PrintStream stderr) {
    environment = Collections.unmodifiableMap(new HashMap<>(variables));
    out = Objects.requireNonNull(stdout, "stdout");
    err = Objects.requireNonNull(stderr, "stderr");
  }

  public static Map<String, String> getenv() {
    return environment;
  }

  public static String getenv(String name) {
    return environment.get(Objects.requireNonNull(name, "name"));
  }

  public static void setOut(PrintStream stream) {
    out = Objects.requireNonNull(stream, "stream");
  }

  public static void setErr(PrintStream stream) {
    err = Objects.requireNonNull(stream, "stream");
  }

  /**
   * Ends the invocation instead of the runtime's JVM; the runtime then discards the environment.
   */
  public static void exit(int status) {
    throw new ExitRequested(status);
  }

  /**
   * Replaces {@code x.printStackTrace()}, which would print to the runtime's stderr. Any class may
   * declare such a method, so one that is not a {@code Throwable} gets its own called.
   */
  public static void printStackTrace(Object target) {
    if (target instanceof Throwable throwable) {
      throwable.printStackTrace(err);
      return;
    }
    try {
      target.getClass().getMethod("printStackTrace").invoke(target);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Thrown by {@link #exit}; the runtime recognises it by name, the class being per environment.
   */
  public static final class ExitRequested extends Error {
    private static final long serialVersionUID = 1L;

    public ExitRequested(int status) {
      super("exit status " + status, null, false, false);
    }
  }
}
