package dev.strangler.proxy.lambda;

import dev.strangler.proxy.budget.BodyBudget;
import dev.strangler.proxy.budget.BufferMeters;
import dev.strangler.proxy.config.StranglerProperties;
import dev.strangler.proxy.routing.RoutedRequest;
import dev.strangler.proxy.rules.RulesState;
import dev.strangler.rules.routing.Decision;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
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
  LambdaBackend lambdaBackend(
      LambdaInvoker invoker,
      RuleGuards guards,
      MeterRegistry meters,
      StranglerProperties properties,
      Clock clock,
      BodyBudget budget,
      BufferMeters bufferMeters) {
    return new ApiGatewayLambdaBackend(
        invoker,
        guards,
        new InvocationMeters(meters),
        properties.lambda(),
        clock,
        budget,
        bufferMeters);
  }

  @Bean
  CircuitBreakerRegistry circuitBreakerRegistry(MeterRegistry meters) {
    CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
    TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
    return registry;
  }

  @Bean
  BulkheadRegistry bulkheadRegistry(MeterRegistry meters) {
    BulkheadRegistry registry = BulkheadRegistry.ofDefaults();
    TaggedBulkheadMetrics.ofBulkheadRegistry(registry).bindTo(meters);
    return registry;
  }

  @Bean
  RuleGuards ruleGuards(
      CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads, RulesState rules) {
    RuleGuards guards = new RuleGuards(breakers, bulkheads);
    guards.follow(rules);
    return guards;
  }

  /** Off where a test stands in for Lambda, or with {@code strangler.lambda.prime=false}. */
  @Bean
  @ConditionalOnProperty(name = "strangler.lambda.prime", matchIfMissing = true)
  LambdaPrimer lambdaPrimer(LambdaInvoker invoker, RulesState rules) {
    return new LambdaPrimer(invoker, rules);
  }

  @Bean
  LambdaRoutingFilter lambdaRoutingFilter(
      LambdaBackend backend,
      StranglerProperties properties,
      MeterRegistry meters,
      BodyBudget budget) {
    return new LambdaRoutingFilter(backend, properties.monolith().url(), meters, budget);
  }
}
