package dev.strangler.proxy.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LatencyBinsTest {

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 499_999, 500_000, 707_107, 1_000_000, 40_000_000, 32_768_000_000L})
  void placesEveryLatencyInTheBinThatContainsIt(long nanos) {
    int bin = LatencyBins.of(nanos);

    assertThat(nanos).isGreaterThanOrEqualTo(LatencyBins.lowerNanos(bin));
    assertThat(nanos).isLessThan(LatencyBins.upperNanos(bin));
  }

  @Test
  void keepsEveryEstimateWithinAFactorOfTheSquareRootOfTwo() {
    for (int bin = 1; bin < LatencyBins.COUNT - 1; bin++) {
      double ratio = (double) LatencyBins.upperNanos(bin) / LatencyBins.lowerNanos(bin);
      assertThat(ratio).isCloseTo(Math.sqrt(2), org.assertj.core.data.Offset.offset(0.01));
      assertThat(LatencyBins.estimateNanos(bin))
          .isBetween(LatencyBins.lowerNanos(bin), LatencyBins.upperNanos(bin));
    }
  }

  @Test
  void putsVeryLongRequestsInTheLastBin() {
    assertThat(LatencyBins.of(Duration.ofMinutes(5).toNanos())).isEqualTo(LatencyBins.COUNT - 1);
  }
}
