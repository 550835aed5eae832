package dev.strangler.proxy.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ConnectTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Which client-side failures count as "the function did not run" (replayed on the monolith for any
 * method) and which as "it may have run". The exceptions are built as the SDK's Netty client
 * reports them; the real ones are covered by NeverSentFallbackIntegrationTest and
 * LambdaInvokerIntegrationTest.
 */
class InvocationFailureTest {

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(
            "connection refused", client(new ConnectException("Connection refused")), true),
        Arguments.of("connect timeout", client(new ConnectTimeoutException("timed out")), true),
        Arguments.of("unknown host", client(new UnknownHostException("lambda.invalid")), true),
        Arguments.of("TLS handshake", client(new SSLHandshakeException("bad certificate")), true),
        Arguments.of(
            "pool acquire timeout",
            client(
                new Throwable(
                    "Acquire operation took longer than the configured maximum time.",
                    new TimeoutException(
                        "Acquire operation took longer than 10000 milliseconds."))),
            true),
        Arguments.of(
            "credentials did not load",
            new NotSent(SdkClientException.create("Unable to load credentials")),
            true),
        Arguments.of(
            "credentials, wrapped by the SDK",
            SdkClientException.create(
                "failed", new NotSent(SdkClientException.create("Unable to load credentials"))),
            true),
        Arguments.of("read timeout", client(new IOException("Read timed out")), false),
        Arguments.of(
            "reset mid-response", client(new IOException("Connection reset by peer")), false),
        Arguments.of("anything else", new IllegalStateException("?"), false));
  }

  @ParameterizedTest(name = "{0}: did not run = {2}")
  @MethodSource("failures")
  void countsOnlyFailuresBeforeWritingAsNotRun(String name, Throwable failure, boolean notRun) {
    InvocationOutcome outcome =
        LambdaInvoker.failure(
            new CompletionException(failure), Duration.ofSeconds(1), Duration.ofMillis(3));

    assertThat(outcome).isInstanceOf(InvocationOutcome.Unreachable.class);
    assertThat(outcome.functionDidNotRun()).isEqualTo(notRun);
  }

  private static SdkClientException client(Throwable cause) {
    return SdkClientException.create(
        "Unable to execute HTTP request: " + cause.getMessage(), cause);
  }
}
