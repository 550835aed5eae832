package dev.strangler.proxy.lambda;

import static dev.strangler.proxy.support.InvokeApiServer.echo;
import static dev.strangler.proxy.support.InvokeApiServer.functionError;
import static dev.strangler.proxy.support.InvokeApiServer.throttled;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.proxy.support.InvokeApiServer;
import dev.strangler.rules.model.Fallback.ThrottleRetry;
import dev.strangler.rules.model.LambdaTarget;
import dev.strangler.rules.model.PayloadFormat;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;

/**
 * Retries of throttled invocations through the real SDK client over loopback HTTP, against an
 * Invoke API that throttles as Lambda does (429 {@code TooManyRequestsException}).
 */
class ThrottleRetriesIntegrationTest {

  private static final byte[] PAYLOAD = "{\"n\":1}".getBytes(StandardCharsets.UTF_8);

  private static InvokeApiServer lambda;
  private static LambdaAsyncClient client;
  private static ThrottleRetries retries;
  private static final AtomicInteger burst = new AtomicInteger();

  @BeforeAll
  static void start() {
    lambda =
        new InvokeApiServer()
            .answer("always-throttled", throttled())
            .answer(
                "bursty",
                (invocation, exchange) -> {
                  if (burst.getAndDecrement() > 0) {
                    throttled().write(invocation, exchange);
                  } else {
                    echo().write(invocation, exchange);
                  }
                })
            .answer("crashing", functionError("Unhandled", "java.lang.IllegalStateException", "x"));
    client = LambdaInvokerIntegrationTest.clientFor(lambda.url());
    // The smallest wait, always: the tests count attempts, not time.
    retries =
        new ThrottleRetries(
            new LambdaInvoker(client, System::nanoTime),
            (function, outcome) -> {},
            System::nanoTime,
            () -> 0.0);
  }

  @AfterAll
  static void stop() {
    client.close();
    lambda.close();
  }

  @Test
  void aBurstOfThrottlingShorterThanTheAttemptsEndsInTheFunctionsAnswer() {
    burst.set(2);

    InvocationOutcome outcome = invoke("bursty", Duration.ofSeconds(2), retry(3, 10, 40));

    assertThat(outcome).isInstanceOf(InvocationOutcome.Success.class);
    assertThat(invocationsOf("bursty")).isEqualTo(3);
  }

  @Test
  void stopsAfterTheAttemptsAndReportsTheThrottling() {
    InvocationOutcome outcome = invoke("always-throttled", Duration.ofSeconds(2), retry(4, 2, 8));

    assertThat(outcome).isInstanceOf(InvocationOutcome.Throttled.class);
    assertThat(invocationsOf("always-throttled")).isEqualTo(4);
  }

  @Test
  void makesNoRetryWhoseWaitWouldEndPastTheRulesTimeout() {
    // The first wait is at least 200 ms (half of 400 ms), the timeout only 100 ms.
    InvocationOutcome outcome =
        invoke("always-throttled", Duration.ofMillis(100), retry(5, 400, 400));

    assertThat(outcome).isInstanceOf(InvocationOutcome.Throttled.class);
    assertThat(invocationsOf("always-throttled")).isEqualTo(1);
  }

  @Test
  void neverRetriesAFunctionThatRan() {
    InvocationOutcome outcome = invoke("crashing", Duration.ofSeconds(2), retry(5, 1, 1));

    assertThat(outcome).isInstanceOf(InvocationOutcome.FunctionError.class);
    assertThat(invocationsOf("crashing")).isEqualTo(1);
  }

  @Test
  void oneAttemptMeansNoRetry() {
    InvocationOutcome outcome =
        invoke("always-throttled", Duration.ofSeconds(2), new ThrottleRetry(1, ms(1), ms(1)));

    assertThat(outcome).isInstanceOf(InvocationOutcome.Throttled.class);
    assertThat(invocationsOf("always-throttled")).isEqualTo(1);
  }

  private long before;

  private InvocationOutcome invoke(String function, Duration timeout, ThrottleRetry retry) {
    before = lambda.received().stream().filter(i -> i.function().equals(function)).count();
    LambdaTarget target = new LambdaTarget(function, null, PayloadFormat.V2_0, timeout);
    return retries.invoke(target, retry, PAYLOAD).block(Duration.ofSeconds(10));
  }

  private long invocationsOf(String function) {
    return lambda.received().stream().filter(i -> i.function().equals(function)).count() - before;
  }

  private static ThrottleRetry retry(int attempts, long backoffMillis, long maxBackoffMillis) {
    return new ThrottleRetry(attempts, ms(backoffMillis), ms(maxBackoffMillis));
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }
}
