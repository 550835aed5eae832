package dev.strangler.proxy.edge.limits;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.NettyPipeline;

/**
 * The timeouts of one HTTP/1.1 connection: two small handlers on either side of Reactor Netty's
 * HTTP codec, sharing one {@link ConnectionClock} and at most one scheduled timer.
 *
 * <pre>
 * [sslHandler] [connection gate] <b>bytes</b> reactor.left.httpCodec <b>messages</b> … httpTrafficHandler … reactiveBridge
 * </pre>
 *
 * <p>{@code bytes} sits before the codec and sees raw bytes, so a request head's deadline starts at
 * its first byte, however slowly the rest trickles in. {@code messages} sits right after the codec
 * and sees each decoded request and each response written, so it knows when a head is complete, a
 * body pauses and a connection falls idle.
 *
 * <p>Cheap on purpose: no allocation per read, a clock read only when state changes, and the timer
 * is rescheduled only when a deadline comes earlier than the one already set; a timer that fires
 * early simply sets itself again.
 */
final class ConnectionDeadlines implements Runnable, ChannelFutureListener {

  static final String BYTES = "strangler.deadlines.bytes";
  static final String MESSAGES = "strangler.deadlines.messages";

  /** Set on a connection closed by a timeout, so that what runs on its request can tell. */
  static final AttributeKey<ConnectionClock.Timeout> TIMED_OUT =
      AttributeKey.valueOf("strangler.deadlines.timedOut");

  private static final Logger log = LoggerFactory.getLogger(ConnectionDeadlines.class);

  private static final ByteBuf REQUEST_TIMEOUT =
      RawAnswers.problem(
          408,
          "Request Timeout",
          "The request did not arrive in time: the connection is closed.",
          "");

  private final ConnectionClock clock;
  private final TimeoutCounter counter;
  private ChannelHandlerContext bytesContext;
  private ScheduledFuture<?> timer;
  private long timerAt;
  private boolean closing;

  private ConnectionDeadlines(ServerLimitsProperties.Timeouts timeouts, TimeoutCounter counter) {
    this.clock = new ConnectionClock(timeouts, System.nanoTime());
    this.counter = counter;
  }

  /** Counts connections closed by a timeout, by which one. */
  @FunctionalInterface
  interface TimeoutCounter {
    void timedOut(ConnectionClock.Timeout timeout);
  }

  /**
   * Puts the deadlines around the HTTP/1.1 codec of a new connection; does nothing for a pipeline
   * without one (HTTP/2 has its own framing and is not served by the proxy).
   */
  static void install(
      ChannelPipeline pipeline, ServerLimitsProperties.Timeouts timeouts, TimeoutCounter counter) {
    if (!(pipeline.get(NettyPipeline.HttpCodec) instanceof HttpServerCodec)) {
      return;
    }
    ConnectionDeadlines deadlines = new ConnectionDeadlines(timeouts, counter);
    pipeline.addBefore(NettyPipeline.HttpCodec, BYTES, deadlines.new Bytes());
    pipeline.addAfter(NettyPipeline.HttpCodec, MESSAGES, deadlines.new Messages());
  }

  /** Before the codec: the first byte of a head starts its deadline. */
  private final class Bytes extends ChannelInboundHandlerAdapter {
    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
      bytesContext = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (clock.awaitsHead() && msg instanceof ByteBuf bytes && bytes.isReadable()) {
        clock.bytesReceived(System.nanoTime());
      }
      ctx.fireChannelRead(msg);
    }
  }

  /** After the codec: heads, bodies and responses. */
  private final class Messages extends ChannelDuplexHandler {
    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      arm(ctx.channel());
      ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (closing) {
        // The codec's view of a head or body cut short by our own close (see run()).
        ReferenceCountUtil.release(msg);
        return;
      }
      if (msg instanceof HttpRequest) {
        clock.headReceived(System.nanoTime(), msg instanceof LastHttpContent);
      } else if (msg instanceof LastHttpContent) {
        clock.bodyEnded();
      } else if (msg instanceof HttpContent && clock.bodyOpen()) {
        clock.bodyReceived(System.nanoTime());
      }
      ctx.fireChannelRead(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      // Once per read, after decoding: a head that arrived whole never needs a timer of its own.
      arm(ctx.channel());
      ctx.fireChannelReadComplete();
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      if (msg instanceof HttpResponse response) {
        int status = response.status().code();
        if (status == 101) {
          clock.upgraded();
          ctx.write(msg, promise);
          return;
        }
        if (status < 200) {
          ctx.write(msg, promise); // 100 Continue: the answer is still to come
          return;
        }
        clock.responseStarted();
      }
      if (msg instanceof LastHttpContent) {
        // The connection is idle once the last byte has left, not when it was queued.
        ctx.write(msg, promise.unvoid().addListener(ConnectionDeadlines.this));
        return;
      }
      ctx.write(msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (timer != null) {
        timer.cancel(false);
        timer = null;
      }
      ctx.fireChannelInactive();
    }
  }

  /** A response was written completely. */
  @Override
  public void operationComplete(ChannelFuture future) {
    clock.responseEnded(System.nanoTime());
    arm(future.channel());
  }

  /** Sets the timer for the earliest deadline, unless one at least as early is already set. */
  private void arm(Channel channel) {
    long due = clock.deadline();
    if (due == ConnectionClock.NONE || !channel.isActive()) {
      return;
    }
    if (timer != null) {
      if (timerAt <= due) {
        return;
      }
      timer.cancel(false);
    }
    timerAt = due;
    timer =
        channel
            .eventLoop()
            .schedule(this, Math.max(0, due - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  /** The timer fired: close the connection if a deadline has passed, else wait for the next. */
  @Override
  public void run() {
    timer = null;
    Channel channel = bytesContext.channel();
    if (!channel.isActive()) {
      return;
    }
    long now = System.nanoTime();
    if (clock.bodyOpen() && !channel.config().isAutoRead()) {
      clock.bodyReadPaused(now);
    }
    Optional<ConnectionClock.Expired> expired = clock.expired(now);
    if (expired.isEmpty()) {
      arm(channel);
      return;
    }
    ConnectionClock.Expired due = expired.get();
    // From now on, what the codec makes of the cut-short head or body on close is dropped: a
    // truncated body must end in an error (the upstream request is aborted), never in a "last
    // content" that would complete a shorter request.
    closing = true;
    channel.attr(TIMED_OUT).set(due.timeout());
    counter.timedOut(due.timeout());
    if (log.isDebugEnabled()) {
      log.debug("closing {} from {}: {} timeout", channel, channel.remoteAddress(), due.timeout());
    }
    if (due.answer()) {
      // Written before the codec: no response was begun, so there is no encoder state to respect.
      bytesContext
          .writeAndFlush(REQUEST_TIMEOUT.duplicate())
          .addListener(ChannelFutureListener.CLOSE);
    } else {
      channel.close();
    }
  }
}
