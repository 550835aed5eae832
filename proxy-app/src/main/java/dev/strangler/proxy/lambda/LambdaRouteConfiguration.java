package dev.strangler.proxy.lambda;

import dev.strangler.proxy.config.StranglerProperties;
import dev.strangler.proxy.routing.RoutedRequest;
import dev.strangler.proxy.rules.RulesState;
import dev.strangler.rules.routing.Decision;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The route for requests that a rule sends to Lambda. */
@Configuration(proxyBeanMethods = false)
class LambdaRouteConfiguration {

  /** Route id used in logs. */
  static final String LAMBDA_ROUTE_ID = "lambda-rules";

  @Bean
  RouteLocator lambdaRoute(RouteLocatorBuilder routes) {
    return routes
        .routes()
        .route(
            LAMBDA_ROUTE_ID,
            route ->
                route
                    .order(0)
                    .predicate(
                        exchange -> {
                          RoutedRequest routed = RoutedRequest.of(exchange);
                          return routed != null && routed.decision() instanceof Decision.ToLambda;
                        })
                    .uri(LambdaRoutingFilter.SCHEME + "://function"))
        .build();
  }

  @Bean
  LambdaBackend lambdaBackend(LambdaInvoker invoker, StranglerProperties properties, Clock clock) {
    return new ApiGatewayLambdaBackend(invoker, properties.lambda(), clock);
  }

  /** Off where a test stands in for Lambda, or with {@code strangler.lambda.prime=false}. */
  @Bean
  @ConditionalOnProperty(name = "strangler.lambda.prime", matchIfMissing = true)
  LambdaPrimer lambdaPrimer(LambdaInvoker invoker, RulesState rules) {
    return new LambdaPrimer(invoker, rules);
  }

  @Bean
  LambdaRoutingFilter lambdaRoutingFilter(LambdaBackend backend, StranglerProperties properties) {
    return new LambdaRoutingFilter(backend, properties.monolith().url());
  }
}
