package dev.strangler.proxy.accesslog;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The access log, on unless {@code strangler.access-log.enabled=false}. */
@Configuration(proxyBeanMethods = false)
class AccessLogConfiguration {

  @Bean
  @ConditionalOnBooleanProperty(name = "strangler.access-log.enabled", matchIfMissing = true)
  AccessLogObserver accessLogObserver(AccessLogProperties properties) {
    return new AccessLogObserver(AccessLogLine.of(properties.format()));
  }
}
