package dev.strangler.proxy.edge.limits;

import java.util.Objects;
import java.util.Optional;

/**
 * The deadlines of one HTTP/1.1 connection, told what happens on it and asked what is due: the
 * rules of the public port's timeouts with no Netty in them. Times are {@link System#nanoTime()}
 * values passed in by the caller. Not thread-safe: one connection's events all happen on its event
 * loop.
 *
 * <ul>
 *   <li>A new connection must send its first byte within the idle-connection timeout.
 *   <li>A request head must be complete within the header timeout of its first byte; more bytes do
 *       not extend it.
 *   <li>A request body may pause for at most the body timeout between reads.
 *   <li>Between a response and the next request's first byte, the keep-alive timeout applies.
 *   <li>While the proxy works on a response, nothing is timed here (the backends have their own
 *       timeouts), and an upgraded connection (WebSocket) is not timed at all.
 * </ul>
 */
final class ConnectionClock {

  /** No deadline applies now. */
  static final long NONE = Long.MAX_VALUE;

  /** The timeout that ended a connection. */
  enum Timeout {
    HEADER,
    BODY,
    KEEP_ALIVE,
    IDLE_CONNECTION
  }

  /**
   * A deadline that passed.
   *
   * @param timeout which one
   * @param answer whether a request was begun and nothing answered yet, so that a 408 with {@code
   *     Connection: close} tells the client why; otherwise the connection is closed without a word
   */
  record Expired(Timeout timeout, boolean answer) {
    Expired {
      Objects.requireNonNull(timeout, "timeout");
    }
  }

  private final long headerNanos;
  private final long bodyNanos;
  private final long keepAliveNanos;
  private final long idleNewNanos;

  private long idleSince;
  private boolean served;
  private boolean headOpen;
  private long headStartedAt;
  private boolean bodyOpen;
  private long bodyProgressAt;
  private int inFlight;
  private boolean responseStarted;
  private boolean upgraded;

  ConnectionClock(ServerLimitsProperties.Timeouts timeouts, long openedAt) {
    Objects.requireNonNull(timeouts, "timeouts");
    this.headerNanos = timeouts.header().toNanos();
    this.bodyNanos = timeouts.body().toNanos();
    this.keepAliveNanos = timeouts.keepAlive().toNanos();
    this.idleNewNanos = timeouts.idleNew().toNanos();
    this.idleSince = openedAt;
  }

  /** Whether the next byte from the client would begin a request head. */
  boolean awaitsHead() {
    return !headOpen && !bodyOpen && !upgraded;
  }

  /** Bytes arrived from the client, before decoding: the first of a head starts its deadline. */
  void bytesReceived(long now) {
    if (awaitsHead()) {
      headOpen = true;
      headStartedAt = now;
    }
  }

  /** A request head was decoded; its body (possibly empty) follows unless {@code complete}. */
  void headReceived(long now, boolean complete) {
    headOpen = false;
    inFlight++;
    bodyOpen = !complete;
    bodyProgressAt = now;
  }

  /** Body bytes arrived. */
  void bodyReceived(long now) {
    bodyProgressAt = now;
  }

  /**
   * The proxy itself is not reading the body (its consumer is slow or not there yet): the pause is
   * not the client's, so it starts again from now.
   */
  void bodyReadPaused(long now) {
    if (bodyOpen) {
      bodyProgressAt = now;
    }
  }

  /** The request's last body bytes arrived. */
  void bodyEnded() {
    bodyOpen = false;
  }

  /** The status line of a final (non-1xx) response went out. */
  void responseStarted() {
    responseStarted = true;
  }

  /** A response was completely written. */
  void responseEnded(long now) {
    if (inFlight > 0) {
      inFlight--;
    }
    responseStarted = false;
    served = true;
    if (inFlight == 0) {
      idleSince = now;
    }
  }

  /** The connection switched protocols (101): HTTP timeouts no longer apply. */
  void upgraded() {
    upgraded = true;
  }

  /** The earliest deadline that applies now, or {@link #NONE}. */
  long deadline() {
    if (upgraded) {
      return NONE;
    }
    long due = NONE;
    if (headOpen) {
      due = Math.min(due, headStartedAt + headerNanos);
    }
    if (bodyOpen) {
      due = Math.min(due, bodyProgressAt + bodyNanos);
    }
    if (idle()) {
      due = Math.min(due, idleSince + (served ? keepAliveNanos : idleNewNanos));
    }
    return due;
  }

  /** The deadline that has passed at {@code now}, if any. */
  Optional<Expired> expired(long now) {
    if (upgraded) {
      return Optional.empty();
    }
    if (headOpen && now - headStartedAt >= headerNanos) {
      // A head that follows a response still being written cannot be answered in between.
      return Optional.of(new Expired(Timeout.HEADER, inFlight == 0));
    }
    if (bodyOpen && now - bodyProgressAt >= bodyNanos) {
      return Optional.of(new Expired(Timeout.BODY, inFlight == 1 && !responseStarted));
    }
    if (idle() && now - idleSince >= (served ? keepAliveNanos : idleNewNanos)) {
      return Optional.of(new Expired(served ? Timeout.KEEP_ALIVE : Timeout.IDLE_CONNECTION, false));
    }
    return Optional.empty();
  }

  boolean bodyOpen() {
    return bodyOpen;
  }

  private boolean idle() {
    return inFlight == 0 && !headOpen && !bodyOpen;
  }
}
