package dev.strangler.bench.plaingateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;

/**
 * Benchmark baseline: Spring Cloud Gateway as it comes, with one route that forwards every request
 * to {@code upstream.url}. No filters, no customisation.
 */
@SpringBootApplication
public class PlainGatewayApplication {

  public static void main(String[] args) {
    SpringApplication.run(PlainGatewayApplication.class, args);
  }

  @Bean
  RouteLocator catchAllRoute(
      RouteLocatorBuilder builder, @Value("${upstream.url}") String upstreamUrl) {
    return builder.routes().route("upstream", r -> r.path("/**").uri(upstreamUrl)).build();
  }
}
