package dev.strangler.proxy.trace;

import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the proxy into every request's trace. Tracer, sampler, propagation formats and the OTLP
 * exporter are Spring Boot's, set with the standard {@code management.tracing.*} and {@code
 * management.opentelemetry.*} properties.
 */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

  @Bean
  TraceContextFilter traceContextFilter(ObjectProvider<Propagator> propagator) {
    return new TraceContextFilter(propagator.getIfAvailable(() -> Propagator.NOOP));
  }
}
