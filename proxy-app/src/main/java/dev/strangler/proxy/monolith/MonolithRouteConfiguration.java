package dev.strangler.proxy.monolith;

import dev.strangler.proxy.config.StranglerProperties;
import dev.strangler.proxy.forwarding.LocationRewriter;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The default route: every request that no rule claims goes to the monolith unchanged. */
@Configuration(proxyBeanMethods = false)
class MonolithRouteConfiguration {

  /** Route id used in logs and, later, in metrics. */
  static final String MONOLITH_ROUTE_ID = "monolith-default";

  @Bean
  RouteLocator monolithRoute(RouteLocatorBuilder routes, StranglerProperties properties) {
    return routes
        .routes()
        .route(
            MONOLITH_ROUTE_ID,
            route ->
                route
                    .order(Ordered.LOWEST_PRECEDENCE)
                    .alwaysTrue()
                    .uri(properties.monolith().url()))
        .build();
  }

  @Bean
  RawRequestTargetFilter rawRequestTargetFilter() {
    return new RawRequestTargetFilter();
  }

  @Bean
  ForwardingHeadersFilter forwardingHeadersFilter() {
    return new ForwardingHeadersFilter();
  }

  @Bean
  MonolithLocationFilter monolithLocationFilter(StranglerProperties properties) {
    return new MonolithLocationFilter(new LocationRewriter(properties.monolith().url()));
  }
}
