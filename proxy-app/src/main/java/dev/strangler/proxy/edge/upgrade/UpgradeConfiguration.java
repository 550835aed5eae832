package dev.strangler.proxy.edge.upgrade;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Protocol upgrades at the proxy's edge: see {@link UnrequestedUpgradeFilter}. */
@Configuration(proxyBeanMethods = false)
class UpgradeConfiguration {

  @Bean
  UnrequestedUpgradeFilter unrequestedUpgradeFilter() {
    return new UnrequestedUpgradeFilter();
  }
}
