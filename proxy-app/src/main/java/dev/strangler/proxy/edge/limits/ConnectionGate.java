package dev.strangler.proxy.edge.limits;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.netty.NettyPipeline;

/**
 * Admits a new public connection within the {@link ConnectionLimits}, or refuses it: it is answered
 * {@code 503} problem+json with {@code Retry-After} and {@code Connection: close} at once, without
 * reading its request, and closed. A refused connection never reaches the HTTP codec.
 *
 * <p>Sits first in the pipeline (after {@code reactor.left.sslHandler} when TLS is on, so the
 * answer is encrypted), before the deadlines' {@code bytes} handler and the codec.
 *
 * <p>Why answer rather than close at once: a client (and the person reading its error) learns that
 * the proxy is full, not that the network failed. To let the answer be read, the refused
 * connection's output is shut and what the client still sends is discarded for at most {@link
 * #LINGER}: closing a socket with unread input would reset it, and a reset may destroy the answer
 * before the client reads it. Only {@link #MAX_LINGERING} refusals linger at once; beyond that (a
 * flood) they are closed straight after the answer, so that refusals never pile up file
 * descriptors.
 */
final class ConnectionGate extends ChannelInboundHandlerAdapter {

  static final String NAME = "strangler.connectionGate";

  static final Duration LINGER = Duration.ofSeconds(1);
  static final int MAX_LINGERING = 64;

  private static final ByteBuf OVER_TOTAL =
      RawAnswers.problem(
          503,
          "Service Unavailable",
          "The proxy holds as many connections as it may: try again shortly.",
          "Retry-After: 1\r\n");
  private static final ByteBuf OVER_PER_CLIENT =
      RawAnswers.problem(
          503,
          "Service Unavailable",
          "This client address holds as many connections as one client may: close some, or try"
              + " again shortly.",
          "Retry-After: 1\r\n");

  /** What all gates of one server share. */
  record Shared(ConnectionLimits limits, AtomicInteger lingering, RefusalCounter counter) {
    Shared {
      Objects.requireNonNull(limits, "limits");
      Objects.requireNonNull(lingering, "lingering");
      Objects.requireNonNull(counter, "counter");
    }
  }

  /** Counts refused connections, by reason. */
  @FunctionalInterface
  interface RefusalCounter {
    void refused(ConnectionLimits.Admission reason);
  }

  private final Shared shared;
  private InetAddress admitted;
  private boolean refused;
  private boolean lingering;

  private ConnectionGate(Shared shared) {
    this.shared = shared;
  }

  static void install(ChannelPipeline pipeline, Shared shared) {
    ConnectionGate gate = new ConnectionGate(shared);
    if (pipeline.get(NettyPipeline.SslHandler) != null) {
      pipeline.addAfter(NettyPipeline.SslHandler, NAME, gate);
    } else {
      pipeline.addFirst(NAME, gate);
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    InetAddress client = clientOf(ctx.channel());
    ConnectionLimits.Admission admission = shared.limits().tryAdmit(client);
    if (admission == ConnectionLimits.Admission.ADMITTED) {
      admitted = client;
      ctx.fireChannelActive();
      return;
    }
    refused = true;
    shared.counter().refused(admission);
    refuse(ctx, admission == ConnectionLimits.Admission.OVER_TOTAL ? OVER_TOTAL : OVER_PER_CLIENT);
  }

  private void refuse(ChannelHandlerContext ctx, ByteBuf answer) {
    Channel channel = ctx.channel();
    channel.config().setAutoRead(true); // read and discard, so the close is not a reset
    lingering = shared.lingering().incrementAndGet() <= MAX_LINGERING;
    ctx.writeAndFlush(answer.duplicate())
        .addListener(
            written -> {
              if (lingering && channel instanceof DuplexChannel duplex) {
                duplex.shutdownOutput();
                ctx.executor()
                    .schedule(() -> channel.close(), LINGER.toMillis(), TimeUnit.MILLISECONDS);
              } else {
                channel.close();
              }
            });
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (refused) {
      ReferenceCountUtil.release(msg);
      return;
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if (!refused) {
      ctx.fireChannelReadComplete();
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
    if (!refused) {
      super.userEventTriggered(ctx, event);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
    if (refused) {
      ctx.close();
      return;
    }
    super.exceptionCaught(ctx, cause);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (admitted != null) {
      shared.limits().release(admitted);
      admitted = null;
      ctx.fireChannelInactive();
      return;
    }
    if (refused) {
      shared.lingering().decrementAndGet();
    }
  }

  private static InetAddress clientOf(Channel channel) {
    if (channel.remoteAddress() instanceof InetSocketAddress address
        && address.getAddress() != null) {
      return address.getAddress();
    }
    return InetAddress.getLoopbackAddress(); // a domain socket: one local client
  }
}
