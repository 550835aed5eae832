package dev.strangler.proxy.lambda;

import static java.util.Objects.requireNonNull;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * An invocation that failed before any of it left the proxy: the function certainly did not run, so
 * any request, a POST too, may be replayed on the monolith. {@link LambdaInvoker} looks for it
 * anywhere in a failure's causes, since the SDK may wrap it.
 */
final class NotSent extends RuntimeException {

  NotSent(Throwable cause) {
    super(String.valueOf(cause.getMessage()), cause, false, false);
  }

  /**
   * {@code credentials}, whose failures to load are marked as not sent: the SDK resolves them
   * before it builds the request.
   */
  static AwsCredentialsProvider credentials(AwsCredentialsProvider credentials) {
    return new Marking(credentials);
  }

  private record Marking(AwsCredentialsProvider delegate) implements AwsCredentialsProvider {
    Marking {
      requireNonNull(delegate, "delegate");
    }

    @Override
    public AwsCredentials resolveCredentials() {
      try {
        return delegate.resolveCredentials();
      } catch (RuntimeException unavailable) {
        throw new NotSent(unavailable);
      }
    }

    @Override
    public String toString() {
      return delegate.toString();
    }
  }
}
