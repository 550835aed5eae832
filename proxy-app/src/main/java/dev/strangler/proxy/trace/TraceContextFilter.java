package dev.strangler.proxy.trace;

import dev.strangler.proxy.observe.RequestCompletionFilter;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import io.micrometer.tracing.propagation.Propagator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Makes the proxy one hop of the request's trace. The request's server span is the one Spring's
 * HTTP server observation opened (it continues the client's {@code traceparent}, or starts a new
 * trace), or one of this filter's own when that observation is switched off. That span replaces the
 * client's as the parent in the trace context headers of the request, so the monolith, the
 * function's event and a fallback's replay all name the proxy's span; sampled or not, the context
 * is always propagated. The trace id is left for the access log and meters in {@link
 * RequestCompletionFilter#TRACE_ID_ATTRIBUTE}.
 */
final class TraceContextFilter implements WebFilter, Ordered {

  /**
   * Trace context headers a client may send (W3C and B3): they name the client's span as parent,
   * which is no longer true past the proxy, so they are replaced by what the propagator writes.
   */
  static final List<String> CONTEXT_HEADERS =
      List.of(
          "traceparent",
          "tracestate",
          "b3",
          "X-B3-TraceId",
          "X-B3-SpanId",
          "X-B3-ParentSpanId",
          "X-B3-Sampled",
          "X-B3-Flags");

  private static final Propagator.Getter<HttpHeaders> HEADER_GETTER = HttpHeaders::getFirst;

  private final Propagator propagator;

  TraceContextFilter(Propagator propagator) {
    this.propagator = Objects.requireNonNull(propagator, "propagator");
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    Span observed = observedServerSpan(exchange);
    if (observed != null) {
      return chain.filter(propagated(exchange, observed.context()));
    }
    Span own = ownServerSpan(exchange);
    if (!hasIds(own)) {
      return chain.filter(exchange); // tracing is off
    }
    ServerWebExchange propagated = propagated(exchange, own.context());
    return chain.filter(propagated).doOnError(own::error).doFinally(signal -> end(own, propagated));
  }

  /** The span of the HTTP server observation around this request, if tracing is part of it. */
  private static Span observedServerSpan(ServerWebExchange exchange) {
    ServerRequestObservationContext observation =
        ServerRequestObservationContext.findCurrent(exchange.getAttributes()).orElse(null);
    if (observation == null) {
      return null;
    }
    TracingContext tracing = observation.get(TracingContext.class);
    Span span = tracing == null ? null : tracing.getSpan();
    return span != null && hasIds(span) ? span : null;
  }

  /**
   * Whether the span has a trace and span id to pass on. Not {@link Span#isNoop()}: a span that is
   * not sampled is "no-op" to the bridge, yet its context must still be propagated.
   */
  private static boolean hasIds(Span span) {
    TraceContext context = span.context();
    return context != null && !context.traceId().isEmpty() && !context.spanId().isEmpty();
  }

  private Span ownServerSpan(ServerWebExchange exchange) {
    String method = exchange.getRequest().getMethod().name();
    return propagator
        .extract(exchange.getRequest().getHeaders(), HEADER_GETTER)
        .kind(Span.Kind.SERVER)
        .name("http " + method.toLowerCase(Locale.ROOT))
        .tag("method", method)
        .start();
  }

  private static void end(Span span, ServerWebExchange exchange) {
    HttpStatusCode status = exchange.getResponse().getStatusCode();
    if (status != null) {
      span.tag("status", String.valueOf(status.value()));
    }
    span.end();
  }

  /**
   * The exchange whose request carries {@code context} as the parent for the next hop. When
   * propagation is off ({@code management.tracing.export.enabled=false}) nothing is written, and
   * the client's own headers pass as they came.
   */
  private ServerWebExchange propagated(ServerWebExchange exchange, TraceContext context) {
    Map<String, String> injected = new LinkedHashMap<>(4);
    propagator.inject(context, injected, Map::put);
    if (injected.isEmpty()) {
      return exchange;
    }
    exchange.getAttributes().put(RequestCompletionFilter.TRACE_ID_ATTRIBUTE, context.traceId());
    return exchange
        .mutate()
        .request(
            request ->
                request.headers(
                    headers -> {
                      CONTEXT_HEADERS.forEach(headers::remove);
                      injected.forEach(headers::set);
                    }))
        .build();
  }

  @Override
  public int getOrder() {
    // After the completion filter, which reads the trace id; before the routing decision, so a
    // path rejected there is in the trace too.
    return Ordered.HIGHEST_PRECEDENCE + 7;
  }

  @Override
  public String toString() {
    return "TraceContextFilter[" + propagator.fields() + "]";
  }
}
