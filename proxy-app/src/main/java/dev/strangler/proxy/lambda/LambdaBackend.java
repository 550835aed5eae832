package dev.strangler.proxy.lambda;

import dev.strangler.proxy.routing.RoutedRequest;
import dev.strangler.rules.routing.Decision;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Serves a request that a rule sent to a Lambda function, writing the whole response. */
public interface LambdaBackend {

  Mono<Void> serve(ServerWebExchange exchange, RoutedRequest routed, Decision.ToLambda decision);
}
