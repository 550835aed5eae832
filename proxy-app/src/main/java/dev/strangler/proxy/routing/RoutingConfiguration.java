package dev.strangler.proxy.routing;

import dev.strangler.proxy.config.StranglerProperties;
import dev.strangler.proxy.forwarding.ForwardedHeaders;
import dev.strangler.proxy.forwarding.TrustedProxies;
import dev.strangler.proxy.rules.RulesState;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Decides every request once: client, rule set and backend. */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

  @Bean
  ForwardedHeaders forwardedHeaders(StranglerProperties properties) {
    return new ForwardedHeaders(TrustedProxies.of(properties.forwarding().trustedProxies()));
  }

  /**
   * On when a header name is set. A property condition, not an expression: no setting is ever
   * evaluated as SpEL (the class of CVE-2022-22947).
   */
  @Bean
  @ConditionalOnProperty("strangler.backend-header")
  BackendHeaderFilter backendHeaderFilter(StranglerProperties properties) {
    return new BackendHeaderFilter(properties.backendHeader());
  }

  @Bean
  RoutingDecider routingDecider(
      StranglerProperties properties, ObjectProvider<EmergencySwitch> emergency) {
    return new RoutingDecider(
        properties.canary().overrideHeader(), emergency.getIfAvailable(() -> EmergencySwitch.OFF));
  }

  @Bean
  RoutingDecisionFilter routingDecisionFilter(
      RulesState rules, ForwardedHeaders forwardedHeaders, RoutingDecider decider) {
    return new RoutingDecisionFilter(rules, forwardedHeaders, decider);
  }
}
