package dev.strangler.proxy.monolith;

import dev.strangler.proxy.forwarding.ForwardedHeaders;
import dev.strangler.proxy.forwarding.ForwardedHeaders.Forwarding;
import dev.strangler.proxy.routing.RoutedRequest;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes {@code X-Forwarded-*} and {@code Forwarded} on every upstream request, as decided when the
 * request arrived (not from what earlier header filters left), so trust is decided in one place.
 */
final class ForwardingHeadersFilter implements HttpHeadersFilter, Ordered {

  @Override
  public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
    RoutedRequest routed = RoutedRequest.of(exchange);
    if (routed == null) {
      return input;
    }
    Forwarding forwarding = routed.forwarding();
    HttpHeaders updated = new HttpHeaders();
    updated.putAll(input);
    ForwardedHeaders.NAMES.forEach(updated::remove);
    setIfPresent(updated, ForwardedHeaders.X_FORWARDED_FOR, forwarding.forwardedFor());
    setIfPresent(updated, ForwardedHeaders.X_FORWARDED_PROTO, forwarding.proto());
    setIfPresent(updated, ForwardedHeaders.X_FORWARDED_HOST, forwarding.host());
    setIfPresent(updated, ForwardedHeaders.X_FORWARDED_PORT, forwarding.port());
    setIfPresent(updated, ForwardedHeaders.FORWARDED, forwarding.forwarded());
    return updated;
  }

  private static void setIfPresent(HttpHeaders headers, String name, String value) {
    if (value != null) {
      headers.set(name, value);
    }
  }

  @Override
  public boolean supports(Type type) {
    return type == Type.REQUEST;
  }

  @Override
  public int getOrder() {
    // Last, after hop-by-hop removal (LOWEST_PRECEDENCE - 1): a client's Connection header may name
    // the fields to drop from its own request, never the ones the proxy writes.
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  public String toString() {
    return "ForwardingHeadersFilter";
  }
}
