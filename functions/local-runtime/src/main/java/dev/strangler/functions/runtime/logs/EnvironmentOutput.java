package dev.strangler.functions.runtime.logs;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where an execution environment's stdout, stderr and {@code LambdaLogger} go: the log of the
 * invocation in progress, or only the console between invocations (a thread the function left
 * running may still print).
 */
public final class EnvironmentOutput {

  private final PrintStream console;
  private final LambdaLogger logger = new EventLogger();
  private volatile InvocationLog current;

  public EnvironmentOutput(PrintStream console) {
    this.console = Objects.requireNonNull(console, "console");
  }

  public void attach(InvocationLog log) {
    this.current = Objects.requireNonNull(log, "log");
  }

  public void detach() {
    this.current = null;
  }

  /** A stream for the function's {@code System.out} or {@code System.err}. */
  public PrintStream newPrintStream() {
    OutputStream routed =
        new OutputStream() {
          @Override
          public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] bytes, int offset, int length) {
            EnvironmentOutput.this.write(bytes, offset, length);
          }
        };
    return new PrintStream(routed, true, StandardCharsets.UTF_8);
  }

  /**
   * The logger of {@code Context.getLogger()}: each call is one log event, so it ends with a line
   * break, as each event is a line of its own in CloudWatch.
   */
  public LambdaLogger logger() {
    return logger;
  }

  private void write(byte[] bytes, int offset, int length) {
    InvocationLog log = current;
    if (log != null) {
      log.write(bytes, offset, length);
    } else {
      console.write(bytes, offset, length);
      console.flush();
    }
  }

  private final class EventLogger implements LambdaLogger {
    @Override
    public void log(String message) {
      String text = String.valueOf(message);
      log((text.endsWith("\n") ? text : text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void log(byte[] message) {
      write(message, 0, message.length);
    }
  }
}
