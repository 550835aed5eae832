package dev.strangler.proxy.monolith;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;

import dev.strangler.proxy.forwarding.RequestTarget;
import dev.strangler.proxy.routing.RoutedRequest;
import java.net.URI;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Sends upstream exactly the path that was matched (the canonical path of the routing decision) and
 * the query exactly as the client wrote it.
 *
 * <p>The gateway's own URL building parses and re-serialises the query, which reorders repeated
 * keys and drops parameters without a name; an application that signs or hashes its URLs would then
 * see a different request through the proxy than without it.
 */
final class RawRequestTargetFilter implements GlobalFilter, Ordered {

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    URI target = exchange.getAttribute(GATEWAY_REQUEST_URL_ATTR);
    RoutedRequest routed = RoutedRequest.of(exchange);
    if (target != null && routed != null && RequestTarget.isHttp(target)) {
      String query = exchange.getRequest().getURI().getRawQuery();
      exchange
          .getAttributes()
          .put(
              GATEWAY_REQUEST_URL_ATTR,
              RequestTarget.of(target, routed.decision().forwardPath(), query));
    }
    return chain.filter(exchange);
  }

  @Override
  public int getOrder() {
    return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1;
  }

  @Override
  public String toString() {
    return "RawRequestTargetFilter";
  }
}
