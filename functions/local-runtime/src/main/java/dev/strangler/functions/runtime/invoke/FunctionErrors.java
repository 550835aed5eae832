package dev.strangler.functions.runtime.invoke;

import dev.strangler.functions.runtime.logs.PlatformLines;
import dev.strangler.functions.runtime.sandbox.InitFailure;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The payloads of failed invocations, as Lambda and its Java runtime write them: {@code
 * {errorMessage, errorType, stackTrace}} for what the function threw (its stack trace cut where the
 * runtime's own frames begin), {@code {errorMessage, errorType}} for the platform's errors.
 */
public final class FunctionErrors {

  public static final String UNHANDLED = "Unhandled";

  private static final String RUNTIME_PACKAGE = "dev.strangler.functions.runtime.";

  private FunctionErrors() {}

  /** What the function threw. The message is the class name when the exception has none. */
  public static byte[] unhandled(Throwable error) {
    withoutRuntimeFrames(error);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("errorMessage", messageOf(error));
    body.put("errorType", error.getClass().getName());
    body.put(
        "stackTrace",
        Arrays.stream(error.getStackTrace()).map(StackTraceElement::toString).toList());
    return Json.bytes(body);
  }

  /** The line the Java runtime logs for it: {@code message: type}, then the stack trace. */
  public static String logLine(Throwable error) {
    withoutRuntimeFrames(error);
    StringWriter trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    return messageOf(error) + ": " + error.getClass().getName() + "\n" + trace;
  }

  public static byte[] initFailed(InitFailure failure) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("errorMessage", failure.errorMessage());
    failure.errorType().ifPresent(type -> body.put("errorType", type));
    return Json.bytes(body);
  }

  public static String logLine(InitFailure failure) {
    if (failure.getCause() == null) {
      return failure.errorMessage();
    }
    return failure.errorMessage() + ": " + failure.errorType().orElse("") + "\n" + trace(failure);
  }

  public static byte[] timedOut(String requestId, Duration timeout) {
    return platform(
        "Sandbox.Timedout",
        "RequestId: " + requestId + " Error: " + PlatformLines.timeoutMessage(timeout));
  }

  public static byte[] responseTooLarge() {
    // Lambda's own wording, including its number, which is 100 bytes above the real limit.
    return platform(
        "Function.ResponseSizeTooLarge",
        "Response payload size exceeded maximum allowed payload size (6291556 bytes).");
  }

  public static byte[] exited(String requestId, int status) {
    return platform("Runtime.ExitError", exitMessage(requestId, status));
  }

  public static String exitMessage(String requestId, int status) {
    return "RequestId: " + requestId + " Error: Runtime exited with error: exit status " + status;
  }

  private static byte[] platform(String type, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("errorMessage", message);
    body.put("errorType", type);
    return Json.bytes(body);
  }

  private static String messageOf(Throwable error) {
    String message = error.getLocalizedMessage();
    return message == null ? error.getClass().getName() : message;
  }

  private static String trace(Throwable error) {
    Throwable cause = error.getCause();
    withoutRuntimeFrames(cause);
    StringWriter trace = new StringWriter();
    cause.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }

  /** Cuts every stack trace of the chain at the first frame of the runtime, which called it. */
  static void withoutRuntimeFrames(Throwable error) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    cut(error, seen);
  }

  private static void cut(Throwable error, Set<Throwable> seen) {
    if (error == null || !seen.add(error)) {
      return;
    }
    StackTraceElement[] frames = error.getStackTrace();
    for (int i = 0; i < frames.length; i++) {
      if (frames[i].getClassName().startsWith(RUNTIME_PACKAGE)) {
        error.setStackTrace(Arrays.copyOf(frames, i));
        break;
      }
    }
    cut(error.getCause(), seen);
    for (Throwable suppressed : error.getSuppressed()) {
      cut(suppressed, seen);
    }
  }
}
