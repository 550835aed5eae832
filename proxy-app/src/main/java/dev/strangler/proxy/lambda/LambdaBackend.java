package dev.strangler.proxy.lambda;

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
}
