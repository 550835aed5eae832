package dev.strangler.proxy.routing;

import dev.strangler.proxy.config.StranglerProperties;
import dev.strangler.proxy.forwarding.ForwardedHeaders;
import dev.strangler.proxy.forwarding.TrustedProxies;
import dev.strangler.proxy.rules.RulesState;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Decides every request once: client, rule set and backend. */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

  @Bean
  ForwardedHeaders forwardedHeaders(StranglerProperties properties) {
    return new ForwardedHeaders(TrustedProxies.of(properties.forwarding().trustedProxies()));
  }

  @Bean
  @ConditionalOnExpression("'${strangler.backend-header:}' != ''")
  BackendHeaderFilter backendHeaderFilter(StranglerProperties properties) {
    return new BackendHeaderFilter(properties.backendHeader());
  }

  @Bean
  RoutingDecisionFilter routingDecisionFilter(
      RulesState rules, ForwardedHeaders forwardedHeaders, StranglerProperties properties) {
    return new RoutingDecisionFilter(rules, forwardedHeaders, properties.canary().overrideHeader());
  }
}
