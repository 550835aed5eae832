package dev.strangler.proxy.routing;

import dev.strangler.proxy.observe.RequestCompletionFilter;
import dev.strangler.rules.routing.Decision;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Names on each response the backend that served it and why, e.g. {@code lambda;
 * rule=product-reads; bucket=1234; reason=canary}. For demos and tests: it tells clients how
 * traffic is split, so it is off unless a header name is configured.
 */
final class BackendHeaderFilter implements WebFilter, Ordered {

  private final String headerName;

  BackendHeaderFilter(String headerName) {
    this.headerName = headerName == null || headerName.isBlank() ? null : headerName.trim();
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (headerName == null) {
      return chain.filter(exchange); // set but empty: off
    }
    exchange
        .getResponse()
        .beforeCommit(
            () -> {
              RoutedRequest routed = RoutedRequest.of(exchange);
              if (routed != null
                  && !exchange.getResponse().getHeaders().containsHeader(headerName)) {
                exchange
                    .getResponse()
                    .getHeaders()
                    .set(
                        headerName,
                        describe(
                            routed.decision(),
                            FallbackReason.of(exchange),
                            exchange.getAttribute(RequestCompletionFilter.REASON_ATTRIBUTE)));
              }
              return Mono.empty();
            });
    return chain.filter(exchange);
  }

  /**
   * @param overrideReason a reason that replaced the decision's own (e.g. {@code emergency}), or
   *     {@code null}
   */
  static String describe(Decision decision, FallbackReason fallback, String overrideReason) {
    if (decision instanceof Decision.ToLambda toLambda && fallback != null) {
      return "monolith; rule=" + toLambda.rule().id() + "; fallback=" + fallback.tag();
    }
    if (decision instanceof Decision.ToLambda toLambda) {
      return "lambda; rule="
          + toLambda.rule().id()
          + bucket(toLambda.bucket())
          + reason(toLambda.reason());
    }
    if (decision instanceof Decision.ToMonolith toMonolith && toMonolith.rule() != null) {
      return "monolith; rule="
          + toMonolith.rule().id()
          + bucket(toMonolith.bucket())
          + (overrideReason != null ? "; reason=" + overrideReason : reason(toMonolith.reason()));
    }
    if (decision instanceof Decision.Rejected) {
      return "proxy; reason=rejected";
    }
    return "monolith; reason=no_match";
  }

  private static String bucket(int bucket) {
    return bucket < 0 ? "" : "; bucket=" + bucket;
  }

  private static String reason(Decision.Reason reason) {
    return "; reason=" + reason.name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 11;
  }

  @Override
  public String toString() {
    return "BackendHeaderFilter[" + headerName + "]";
  }
}
