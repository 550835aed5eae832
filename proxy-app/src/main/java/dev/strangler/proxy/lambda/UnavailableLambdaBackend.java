package dev.strangler.proxy.lambda;

import dev.strangler.proxy.routing.Problems;
import dev.strangler.proxy.routing.RoutedRequest;
import dev.strangler.rules.routing.Decision;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Stands in while no Lambda client is configured: says so instead of guessing. */
final class UnavailableLambdaBackend implements LambdaBackend {

  @Override
  public Mono<Void> serve(
      ServerWebExchange exchange, RoutedRequest routed, Decision.ToLambda decision) {
    return Problems.write(
        exchange,
        HttpStatus.SERVICE_UNAVAILABLE,
        "Lambda backend unavailable",
        "rule '"
            + decision.rule().id()
            + "' sends this request to function '"
            + decision.rule().lambda().function()
            + "', but this proxy has no Lambda client configured");
  }

  @Override
  public String toString() {
    return "UnavailableLambdaBackend";
  }
}
