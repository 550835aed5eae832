package dev.strangler.proxy.edge.shutdown;

import static java.util.Objects.requireNonNull;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.Future;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP/1.1 connection's part in the drain. It counts the requests read and not yet answered in
 * full; once draining has started it marks each response {@code Connection: close} (Reactor Netty's
 * traffic handler, next towards the socket, then closes the connection after the response's last
 * byte is written) and closes the connection when it is idle between requests.
 *
 * <p>It sits between Reactor Netty's traffic handler and the application, on the connection's event
 * loop: its state needs no locks, and its work per message is a type check, with a counter and a
 * clock read per request.
 */
final class ConnectionDrainHandler extends ChannelDuplexHandler {

  private final DrainingConnections connections;
  private ChannelHandlerContext context;

  /**
   * How long a connection must have been idle before the drain closes it. A load balancer picks the
   * connection it used last for its next request, the one that has been idle longest last: closing
   * only those that have rested a while makes it unlikely that a request is already on its way on
   * the connection being closed (a request nobody may retry if it is a POST). A busy connection is
   * not closed this way at all: its next answer says {@code Connection: close}.
   */
  static final Duration IDLE_BEFORE_CLOSE = Duration.ofSeconds(1);

  /** Requests read whose final response has not been written in full yet. */
  private int unanswered;

  /** When the connection last became idle, in its event loop's ticker's nanoseconds. */
  private long idleSince;

  /** The response being written is informational (1xx): its end is not the request's answer. */
  private boolean informational;

  /** The response being written says {@code Connection: close}: the connection's last. */
  private boolean closing;

  ConnectionDrainHandler(DrainingConnections connections) {
    this.connections = requireNonNull(connections, "connections");
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    context = ctx;
    idleSince = ctx.executor().ticker().nanoTime();
    connections.register(ctx.channel(), this);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest) {
      unanswered++;
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof HttpResponse response) {
      informational = response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
      if (connections.draining() && !informational) {
        HttpUtil.setKeepAlive(response, false);
      }
      closing = !informational && !HttpUtil.isKeepAlive(response);
    }
    if (msg instanceof LastHttpContent && !informational) {
      ctx.write(msg, promise.unvoid()).addListener(this::answered);
      return;
    }
    ctx.write(msg, promise);
  }

  private void answered(Future<? super Void> written) {
    unanswered = Math.max(0, unanswered - 1);
    idleSince = context.executor().ticker().nanoTime();
    if (closing && unanswered == 0) {
      // Reactor Netty's traffic handler closes too; a close here does not depend on it.
      context.channel().close();
    } else if (connections.draining()) {
      // An answer whose head went out before the drain started had no "Connection: close": its
      // connection is closed once idle.
      closeIfIdle();
    }
  }

  /**
   * Closes the connection once it has been idle for {@link #IDLE_BEFORE_CLOSE}, checking again when
   * that time is up; nothing while a request on it waits for its answer. On the event loop.
   */
  void closeIfIdle() {
    if (unanswered > 0 || context == null || !context.channel().isActive()) {
      return;
    }
    long idle = context.executor().ticker().nanoTime() - idleSince;
    long left = IDLE_BEFORE_CLOSE.toNanos() - idle;
    if (left <= 0) {
      context.channel().close();
    } else {
      context.executor().schedule(this::closeIfIdle, left, TimeUnit.NANOSECONDS);
    }
  }
}
