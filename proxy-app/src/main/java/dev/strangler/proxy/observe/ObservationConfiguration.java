package dev.strangler.proxy.observe;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tells every {@link RequestObserver} bean of each finished request. */
@Configuration(proxyBeanMethods = false)
class ObservationConfiguration {

  @Bean
  RequestCompletionFilter requestCompletionFilter(
      ObjectProvider<RequestObserver> observers, Clock clock) {
    return new RequestCompletionFilter(observers.orderedStream().toList(), clock);
  }
}
