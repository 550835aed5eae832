package dev.strangler.proxy.lambda;

import static java.util.Objects.requireNonNull;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.isAlreadyRouted;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.setAlreadyRouted;

import dev.strangler.proxy.budget.BodyBudget;
import dev.strangler.proxy.forwarding.RequestTarget;
import dev.strangler.proxy.routing.FallbackReason;
import dev.strangler.proxy.routing.RoutedRequest;
import dev.strangler.rules.routing.Decision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Routes {@code lambda://} requests, as the gateway's Netty filter routes {@code http://} ones: it
 * handles only its own scheme and marks the exchange routed. When Lambda does not serve a request
 * and the monolith may, it points the request at the monolith and lets the Netty filter, next in
 * the chain, forward it with the body as read for the function.
 */
final class LambdaRoutingFilter implements GlobalFilter, Ordered {

  private static final Logger log = LoggerFactory.getLogger(LambdaRoutingFilter.class);

  static final String SCHEME = "lambda";

  private final LambdaBackend backend;
  private final URI monolith;
  private final MeterRegistry meters;
  private final BodyBudget budget;
  private final Set<String> reportedMissing = ConcurrentHashMap.newKeySet();
  private final Map<FallbackCount, Counter> fallbacks = new ConcurrentHashMap<>();

  /** A fallback counter's tags; looked up per fallback, so kept cheaper than a registry lookup. */
  private record FallbackCount(String route, FallbackReason reason) {}

  LambdaRoutingFilter(
      LambdaBackend backend, URI monolith, MeterRegistry meters, BodyBudget budget) {
    this.backend = backend;
    this.budget = requireNonNull(budget, "budget");
    this.monolith = monolith;
    this.meters = meters;
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
    // What the request buffers is held until it is over, the monolith's replay included, and
    // given back once however it ends: answered, fallen back, failed or cancelled.
    return Mono.usingWhen(
        Mono.fromSupplier(budget::hold),
        hold ->
            backend
                .serve(exchange, routed, toLambda, hold)
                .flatMap(
                    result -> {
                      if (result instanceof LambdaResult.FallBack fallBack) {
                        return fallBack(exchange, chain, toLambda, fallBack);
                      }
                      setAlreadyRouted(exchange);
                      return Mono.empty();
                    }),
        LambdaRoutingFilter::closed,
        (hold, error) -> closed(hold),
        LambdaRoutingFilter::closed);
  }

  private static Mono<Void> closed(BodyBudget.Hold hold) {
    return Mono.fromRunnable(hold::close);
  }

  private Mono<Void> fallBack(
      ServerWebExchange exchange,
      GatewayFilterChain chain,
      Decision.ToLambda decision,
      LambdaResult.FallBack fallBack) {
    FallbackReason reason = fallBack.reason();
    report(RoutedRequest.of(exchange).requestId(), decision, reason);
    reason.attachTo(exchange);
    ServerWebExchange replay =
        fallBack.body() == null ? exchange : withBody(exchange, fallBack.body());
    String query = exchange.getRequest().getURI().getRawQuery();
    replay
        .getAttributes()
        .put(GATEWAY_REQUEST_URL_ATTR, RequestTarget.of(monolith, decision.forwardPath(), query));
    return chain.filter(replay);
  }

  private void report(String requestId, Decision.ToLambda decision, FallbackReason reason) {
    fallbacks
        .computeIfAbsent(
            new FallbackCount(decision.rule().id(), reason),
            count ->
                Counter.builder("strangler.fallbacks")
                    .description(
                        "Requests a rule sent to Lambda that the monolith served, by reason")
                    .tag("route", count.route())
                    .tag("reason", count.reason().tag())
                    .register(meters))
        .increment();
    String function = decision.rule().lambda().function();
    if (reason == FallbackReason.NOT_FOUND) {
      if (reportedMissing.add(function + ":" + decision.rule().lambda().qualifier())) {
        log.warn(
            "Function {} of rule '{}' does not exist; its requests go to the monolith",
            function,
            decision.rule().id());
      }
      return;
    }
    if (!reason.functionWasCalled()) {
      // The guard is doing its job: its opening is logged once (RuleGuards), and each request
      // is in the access log; a line per request would cost more than serving it.
      log.debug(
          "Fallback to the monolith: rule '{}', reason {}, request {}",
          decision.rule().id(),
          reason.tag(),
          requestId);
      return;
    }
    log.info(
        "Fallback to the monolith: rule '{}', function {}, reason {}, request {}",
        decision.rule().id(),
        function,
        reason.tag(),
        requestId);
  }

  /** The request with its body replaced by the bytes already read for the function. */
  private static ServerWebExchange withBody(ServerWebExchange exchange, byte[] body) {
    ServerHttpRequest request =
        new ServerHttpRequestDecorator(exchange.getRequest()) {
          @Override
          public Flux<DataBuffer> getBody() {
            return Flux.defer(
                () ->
                    body.length == 0
                        ? Flux.empty()
                        : Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
          }
        };
    return exchange.mutate().request(request).build();
  }

  @Override
  public int getOrder() {
    // Just before the Netty filter, which forwards a request that falls back.
    return NettyRoutingFilter.ORDER - 1;
  }

  @Override
  public String toString() {
    return "LambdaRoutingFilter[" + backend + "]";
  }
}
