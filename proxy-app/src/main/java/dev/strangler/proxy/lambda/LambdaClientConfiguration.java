package dev.strangler.proxy.lambda;

import dev.strangler.proxy.config.StranglerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaAsyncClientBuilder;

/** One Lambda client for the whole proxy, on non-blocking Netty. */
@Configuration(proxyBeanMethods = false)
class LambdaClientConfiguration {

  @Bean(destroyMethod = "close")
  LambdaAsyncClient lambdaAsyncClient(StranglerProperties properties) {
    StranglerProperties.Lambda lambda = properties.lambda();
    LambdaAsyncClientBuilder builder =
        LambdaAsyncClient.builder()
            .httpClientBuilder(
                NettyNioAsyncHttpClient.builder()
                    .maxConcurrency(lambda.maxConnections())
                    .connectionTimeout(lambda.connectTimeout())
                    .tcpKeepAlive(true))
            // No silent retries: a throttled call retried by the SDK would spend the rule's
            // time budget unseen; retrying is the fallback policy's decision.
            .overrideConfiguration(config -> config.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .credentialsProvider(credentials(lambda))
            .region(region(lambda));
    if (lambda.endpoint() != null) {
      builder.endpointOverride(lambda.endpoint());
    }
    return builder.build();
  }

  @Bean
  LambdaInvoker lambdaInvoker(LambdaAsyncClient client) {
    return new LambdaInvoker(client, System::nanoTime);
  }

  private static AwsCredentialsProvider credentials(StranglerProperties.Lambda lambda) {
    return switch (lambda.credentials()) {
      case ANONYMOUS -> AnonymousCredentialsProvider.create();
      case DEFAULT -> DefaultCredentialsProvider.builder().build();
    };
  }

  private static Region region(StranglerProperties.Lambda lambda) {
    if (lambda.region() != null && !lambda.region().isBlank()) {
      return Region.of(lambda.region());
    }
    try {
      return new DefaultAwsRegionProviderChain().getRegion();
    } catch (SdkClientException none) {
      if (lambda.endpoint() != null) {
        return Region.US_EAST_1; // a local endpoint ignores the region, but the SDK needs one
      }
      throw new dev.strangler.proxy.config.InvalidSettingException(
          "strangler.lambda.region",
          null,
          "no AWS region found: set it, or AWS_REGION, or a profile's region",
          none);
    }
  }
}
