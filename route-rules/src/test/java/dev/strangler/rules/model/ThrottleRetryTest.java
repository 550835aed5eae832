package dev.strangler.rules.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strangler.rules.model.Fallback.ThrottleRetry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThrottleRetryTest {

  private static final ThrottleRetry RETRY =
      new ThrottleRetry(6, Duration.ofMillis(20), Duration.ofMillis(200));

  @ParameterizedTest(name = "retry {0}: between {1} and {2} ms")
  @CsvSource({"1, 10, 20", "2, 20, 40", "3, 40, 80", "4, 80, 160", "5, 100, 200", "9, 100, 200"})
  void waitsBetweenHalfAndAllOfABackoffThatDoublesUpToTheCap(
      int retry, long leastMillis, long mostMillis) {
    assertThat(RETRY.waitBefore(retry, 0.0)).isEqualTo(Duration.ofMillis(leastMillis));
    assertThat(RETRY.waitBefore(retry, 0.5))
        .isEqualTo(Duration.ofMillis((leastMillis + mostMillis) / 2));
    assertThat(RETRY.waitBefore(retry, Math.nextDown(1.0)))
        .isGreaterThan(Duration.ofMillis(mostMillis - 1))
        .isLessThan(Duration.ofMillis(mostMillis));
  }

  @Test
  void aHugeRetryNumberStaysAtTheCapWithoutOverflowing() {
    ThrottleRetry retry = new ThrottleRetry(10, Duration.ofMillis(1), Duration.ofSeconds(10));

    assertThat(retry.waitBefore(Integer.MAX_VALUE, 0.0)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void rejectsSettingsAndArgumentsOutOfRange() {
    assertThatThrownBy(() -> new ThrottleRetry(0, Duration.ofMillis(1), Duration.ofMillis(1)))
        .hasMessageContaining("attempts must be at least 1");
    assertThatThrownBy(() -> new ThrottleRetry(2, Duration.ofMillis(5), Duration.ofMillis(1)))
        .hasMessageContaining("must not exceed maxBackoff");
    assertThatThrownBy(() -> RETRY.waitBefore(0, 0.5)).hasMessageContaining("retry");
    assertThatThrownBy(() -> RETRY.waitBefore(1, 1.0)).hasMessageContaining("random");
  }
}
