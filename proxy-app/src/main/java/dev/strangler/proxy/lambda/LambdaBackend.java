package dev.strangler.proxy.lambda;

import dev.strangler.proxy.budget.BodyBudget;
import dev.strangler.proxy.routing.RoutedRequest;
import dev.strangler.rules.routing.Decision;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Serves a request that a rule sent to a Lambda function: writes the whole response, or says the
 * monolith must serve it instead.
 */
public interface LambdaBackend {

  Mono<LambdaResult> serve(
      ServerWebExchange exchange, RoutedRequest routed, Decision.ToLambda decision);

  /**
   * As {@link #serve(ServerWebExchange, RoutedRequest, Decision.ToLambda)}, counting the bytes it
   * buffers (the event, the body kept for a replay) in {@code hold}, which the caller closes once
   * the request is over, the monolith's replay included.
   */
  default Mono<LambdaResult> serve(
      ServerWebExchange exchange,
      RoutedRequest routed,
      Decision.ToLambda decision,
      BodyBudget.Hold hold) {
    return serve(exchange, routed, decision);
  }
}
