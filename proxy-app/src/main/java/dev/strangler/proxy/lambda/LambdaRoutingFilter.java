package dev.strangler.proxy.lambda;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.isAlreadyRouted;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.setAlreadyRouted;

import dev.strangler.proxy.routing.RoutedRequest;
import dev.strangler.rules.routing.Decision;
import java.net.URI;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Routes {@code lambda://} requests, as the gateway's Netty filter routes {@code http://} ones: it
 * handles only its own scheme and marks the exchange routed.
 */
final class LambdaRoutingFilter implements GlobalFilter, Ordered {

  static final String SCHEME = "lambda";

  private final LambdaBackend backend;

  LambdaRoutingFilter(LambdaBackend backend) {
    this.backend = backend;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    URI target = exchange.getAttribute(GATEWAY_REQUEST_URL_ATTR);
    if (isAlreadyRouted(exchange) || target == null || !SCHEME.equals(target.getScheme())) {
      return chain.filter(exchange);
    }
    RoutedRequest routed = RoutedRequest.of(exchange);
    if (routed == null || !(routed.decision() instanceof Decision.ToLambda toLambda)) {
      return chain.filter(exchange);
    }
    setAlreadyRouted(exchange);
    return backend.serve(exchange, routed, toLambda);
  }

  @Override
  public int getOrder() {
    return NettyRoutingFilter.ORDER;
  }

  @Override
  public String toString() {
    return "LambdaRoutingFilter[" + backend + "]";
  }
}
