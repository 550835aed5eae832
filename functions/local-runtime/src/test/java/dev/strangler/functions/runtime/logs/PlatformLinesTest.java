package dev.strangler.functions.runtime.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlatformLinesTest {

  @Test
  void reportsAWarmInvocationWithBilledDurationRoundedUp() {
    String line =
        PlatformLines.report(
            "id-1", Duration.ofNanos(12_341_000), Optional.empty(), 512, 87, Optional.empty());

    assertThat(line)
        .isEqualTo(
            "REPORT RequestId: id-1\tDuration: 12.34 ms\tBilled Duration: 13 ms\t"
                + "Memory Size: 512 MB\tMax Memory Used: 87 MB\t");
  }

  @Test
  void billsTheInitPhaseOfAColdStart() {
    String line =
        PlatformLines.report(
            "id-2",
            Duration.ofMillis(100),
            Optional.of(Duration.ofNanos(250_500_000)),
            128,
            60,
            Optional.empty());

    assertThat(line)
        .contains("\tBilled Duration: 351 ms\t")
        .endsWith("\tInit Duration: 250.50 ms\t");
  }

  @Test
  void marksATimeout() {
    String line =
        PlatformLines.report(
            "id-3",
            Duration.ofMillis(3000),
            Optional.empty(),
            128,
            40,
            Optional.of(PlatformLines.Failure.timeout()));

    assertThat(line).endsWith("Max Memory Used: 40 MB\tStatus: timeout");
  }

  @Test
  void writesTheTimeoutLineWithTimestampAndRequestId() {
    assertThat(
            PlatformLines.timedOut(
                Instant.parse("2026-01-02T03:04:05.678Z"), "id-4", Duration.ofSeconds(15)))
        .isEqualTo("2026-01-02T03:04:05.678Z id-4 Task timed out after 15.00 seconds");
  }
}
