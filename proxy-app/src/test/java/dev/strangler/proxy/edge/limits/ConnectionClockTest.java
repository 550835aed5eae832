package dev.strangler.proxy.edge.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.proxy.edge.limits.ConnectionClock.Expired;
import dev.strangler.proxy.edge.limits.ConnectionClock.Timeout;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The deadlines of a connection, event by event, with times in seconds on a made-up clock. */
class ConnectionClockTest {

  private static final long S = 1_000_000_000L;

  /** header 10 s, body 20 s, keep-alive 30 s, idle new connection 40 s; opened at 100 s. */
  private static ConnectionClock clock() {
    return new ConnectionClock(
        new ServerLimitsProperties.Timeouts(
            Duration.ofSeconds(10),
            Duration.ofSeconds(20),
            Duration.ofSeconds(30),
            Duration.ofSeconds(40)),
        100 * S);
  }

  private record Step(String name, BiConsumer<ConnectionClock, Long> apply, long at) {
    @Override
    public String toString() {
      return name + "@" + at;
    }
  }

  private static Step bytes(long at) {
    return new Step("bytes", (c, now) -> c.bytesReceived(now), at);
  }

  private static Step head(long at) {
    return new Step("head", (c, now) -> c.headReceived(now, false), at);
  }

  private static Step fullHead(long at) {
    return new Step("head+end", (c, now) -> c.headReceived(now, true), at);
  }

  private static Step body(long at) {
    return new Step("body", (c, now) -> c.bodyReceived(now), at);
  }

  private static Step bodyEnd(long at) {
    return new Step("bodyEnd", (c, now) -> c.bodyEnded(), at);
  }

  private static Step paused(long at) {
    return new Step("paused", (c, now) -> c.bodyReadPaused(now), at);
  }

  private static Step responseStart(long at) {
    return new Step("responseStart", (c, now) -> c.responseStarted(), at);
  }

  private static Step responseEnd(long at) {
    return new Step("responseEnd", (c, now) -> c.responseEnded(now), at);
  }

  private static Step upgrade(long at) {
    return new Step("upgrade", (c, now) -> c.upgraded(), at);
  }

  private static Step[] steps(Step... steps) {
    return steps;
  }

  /** Steps, the deadline afterwards (seconds, or -1 for none) and what has expired by then. */
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("new connection", steps(), 140, Timeout.IDLE_CONNECTION, false),
        Arguments.of("first byte starts the head", steps(bytes(105)), 115, Timeout.HEADER, true),
        Arguments.of(
            "trickled bytes do not extend the head",
            steps(bytes(105), bytes(106), bytes(107), bytes(114)),
            115,
            Timeout.HEADER,
            true),
        Arguments.of(
            "a whole GET leaves nothing to time while the answer is made",
            steps(bytes(105), head(105), bodyEnd(105)),
            -1,
            null,
            false),
        Arguments.of(
            "after the answer, keep-alive",
            steps(bytes(105), head(105), bodyEnd(105), responseStart(106), responseEnd(107)),
            137,
            Timeout.KEEP_ALIVE,
            false),
        Arguments.of(
            "a full request message too",
            steps(bytes(105), fullHead(105), responseStart(106), responseEnd(107)),
            137,
            Timeout.KEEP_ALIVE,
            false),
        Arguments.of(
            "next head on a kept-alive connection",
            steps(bytes(105), fullHead(105), responseEnd(107), bytes(120)),
            130,
            Timeout.HEADER,
            true),
        Arguments.of(
            "a stalled body, nothing answered",
            steps(bytes(105), head(105), body(106)),
            126,
            Timeout.BODY,
            true),
        Arguments.of(
            "a body that keeps coming is not timed out",
            steps(bytes(105), head(105), body(120), body(140), body(159)),
            179,
            Timeout.BODY,
            true),
        Arguments.of(
            "a body the proxy does not read is not the client's pause",
            steps(bytes(105), head(105), paused(150)),
            170,
            Timeout.BODY,
            true),
        Arguments.of(
            "a stalled body after the answer began: close only",
            steps(bytes(105), head(105), responseStart(110)),
            125,
            Timeout.BODY,
            false),
        Arguments.of(
            "a stalled body after the whole answer: close only, no keep-alive",
            steps(bytes(105), head(105), responseStart(110), responseEnd(111)),
            125,
            Timeout.BODY,
            false),
        Arguments.of(
            "a pipelined head behind an answer in flight: close only",
            steps(bytes(105), fullHead(105), bytes(105)),
            115,
            Timeout.HEADER,
            false),
        Arguments.of(
            "an upgraded connection is never timed",
            steps(bytes(105), fullHead(105), upgrade(106), bytes(107)),
            -1,
            null,
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void deadlinesFollowTheConnection(
      String name, Step[] steps, long deadline, Timeout expires, boolean answer) {
    ConnectionClock clock = clock();
    for (Step step : steps) {
      step.apply().accept(clock, step.at() * S);
    }

    long expected = deadline < 0 ? ConnectionClock.NONE : deadline * S;
    assertThat(clock.deadline()).as("deadline").isEqualTo(expected);
    if (deadline >= 0) {
      assertThat(clock.expired(deadline * S - 1)).as("just before").isEmpty();
      assertThat(clock.expired(deadline * S))
          .as("at the deadline")
          .contains(new Expired(expires, answer));
    } else {
      assertThat(clock.expired(10_000 * S)).isEmpty();
    }
  }

  @Test
  void aNewConnectionThatNeverSpeaksIsClosedWithoutAWord() {
    ConnectionClock clock = clock();

    assertThat(clock.expired(140 * S))
        .isEqualTo(Optional.of(new Expired(Timeout.IDLE_CONNECTION, false)));
  }

  @Test
  void theKeepAliveDeadlineCountsFromTheLastOfSeveralAnswers() {
    ConnectionClock clock = clock();
    clock.bytesReceived(101 * S);
    clock.headReceived(101 * S, true);
    clock.bytesReceived(101 * S);
    clock.headReceived(101 * S, true); // pipelined
    clock.responseEnded(102 * S);
    assertThat(clock.deadline()).as("one answer still owed").isEqualTo(ConnectionClock.NONE);

    clock.responseEnded(150 * S);

    assertThat(clock.deadline()).isEqualTo(180 * S);
  }
}
