package dev.strangler.proxy.lambda;

import dev.strangler.proxy.config.StranglerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.LambdaAsyncClientBuilder;

/** Builds the proxy's Lambda client from its settings: non-blocking, no silent retries. */
public final class LambdaClients {
  private LambdaClients() {}

  private static final Logger log = LoggerFactory.getLogger(LambdaClients.class);

  /**
   * A client with its own credentials provider, closed with the client. The proxy's bean builds the
   * provider itself ({@link #credentials}) to close it on shutdown.
   */
  public static LambdaAsyncClient create(StranglerProperties.Lambda lambda) {
    return create(lambda, credentials(lambda));
  }

  public static LambdaAsyncClient create(
      StranglerProperties.Lambda lambda, AwsCredentialsProvider credentials) {
    LambdaAsyncClientBuilder builder =
        LambdaAsyncClient.builder()
            .httpClientBuilder(
                NettyNioAsyncHttpClient.builder()
                    .maxConcurrency(lambda.maxConnections())
                    .connectionTimeout(lambda.connectTimeout())
                    .tcpKeepAlive(true))
            // No silent retries: a throttled call retried by the SDK would spend the rule's
            // time budget unseen; retrying is the fallback policy's decision.
            .overrideConfiguration(
                config ->
                    config
                        .retryStrategy(AwsRetryStrategy.doNotRetry())
                        .addExecutionInterceptor(new NotSentInterceptor()))
            .credentialsProvider(NotSent.credentials(credentials))
            .region(region(lambda));
    if (lambda.endpoint() != null) {
      builder.endpointOverride(lambda.endpoint());
    }
    return builder.build();
  }

  /**
   * The credentials the settings name. The default chain refreshes expiring credentials (STS, web
   * identity, container, instance) in the background: a refresh never blocks the event-loop thread
   * that happens to sign a request. The caller closes the provider, which stops that.
   */
  public static AwsCredentialsProvider credentials(StranglerProperties.Lambda lambda) {
    return switch (lambda.credentials()) {
      case ANONYMOUS -> AnonymousCredentialsProvider.create();
      case DEFAULT ->
          DefaultCredentialsProvider.builder().asyncCredentialUpdateEnabled(true).build();
    };
  }

  /**
   * The configured region, else the environment's or the profile's. The instance metadata service
   * is deliberately not asked: a proxy must not stall its start on a network call.
   */
  private static Region region(StranglerProperties.Lambda lambda) {
    if (lambda.region() != null && !lambda.region().isBlank()) {
      return Region.of(lambda.region());
    }
    AwsRegionProviderChain chain =
        new AwsRegionProviderChain(
            new SystemSettingsRegionProvider(), new AwsProfileRegionProvider());
    try {
      return chain.getRegion();
    } catch (SdkClientException none) {
      if (lambda.endpoint() == null) {
        log.warn(
            "No AWS region is configured (strangler.lambda.region, AWS_REGION or a profile);"
                + " invoking functions in us-east-1");
      }
      return Region.US_EAST_1; // a local endpoint ignores the region, but the SDK needs one
    }
  }
}
