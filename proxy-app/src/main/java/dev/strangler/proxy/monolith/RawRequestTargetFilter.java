package dev.strangler.proxy.monolith;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;

import dev.strangler.proxy.forwarding.RequestTarget;
import java.net.URI;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Sends the path and query upstream exactly as the client wrote them.
 *
 * <p>The gateway's own URL building parses and re-serialises the query, which reorders repeated
 * keys and drops parameters without a name; an application that signs or hashes its URLs would then
 * see a different request through the proxy than without it.
 */
final class RawRequestTargetFilter implements GlobalFilter, Ordered {

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    URI target = exchange.getAttribute(GATEWAY_REQUEST_URL_ATTR);
    if (target != null && RequestTarget.isHttp(target)) {
      URI received = exchange.getRequest().getURI();
      exchange
          .getAttributes()
          .put(
              GATEWAY_REQUEST_URL_ATTR,
              RequestTarget.of(target, received.getRawPath(), received.getRawQuery()));
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
