package dev.strangler.proxy.edge.upgrade;

import dev.strangler.proxy.routing.Problems;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClientResponse;

/**
 * Turns an upstream's {@code 101} on the plain HTTP path into a {@code 502}.
 *
 * <p>The gateway forwards over HTTP only requests without an upgrade: {@code Upgrade} is hop-by-hop
 * and removed ({@code h2c} among others), and WebSocket upgrades go through the gateway's WebSocket
 * routing filter instead, which checks its own handshake. So no 101 on this path was asked for.
 * Without this filter it reached the client as a 101 with a chunked body. The half-switched
 * upstream connection is closed, never returned to the pool.
 */
public final class UnrequestedUpgradeFilter implements GlobalFilter, Ordered {

  private static final Logger log = LoggerFactory.getLogger(UnrequestedUpgradeFilter.class);

  /** What this path sends upstream in {@code Upgrade}: nothing. */
  private static final List<String> FORWARDED_UPGRADE = List.of();

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    return chain.filter(exchange).then(Mono.defer(() -> refuseUnrequestedSwitch(exchange)));
  }

  private Mono<Void> refuseUnrequestedSwitch(ServerWebExchange exchange) {
    Connection upstream = exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR);
    HttpClientResponse answer = exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR);
    if (upstream == null
        || answer == null
        || answer.status().code() != HttpStatus.SWITCHING_PROTOCOLS.value()) {
      return Mono.empty();
    }
    SwitchingProtocols.Verdict verdict =
        SwitchingProtocols.judge(FORWARDED_UPGRADE, answer.responseHeaders().getAll("Upgrade"));
    if (verdict == SwitchingProtocols.Verdict.ACCEPTED) {
      return Mono.empty();
    }
    log.warn(
        "Refused a 101 from {} for {} {}: {}",
        exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR),
        exchange.getRequest().getMethod(),
        exchange.getRequest().getPath().value(),
        verdict.problem());
    // The writer after us relays the upstream's body only while it finds the connection.
    exchange.getAttributes().remove(ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR);
    upstream.dispose();
    exchange.getResponse().getHeaders().clear();
    return Problems.write(exchange, HttpStatus.BAD_GATEWAY, "Bad Gateway", verdict.problem());
  }

  @Override
  public int getOrder() {
    // Just inside the gateway's response writer: the first to see the upstream's answer.
    return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER + 1;
  }

  @Override
  public String toString() {
    return "UnrequestedUpgradeFilter";
  }
}
