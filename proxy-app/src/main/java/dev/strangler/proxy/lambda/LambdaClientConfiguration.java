package dev.strangler.proxy.lambda;

import dev.strangler.proxy.config.StranglerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;

/** One Lambda client for the whole proxy, on non-blocking Netty. */
@Configuration(proxyBeanMethods = false)
class LambdaClientConfiguration {

  /** Closed after the client (destroyed in reverse order), which stops its background refresh. */
  @Bean
  AwsCredentialsProvider lambdaCredentials(StranglerProperties properties) {
    return LambdaClients.credentials(properties.lambda());
  }

  @Bean(destroyMethod = "close")
  LambdaAsyncClient lambdaAsyncClient(
      StranglerProperties properties, AwsCredentialsProvider lambdaCredentials) {
    return LambdaClients.create(properties.lambda(), lambdaCredentials);
  }

  @Bean
  LambdaInvoker lambdaInvoker(LambdaAsyncClient client) {
    return new LambdaInvoker(client, System::nanoTime);
  }
}
