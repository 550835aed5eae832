package dev.strangler.functions.runtime.logs;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The log of one invocation, as CloudWatch would show it: the platform's START, END and REPORT
 * lines around what the function printed. Everything is also echoed to the console; only the recent
 * part is kept, enough for the 4 KB tail that {@code X-Amz-Log-Result} returns.
 */
public final class InvocationLog {

  public static final int TAIL_BYTES = 4 * 1024;
  private static final int KEPT_BYTES = 64 * 1024;

  private final PrintStream console;
  private ByteArrayOutputStream kept = new ByteArrayOutputStream(1024);
  private boolean atLineStart = true;

  public InvocationLog(PrintStream console) {
    this.console = Objects.requireNonNull(console, "console");
  }

  public synchronized void write(byte[] bytes, int offset, int length) {
    if (length == 0) {
      return;
    }
    kept.write(bytes, offset, length);
    atLineStart = bytes[offset + length - 1] == '\n';
    console.write(bytes, offset, length);
    console.flush();
    if (kept.size() > 2 * KEPT_BYTES) {
      byte[] all = kept.toByteArray();
      kept = new ByteArrayOutputStream(2 * KEPT_BYTES);
      kept.write(all, all.length - KEPT_BYTES, KEPT_BYTES);
    }
  }

  /** Appends a line of its own, ending the function's last one if it lacked a line break. */
  public synchronized void line(String text) {
    byte[] bytes = ((atLineStart ? "" : "\n") + text + "\n").getBytes(StandardCharsets.UTF_8);
    write(bytes, 0, bytes.length);
  }

  /** The last {@code maxBytes} bytes of the log. */
  public synchronized byte[] tail(int maxBytes) {
    byte[] all = kept.toByteArray();
    return all.length <= maxBytes
        ? all
        : Arrays.copyOfRange(all, all.length - maxBytes, all.length);
  }

  public String text() {
    return new String(tail(Integer.MAX_VALUE), StandardCharsets.UTF_8);
  }
}
