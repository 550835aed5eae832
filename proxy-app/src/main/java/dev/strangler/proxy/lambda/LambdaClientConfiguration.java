package dev.strangler.proxy.lambda;

import dev.strangler.proxy.config.StranglerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;

/** One Lambda client for the whole proxy, on non-blocking Netty. */
@Configuration(proxyBeanMethods = false)
class LambdaClientConfiguration {

  @Bean(destroyMethod = "close")
  LambdaAsyncClient lambdaAsyncClient(StranglerProperties properties) {
    return LambdaClients.create(properties.lambda());
  }

  @Bean
  LambdaInvoker lambdaInvoker(LambdaAsyncClient client) {
    return new LambdaInvoker(client, System::nanoTime);
  }
}
