package dev.strangler.functions.runtime.testing;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/** The real AWS SDK client, configured as the proxy configures it, aimed at a local runtime. */
public final class LambdaClients {

  private LambdaClients() {}

  /** Signs with dummy credentials (the runtime does not check them) and never retries. */
  public static LambdaAsyncClient signingClient(URI runtime) {
    return LambdaAsyncClient.builder()
        .endpointOverride(runtime)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "secret")))
        .overrideConfiguration(
            config ->
                config
                    .retryStrategy(AwsRetryStrategy.doNotRetry())
                    .apiCallTimeout(Duration.ofSeconds(30)))
        .httpClientBuilder(NettyNioAsyncHttpClient.builder())
        .build();
  }

  public static InvokeRequest.Builder request(String function, String payload) {
    return InvokeRequest.builder().functionName(function).payload(SdkBytes.fromUtf8String(payload));
  }

  /** Invokes and waits, throwing what the SDK threw rather than its CompletionException. */
  public static InvokeResponse invoke(LambdaAsyncClient client, InvokeRequest request) {
    try {
      return client.invoke(request).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }
}
