package dev.strangler.proxy.budget;

import dev.strangler.proxy.config.InvalidSettingException;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** The one memory budget for buffered bodies, and its meters. */
@Configuration(proxyBeanMethods = false)
class BudgetConfiguration {

  @Bean
  BodyBudget bodyBudget(BufferingProperties properties) {
    DataSize max = properties.maxBytes();
    if (max == null) {
      return new BodyBudget(BodyBudget.defaultLimit(Runtime.getRuntime().maxMemory()));
    }
    if (max.toBytes() < 1) {
      throw new InvalidSettingException(
          "strangler.buffering.max-bytes",
          max,
          "must be at least 1 byte; leave it unset for a quarter of the heap",
          null);
    }
    return new BodyBudget(max.toBytes());
  }

  @Bean
  BufferMeters bufferMeters(BodyBudget budget, MeterRegistry registry) {
    return new BufferMeters(budget, registry);
  }
}
