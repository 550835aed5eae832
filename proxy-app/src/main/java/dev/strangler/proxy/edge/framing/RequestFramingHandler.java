package dev.strangler.proxy.edge.framing;

import dev.strangler.proxy.forwarding.TrustedProxies;
import dev.strangler.proxy.routing.Problems;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sits right after the HTTP decoder of one connection and enforces strict framing before anything
 * else sees a request: a head that breaks the rules of {@link RequestHeadRules} is answered here
 * and the connection closed, and a body that turns malformed part-way ends with {@link
 * MalformedRequestBodyException} instead of the completion the server would otherwise signal.
 *
 * <p>It also drops, before any filter reads them, header names with an underscore (as nginx does by
 * default) and, from peers that are not trusted proxies, the client-address and URL-override
 * headers that some applications believe.
 */
final class RequestFramingHandler extends ChannelDuplexHandler {

  /** Headers some applications take as the client's address or real URL, when a proxy sets them. */
  static final List<String> SPOOFABLE =
      List.of("X-Real-IP", "True-Client-IP", "X-Original-URL", "X-Rewrite-URL");

  private final FramingProperties settings;
  private final TrustedProxies trustedProxies;

  /** Once a request was refused nothing more is read from this connection. */
  private boolean refused;

  /** A head went on and its body's last part has not been seen yet. */
  private boolean readingBody;

  /** Requests passed on whose response has not been written to the end. */
  private int responsesOwed;

  /** The current response's head has been written: too late for another status. */
  private boolean responseStarted;

  RequestFramingHandler(FramingProperties settings, TrustedProxies trustedProxies) {
    this.settings = settings;
    this.trustedProxies = trustedProxies;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (refused) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (msg instanceof HttpRequest request) {
      Rejection rejection = judge(request);
      if (rejection != null) {
        refuse(ctx, request, rejection);
        return;
      }
      sanitize(ctx, request);
      responsesOwed++;
      readingBody = !(msg instanceof LastHttpContent);
    } else if (msg instanceof HttpContent content && readingBody) {
      if (content.decoderResult().isFailure()) {
        abortBody(ctx, content);
        return;
      }
      if (msg instanceof LastHttpContent) {
        readingBody = false;
      }
    }
    ctx.fireChannelRead(msg);
  }

  private static Rejection judge(HttpRequest request) {
    DecoderResult result = request.decoderResult();
    if (result.isFailure()) {
      Throwable cause = result.cause();
      if (cause instanceof TooLongHttpLineException) {
        return new Rejection(
            414,
            "Request line too long",
            "the request line is longer than the server accepts"
                + " (server.netty.max-initial-line-length)");
      }
      if (cause instanceof TooLongHttpHeaderException) {
        return new Rejection(
            431,
            "Request header fields too large",
            "the request's header fields are larger than the server accepts"
                + " (server.max-http-request-header-size)");
      }
      return Rejection.badRequest("the request head is not valid HTTP/1.1");
    }
    HttpHeaders headers = request.headers();
    HttpVersion version = request.protocolVersion();
    boolean http10 = version.majorVersion() < 1 || version.minorVersion() == 0;
    // getAll allocates a list even for an absent name: ask only for names that are there.
    return RequestHeadRules.check(
        http10, request.uri(), name -> headers.contains(name) ? headers.getAll(name) : List.of());
  }

  /** Drops the headers nobody downstream may see, and puts an absolute target's host in place. */
  private void sanitize(ChannelHandlerContext ctx, HttpRequest request) {
    HttpHeaders headers = request.headers();
    List<String> drop = null;
    Boolean trusted = null;
    for (Map.Entry<CharSequence, CharSequence> header : headersOf(headers)) {
      CharSequence name = header.getKey();
      boolean underscore = !settings.underscoresInHeaders() && contains(name, '_');
      boolean spoofable = !underscore && isSpoofable(name);
      if (spoofable && trusted == null) {
        trusted = isTrusted(ctx.channel().remoteAddress());
      }
      if (underscore || (spoofable && !trusted)) {
        if (drop == null) {
          drop = new ArrayList<>(2);
        }
        drop.add(name.toString());
      }
    }
    if (drop != null) {
      drop.forEach(headers::remove);
    }
    String authority = RequestHeadRules.absoluteFormAuthority(request.uri());
    if (authority != null) {
      headers.set(HttpHeaderNames.HOST, authority);
    }
  }

  private static Iterable<Map.Entry<CharSequence, CharSequence>> headersOf(HttpHeaders headers) {
    return headers::iteratorCharSequence;
  }

  private static boolean contains(CharSequence name, char c) {
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) == c) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSpoofable(CharSequence name) {
    for (String each : SPOOFABLE) {
      if (each.length() == name.length() && AsciiString.contentEqualsIgnoreCase(each, name)) {
        return true;
      }
    }
    return false;
  }

  private boolean isTrusted(SocketAddress peer) {
    return peer instanceof InetSocketAddress address
        && address.getAddress() != null
        && trustedProxies.trusts(address.getAddress());
  }

  /**
   * Refuses a request head. When nothing is owed on the connection the answer is written here; a
   * request pipelined behind one still in progress is handed on as failed, so that the server
   * answers it in turn (a bare 400) and closes.
   */
  private void refuse(ChannelHandlerContext ctx, HttpRequest request, Rejection rejection) {
    refused = true;
    if (responsesOwed > 0) {
      request.setDecoderResult(
          DecoderResult.failure(new IllegalArgumentException(rejection.detail())));
      responsesOwed++;
      ctx.fireChannelRead(request);
      return;
    }
    ReferenceCountUtil.release(request);
    ctx.writeAndFlush(problem(rejection)).addListener(ChannelFutureListener.CLOSE);
  }

  /**
   * The body turned malformed: the request's body ends with an error, so the routing aborts the
   * upstream request and the error handler answers 400. If the response has already begun there is
   * no status left to send, and the connection is closed instead.
   */
  private void abortBody(ChannelHandlerContext ctx, HttpContent content) {
    Throwable cause = content.decoderResult().cause();
    ReferenceCountUtil.release(content);
    readingBody = false;
    refused = true;
    ctx.fireExceptionCaught(new MalformedRequestBodyException(cause));
    if (responseStarted || responsesOwed == 0) {
      // Answered already, in part or in full: too late for a 400, and nothing more is read.
      ctx.close();
    }
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof HttpResponse response) {
      if (response.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
        ctx.write(msg, promise);
        return;
      }
      responseStarted = true;
    }
    if (msg instanceof LastHttpContent) {
      responseStarted = false;
      responsesOwed = Math.max(0, responsesOwed - 1);
      if (refused && responsesOwed == 0) {
        // After a refusal nothing more is read: whatever answer ends last, it ends the connection.
        ChannelPromise written = promise.unvoid();
        ctx.write(msg, written);
        written.addListener(ChannelFutureListener.CLOSE);
        return;
      }
    }
    ctx.write(msg, promise);
  }

  static FullHttpResponse problem(Rejection rejection) {
    String json =
        "{\"type\":\"about:blank\",\"title\":"
            + Problems.json(rejection.title())
            + ",\"status\":"
            + rejection.status()
            + ",\"detail\":"
            + Problems.json(rejection.detail())
            + "}";
    ByteBuf body = Unpooled.wrappedBuffer(json.getBytes(StandardCharsets.UTF_8));
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(rejection.status()), body);
    response
        .headers()
        .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes())
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    return response;
  }

  @Override
  public String toString() {
    return "RequestFramingHandler";
  }
}
