package dev.strangler.proxy.lambda;

import dev.strangler.proxy.lambda.InvocationOutcome.FunctionError;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLHandshakeException;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.RequestTooLargeException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Invokes functions synchronously through the SDK's asynchronous client and turns every way an
 * invocation can end into an {@link InvocationOutcome}. The only class that speaks the SDK's
 * request and exception types.
 */
public final class LambdaInvoker {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final LambdaAsyncClient client;
  private final LongSupplier nanoTime;

  public LambdaInvoker(LambdaAsyncClient client, LongSupplier nanoTime) {
    this.client = Objects.requireNonNull(client, "client");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
  }

  /**
   * Invokes {@code function} (name, {@code name:alias} or ARN) with a JSON payload.
   *
   * @param qualifier a version or alias, or null
   * @param budget the whole call's time limit, after which the call is abandoned
   */
  public Mono<InvocationOutcome> invoke(
      String function, String qualifier, byte[] payload, Duration budget) {
    InvokeRequest request =
        InvokeRequest.builder()
            .functionName(function)
            .qualifier(qualifier)
            .invocationType(InvocationType.REQUEST_RESPONSE)
            .payload(SdkBytes.fromByteArrayUnsafe(payload))
            .overrideConfiguration(config -> config.apiCallTimeout(budget))
            .build();
    return call(request, budget);
  }

  /**
   * Checks that a function exists and may be invoked, without running it ({@code DryRun}); also
   * warms the client's connection pool so that the first real request is not the slow one.
   */
  public Mono<InvocationOutcome> dryRun(String function, String qualifier, Duration budget) {
    InvokeRequest request =
        InvokeRequest.builder()
            .functionName(function)
            .qualifier(qualifier)
            .invocationType(InvocationType.DRY_RUN)
            .overrideConfiguration(config -> config.apiCallTimeout(budget))
            .build();
    return call(request, budget);
  }

  private Mono<InvocationOutcome> call(InvokeRequest request, Duration budget) {
    return Mono.defer(
        () -> {
          long start = nanoTime.getAsLong();
          return Mono.fromFuture(() -> client.invoke(request))
              .map(response -> success(response, elapsed(start)))
              .onErrorResume(error -> Mono.just(failure(error, budget, elapsed(start))));
        });
  }

  private Duration elapsed(long start) {
    return Duration.ofNanos(nanoTime.getAsLong() - start);
  }

  private static InvocationOutcome success(InvokeResponse response, Duration latency) {
    byte[] payload =
        response.payload() == null ? new byte[0] : response.payload().asByteArrayUnsafe();
    if (response.functionError() != null) {
      JsonNode error = errorBody(payload);
      return new FunctionError(
          response.functionError(),
          textOf(error, "errorType"),
          textOf(error, "errorMessage"),
          response.executedVersion(),
          latency);
    }
    return new InvocationOutcome.Success(payload, response.executedVersion(), latency);
  }

  static InvocationOutcome failure(Throwable error, Duration budget, Duration latency) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    NotSent notSent = causeOf(cause, NotSent.class);
    if (notSent != null) {
      // Credentials or signing failed: nothing left the proxy.
      return new InvocationOutcome.Unreachable(notSent.getMessage(), false, latency);
    }
    if (cause instanceof TooManyRequestsException throttled) {
      String reason = throttled.reasonAsString();
      return new InvocationOutcome.Throttled(
          reason == null ? "TooManyRequestsException" : reason, latency);
    }
    if (cause instanceof RequestTooLargeException
        || (cause instanceof LambdaException tooLarge && tooLarge.statusCode() == 413)) {
      // Lambda has also named it RequestEntityTooLargeException, which the SDK does not model.
      return new InvocationOutcome.TooLarge(latency);
    }
    if (cause instanceof ResourceNotFoundException notFound) {
      return new InvocationOutcome.NotFound(messageOf(notFound), latency);
    }
    if (cause instanceof ApiCallTimeoutException
        || cause instanceof ApiCallAttemptTimeoutException) {
      return new InvocationOutcome.TimedOut(budget, latency);
    }
    if (cause instanceof LambdaException service) {
      String code =
          service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
      return new InvocationOutcome.ServiceError(
          service.statusCode(), code, messageOf(service), latency);
    }
    if (cause instanceof SdkClientException client) {
      return new InvocationOutcome.Unreachable(
          String.valueOf(client.getMessage()), !failedBeforeWriting(client), latency);
    }
    return new InvocationOutcome.Unreachable(String.valueOf(cause), true, latency);
  }

  private static String messageOf(LambdaException exception) {
    return exception.awsErrorDetails() != null && exception.awsErrorDetails().errorMessage() != null
        ? exception.awsErrorDetails().errorMessage()
        : exception.getMessage();
  }

  private static <T extends Throwable> T causeOf(Throwable error, Class<T> type) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  /**
   * Whether a client-side failure happened while setting up the connection, before any of the
   * request was written: refused or timed-out connects (Netty's connect timeout is a {@link
   * ConnectException}), a name that does not resolve, a failed TLS handshake, or no connection from
   * the pool in time (the SDK reports that one by message only). A read timeout or a reset after
   * writing may have run the function, and is not among them.
   */
  static boolean failedBeforeWriting(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof UnknownHostException
          || t instanceof SSLHandshakeException
          || isPoolAcquireFailure(t.getMessage())) {
        return true;
      }
    }
    return false;
  }

  private static boolean isPoolAcquireFailure(String message) {
    return message != null
        && (message.startsWith("Acquire operation took longer")
            || message.startsWith("Maximum pending connection acquisitions exceeded")
            || message.startsWith("Too many outstanding acquire operations"));
  }

  /** Lambda's error payload, {@code {errorMessage, errorType, stackTrace}}, or null if not JSON. */
  private static JsonNode errorBody(byte[] payload) {
    try {
      return JSON.readTree(payload);
    } catch (JacksonException notJson) {
      return null;
    }
  }

  private static String textOf(JsonNode error, String field) {
    JsonNode value = error == null ? null : error.get(field);
    return value == null || !value.isString() ? null : value.asString();
  }

  @Override
  public String toString() {
    return "LambdaInvoker";
  }
}
