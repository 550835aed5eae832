package dev.strangler.proxy.edge.limits;

import io.netty.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Ends a request whose body the client did not finish (it paused past the body timeout, left
 * mid-upload, or sent a body the codec could not read) as the client's failure, in one short {@code
 * DEBUG} line, instead of a server error.
 *
 * <p>Without it the body's error travels into the HTTP client that is sending the request on, which
 * logs it at {@code WARN} with a stack trace ({@code HttpClientConnect}: "The connection observed
 * an error"), and then to WebFlux, which answers nothing (the client is gone, or was answered below
 * the codec) but logs {@code 500 Server Error} at {@code ERROR} with another. Both are false: the
 * proxy did nothing wrong, and the timeout is already counted in {@code
 * strangler.connections.timed.out}.
 *
 * <p>Here the body's error never reaches the HTTP client. The body simply never ends, and the call
 * is cancelled instead: Reactor Netty closes the connection to the upstream, which therefore sees a
 * request cut short and never a complete, shorter one. Then:
 *
 * <ul>
 *   <li>body timeout: the edge has already answered {@code 408}; the response is marked {@code 408}
 *       too, so that the access log says what the client got;
 *   <li>client gone: nothing is sent, and the access log's status stays empty ({@code null});
 *   <li>connection still open, nothing answered yet (a malformed body): the error goes on, once the
 *       call is cancelled, to the exception handler that answers it (request framing's 400).
 * </ul>
 *
 * <p>Only requests that carry a body are wrapped, so a GET costs one header lookup.
 */
final class AbortedBodyFilter implements WebFilter, Ordered {

  /** Inside the request timer ({@code RequestCompletionFilter}), which logs the status set here. */
  static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 6;

  private static final Logger log = LoggerFactory.getLogger(AbortedBodyFilter.class);

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    if (!hasBody(request.getHeaders())) {
      return chain.filter(exchange);
    }
    BodyWatch watch = new BodyWatch();
    ServerHttpRequest guarded =
        new ServerHttpRequestDecorator(request) {
          @Override
          public Flux<DataBuffer> getBody() {
            return super.getBody().onErrorResume(watch::failed);
          }
        };
    ServerHttpResponse response = exchange.getResponse();
    response.beforeCommit(
        () -> {
          // WebFlux is about to send its answer, yet the codec has sent one already: whatever
          // fails from here on fails only because the client was answered.
          watch.answeredBelowTheCodec = nettySentHeaders(response);
          return Mono.empty();
        });
    ServerWebExchange guardedExchange = exchange.mutate().request(guarded).build();
    return chain
        .filter(guardedExchange)
        .takeUntilOther(watch.signal.asMono()) // cancels the call: the upstream connection closes
        .then(
            Mono.defer(
                () ->
                    watch.failure == null
                        ? Mono.empty()
                        : bodyFailed(guardedExchange, watch.failure)))
        .onErrorResume(
            error -> watch.answeredBelowTheCodec,
            error -> {
              // The codec answered already (Reactor Netty's 400 to a body it could not decode):
              // what the proxy then failed to write is moot.
              log.debug("{}: not answered again: {}", describe(request), error.toString());
              return Mono.empty();
            });
  }

  /** Whether, and how, one request's body failed. */
  private static final class BodyWatch {
    private final Sinks.Empty<Void> signal = Sinks.empty();
    private volatile Throwable failure;
    private volatile boolean answeredBelowTheCodec;

    /** The body's error: noted and signalled, and replaced by a body that never ends. */
    private Flux<DataBuffer> failed(Throwable error) {
      failure = error;
      signal.tryEmitEmpty();
      return Flux.never();
    }
  }

  private static boolean hasBody(HttpHeaders headers) {
    return headers.getContentLength() > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
  }

  private static Mono<Void> bodyFailed(ServerWebExchange exchange, Throwable error) {
    ServerHttpRequest request = exchange.getRequest();
    ServerHttpResponse response = exchange.getResponse();
    Channel channel = channelOf(request);
    ConnectionClock.Timeout timedOut =
        channel == null ? null : channel.attr(ConnectionDeadlines.TIMED_OUT).get();
    if (timedOut != null) {
      log.debug(
          "{}: {} timeout, answered 408; upstream request aborted",
          describe(request),
          name(timedOut));
      if (response.isCommitted()) {
        return Mono.empty();
      }
      response.setStatusCode(HttpStatus.REQUEST_TIMEOUT);
      // Written to a closed connection, which fails: this only marks what the client was sent.
      return response.setComplete().onErrorResume(closed -> Mono.empty());
    }
    if (channel == null || !channel.isActive()) {
      log.debug(
          "{}: the client left before its body was complete; upstream request aborted",
          describe(request));
      // Not completed: Reactor Netty cancels the exchange of a closed connection right after its
      // body fails (ChannelOperations.terminate), and a cancelled exchange is logged without a
      // status, as a client that left should be. Completing would commit a 200 nobody received.
      return Mono.never();
    }
    if (response.isCommitted() || nettySentHeaders(response)) {
      log.debug(
          "{}: the body could not be read ({}); upstream request aborted",
          describe(request),
          error.toString());
      return Mono.empty();
    }
    log.debug(
        "{}: the body could not be read ({}); upstream request aborted",
        describe(request),
        error.toString());
    // The connection is open and nobody has answered: the error goes on, after the upstream call
    // was cancelled, to the WebExceptionHandler that answers it (request framing answers a
    // malformed body 400 and closes the connection).
    return Mono.error(error);
  }

  private static String name(ConnectionClock.Timeout timeout) {
    return timeout.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  private static String describe(ServerHttpRequest request) {
    return request.getMethod().name() + " " + request.getURI().getRawPath();
  }

  /** Reactor Netty's own connection under WebFlux's request, if it is one. */
  private static Channel channelOf(ServerHttpRequest request) {
    Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request);
    return nativeRequest instanceof Connection connection ? connection.channel() : null;
  }

  /** Whether Reactor Netty has sent a status line on this exchange's connection. */
  private static boolean nettySentHeaders(ServerHttpResponse response) {
    Object nativeResponse = ServerHttpResponseDecorator.getNativeResponse(response);
    return nativeResponse instanceof HttpServerResponse netty && netty.hasSentHeaders();
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
