package dev.strangler.proxy.observe;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tells every {@link RequestObserver} bean of each finished request. */
@Configuration(proxyBeanMethods = false)
class ObservationConfiguration {

  /** Registered before any meter, as filters must be. */
  @Bean
  MeterRegistryCustomizer<MeterRegistry> meterLimits() {
    return registry -> MeterLimits.filters().forEach(registry.config()::meterFilter);
  }

  @Bean
  RequestMeters requestMeters(MeterRegistry registry) {
    return new RequestMeters(registry);
  }

  @Bean
  RequestCompletionFilter requestCompletionFilter(
      ObjectProvider<RequestObserver> observers, Clock clock) {
    return new RequestCompletionFilter(observers.orderedStream().toList(), clock);
  }
}
