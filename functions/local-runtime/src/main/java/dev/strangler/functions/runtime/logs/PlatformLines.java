package dev.strangler.functions.runtime.logs;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The lines that Lambda itself writes to a function's log, in Lambda's format (tab-separated REPORT
 * fields, each followed by a tab).
 */
public final class PlatformLines {

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private PlatformLines() {}

  public static String start(String requestId, String version) {
    return "START RequestId: " + requestId + " Version: " + version;
  }

  public static String end(String requestId) {
    return "END RequestId: " + requestId;
  }

  public static String timedOut(Instant at, String requestId, Duration timeout) {
    return TIMESTAMP.format(at) + " " + requestId + " " + timeoutMessage(timeout);
  }

  /** {@code Task timed out after 3.00 seconds}: the configured timeout, two decimals. */
  public static String timeoutMessage(Duration timeout) {
    return String.format(
        Locale.ROOT, "Task timed out after %.2f seconds", timeout.toMillis() / 1000.0);
  }

  /**
   * @param initDuration the cold start's init phase, billed since August 2025 for every runtime
   * @param failure {@code Status: timeout}, or {@code Status: error} with its error type
   */
  public static String report(
      String requestId,
      Duration duration,
      Optional<Duration> initDuration,
      int memoryMb,
      long maxMemoryUsedMb,
      Optional<Failure> failure) {
    double millis = duration.toNanos() / 1_000_000.0;
    double initMillis = initDuration.map(init -> init.toNanos() / 1_000_000.0).orElse(0.0);
    long billed = (long) Math.ceil(millis + initMillis);
    StringBuilder line = new StringBuilder("REPORT RequestId: ").append(requestId).append('\t');
    line.append(String.format(Locale.ROOT, "Duration: %.2f ms\t", millis));
    line.append("Billed Duration: ").append(Math.max(1, billed)).append(" ms\t");
    line.append("Memory Size: ").append(memoryMb).append(" MB\t");
    line.append("Max Memory Used: ").append(maxMemoryUsedMb).append(" MB\t");
    initDuration.ifPresent(
        init -> line.append(String.format(Locale.ROOT, "Init Duration: %.2f ms\t", initMillis)));
    failure.ifPresent(
        f -> {
          line.append("Status: ").append(f.status());
          f.errorType().ifPresent(type -> line.append("\tError Type: ").append(type));
        });
    return line.toString();
  }

  /** How an invocation failed, as the REPORT line's {@code Status} field names it. */
  public record Failure(String status, Optional<String> errorType) {
    public static Failure timeout() {
      return new Failure("timeout", Optional.empty());
    }

    public static Failure error(String errorType) {
      return new Failure("error", Optional.of(errorType));
    }
  }
}
