package dev.strangler.proxy.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.proxy.observe.CompletedRequest;
import dev.strangler.proxy.observe.ServedBy;
import dev.strangler.proxy.routing.FallbackReason;
import dev.strangler.rules.routing.Backend;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LiveTrafficTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

  private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
  private final LiveTraffic traffic =
      new LiveTraffic(now::get, Duration.ofSeconds(5), FIVE_MINUTES);

  @Test
  void countsRequestsErrorsAndFallbacksPerRouteAndBackend() {
    for (int i = 0; i < 6; i++) {
      traffic.completed(request("reads", ServedBy.LAMBDA, null, 200, 10));
    }
    traffic.completed(request("reads", ServedBy.LAMBDA, null, 502, 10));
    traffic.completed(request("reads", ServedBy.MONOLITH, FallbackReason.TIMEOUT, 200, 10));
    traffic.completed(request("reads", ServedBy.MONOLITH, null, 200, 10));
    traffic.completed(request("reads", ServedBy.MONOLITH, null, 0, 10));
    traffic.completed(request("other", ServedBy.MONOLITH, null, 200, 10));
    advance(Duration.ofSeconds(10));

    TrafficFigures lambda = traffic.figures("reads", Backend.LAMBDA, MINUTE);
    TrafficFigures monolith = traffic.figures("reads", Backend.MONOLITH, MINUTE);

    // A fallback counts on the backend the rule chose: Lambda.
    assertThat(lambda.requests()).isEqualTo(8);
    assertThat(lambda.requestsPerSecond()).isEqualTo(0.8); // 8 requests over the 10 s elapsed
    assertThat(lambda.errorPercent()).isEqualTo(12.5);
    assertThat(lambda.fallbackPercent()).isEqualTo(12.5);
    assertThat(monolith.requests()).isEqualTo(2);
    assertThat(monolith.errorPercent()).isEqualTo(50.0); // no answer at all is an error
    assertThat(monolith.fallbackPercent()).isZero();
    assertThat(traffic.figures("other", Backend.MONOLITH, MINUTE).requests()).isEqualTo(1);
  }

  @Test
  void ignoresRequestsTheProxyAnsweredItself() {
    traffic.completed(request(CompletedRequest.NO_RULE, ServedBy.PROXY, null, 400, 1));

    assertThat(traffic.figures(CompletedRequest.NO_RULE, Backend.MONOLITH, MINUTE).requests())
        .isZero();
  }

  @Test
  void estimatesPercentilesWithinTheResolutionOfTheHistogram() {
    for (int millis = 1; millis <= 1000; millis++) {
      traffic.completed(request("reads", ServedBy.LAMBDA, null, 200, millis));
    }

    TrafficFigures figures = traffic.figures("reads", Backend.LAMBDA, MINUTE);

    assertWithinItsBin(figures.p50Millis(), 500);
    assertWithinItsBin(figures.p99Millis(), 990);
  }

  @Test
  void estimatesTheSameLatencyExactlyToItsBin() {
    for (int i = 0; i < 100; i++) {
      traffic.completed(request("reads", ServedBy.LAMBDA, null, 200, 40));
    }

    TrafficFigures figures = traffic.figures("reads", Backend.LAMBDA, MINUTE);

    assertThat(figures.p50Millis()).isEqualTo(figures.p99Millis());
    assertWithinItsBin(figures.p50Millis(), 40);
  }

  @Test
  void forgetsRequestsOnceTheyLeaveTheWindow() {
    traffic.completed(request("reads", ServedBy.LAMBDA, null, 200, 5));
    advance(Duration.ofSeconds(30));
    traffic.completed(request("reads", ServedBy.LAMBDA, null, 200, 5));

    advance(Duration.ofSeconds(35)); // the first is 65 s old, the second 35 s
    assertThat(traffic.figures("reads", Backend.LAMBDA, MINUTE).requests()).isEqualTo(1);
    assertThat(traffic.figures("reads", Backend.LAMBDA, FIVE_MINUTES).requests()).isEqualTo(2);

    advance(Duration.ofSeconds(30)); // 95 s and 65 s old
    assertThat(traffic.figures("reads", Backend.LAMBDA, MINUTE).requests()).isZero();
    assertThat(traffic.figures("reads", Backend.LAMBDA, MINUTE).p50Millis()).isNull();
    assertThat(traffic.figures("reads", Backend.LAMBDA, FIVE_MINUTES).requests()).isEqualTo(2);

    advance(Duration.ofMinutes(4)); // both older than five minutes
    assertThat(traffic.figures("reads", Backend.LAMBDA, FIVE_MINUTES).requests()).isZero();
  }

  @Test
  void ratesCoverTheWholeWindowOnceItHasElapsed() {
    advance(Duration.ofMinutes(10));
    for (int i = 0; i < 120; i++) {
      traffic.completed(request("reads", ServedBy.LAMBDA, null, 200, 5));
    }
    // 10 min + 2.5 s: the one-minute window is 11 slots of 5 s and the 2.5 s of the current one.
    advance(Duration.ofMillis(2500));

    TrafficFigures figures = traffic.figures("reads", Backend.LAMBDA, MINUTE);

    assertThat(figures.requests()).isEqualTo(120);
    assertThat(figures.requestsPerSecond())
        .isCloseTo(120 / 57.5, org.assertj.core.data.Offset.offset(0.001));
  }

  @Test
  void reusesASlotForANewPeriodWithoutCarryingOldCounts() {
    traffic.completed(request("reads", ServedBy.LAMBDA, null, 200, 5));
    advance(Duration.ofSeconds(305)); // the same ring position, one lap later
    traffic.completed(request("reads", ServedBy.LAMBDA, null, 200, 5));

    assertThat(traffic.figures("reads", Backend.LAMBDA, FIVE_MINUTES).requests()).isEqualTo(1);
  }

  @Test
  void forgetsRoutesThatAreGone() {
    traffic.completed(request("old-rule", ServedBy.LAMBDA, null, 200, 5));

    traffic.retainOnly(Set.of("reads"));

    assertThat(traffic.figures("old-rule", Backend.LAMBDA, MINUTE).requests()).isZero();
  }

  @Test
  void losesNoCountUnderConcurrentRequests() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        done.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < 10_000; i++) {
                    traffic.completed(request("reads", ServedBy.LAMBDA, null, 200, 3));
                  }
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(traffic.figures("reads", Backend.LAMBDA, MINUTE).requests()).isEqualTo(40_000);
  }

  private static void assertWithinItsBin(Double estimateMillis, long trueMillis) {
    long nanos = Duration.ofMillis(trueMillis).toNanos();
    int bin = LatencyBins.of(nanos);
    assertThat(Math.round(estimateMillis * 1_000_000))
        .as("estimate %s ms for a true %d ms", estimateMillis, trueMillis)
        .isBetween(LatencyBins.lowerNanos(bin), LatencyBins.upperNanos(bin));
  }

  private void advance(Duration duration) {
    now.addAndGet(duration.toNanos());
  }

  private static CompletedRequest request(
      String route, ServedBy servedBy, FallbackReason fallback, int status, long latencyMillis) {
    return new CompletedRequest(
        Instant.EPOCH,
        "id",
        null,
        "GET",
        "/p",
        route,
        servedBy,
        "canary",
        1,
        fallback,
        null,
        status,
        0,
        Duration.ofMillis(latencyMillis));
  }
}
