package dev.strangler.proxy.observe;

import dev.strangler.proxy.routing.FallbackReason;
import dev.strangler.proxy.routing.PublicTraffic;
import dev.strangler.proxy.routing.RoutedRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Times every request from its arrival to the end of its response, counts the body bytes sent, and
 * tells the {@link RequestObserver}s how it went once it is over (answered, failed or given up by
 * the client).
 */
public final class RequestCompletionFilter implements WebFilter, Ordered {

  /** Exchange attribute: the W3C trace id the request was sent on with, set by tracing. */
  public static final String TRACE_ID_ATTRIBUTE =
      RequestCompletionFilter.class.getName() + ".traceId";

  /**
   * Exchange attribute: a reason that replaced the decision's own (e.g. {@code emergency}), set by
   * whatever overrode it.
   */
  public static final String REASON_ATTRIBUTE = RequestCompletionFilter.class.getName() + ".reason";

  private static final Logger log = LoggerFactory.getLogger(RequestCompletionFilter.class);

  private final List<RequestObserver> observers;
  private final Clock clock;

  public RequestCompletionFilter(List<RequestObserver> observers, Clock clock) {
    this.observers = List.copyOf(observers);
    this.clock = clock;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (observers.isEmpty() || PublicTraffic.isManagement(exchange)) {
      return chain.filter(exchange);
    }
    long started = System.nanoTime();
    Instant start = clock.instant();
    CountingResponse response = new CountingResponse(exchange.getResponse());
    ServerWebExchange counted = exchange.mutate().response(response).build();
    return chain.filter(counted).doFinally(signal -> completed(counted, response, start, started));
  }

  private void completed(
      ServerWebExchange exchange, CountingResponse response, Instant start, long started) {
    RoutedRequest routed = RoutedRequest.of(exchange);
    if (routed == null) {
      return; // not a request the proxy routed (it failed before its decision)
    }
    FallbackReason fallback = FallbackReason.of(exchange);
    CompletedRequest.Routing routing =
        CompletedRequest.Routing.of(
            routed.decision(), fallback, exchange.getAttribute(REASON_ATTRIBUTE));
    HttpStatusCode status = response.getStatusCode();
    CompletedRequest request =
        new CompletedRequest(
            start,
            routed.requestId(),
            exchange.getAttribute(TRACE_ID_ATTRIBUTE),
            exchange.getRequest().getMethod().name(),
            exchange.getRequest().getURI().getRawPath(),
            routing.route(),
            routing.servedBy(),
            routing.reason(),
            routing.bucket(),
            fallback,
            routing.function(),
            response.isCommitted() && status != null ? status.value() : 0,
            response.bytes.get(),
            Duration.ofNanos(System.nanoTime() - started));
    for (RequestObserver observer : observers) {
      try {
        observer.completed(request);
      } catch (RuntimeException e) {
        // An observer's bug must not turn a served request into a failed one.
        log.warn("Request observer {} failed", observer, e);
      }
    }
  }

  /** The response, counting the body bytes written to the client. */
  private static final class CountingResponse extends ServerHttpResponseDecorator {
    private final AtomicLong bytes = new AtomicLong();

    CountingResponse(ServerHttpResponse delegate) {
      super(delegate);
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
      return super.writeWith(Flux.from(body).doOnNext(this::count));
    }

    @Override
    public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
      return super.writeAndFlushWith(
          Flux.from(body).map(part -> Flux.from(part).doOnNext(this::count)));
    }

    private void count(DataBuffer buffer) {
      bytes.addAndGet(buffer.readableByteCount());
    }
  }

  @Override
  public int getOrder() {
    // Around everything, the routing decision included, so its time counts.
    return Ordered.HIGHEST_PRECEDENCE + 5;
  }

  @Override
  public String toString() {
    return "RequestCompletionFilter" + observers;
  }
}
