package dev.strangler.proxy.lambda;

import static dev.strangler.proxy.support.InvokeApiServer.echo;
import static dev.strangler.proxy.support.InvokeApiServer.functionError;
import static dev.strangler.proxy.support.InvokeApiServer.holding;
import static dev.strangler.proxy.support.InvokeApiServer.serviceError;
import static dev.strangler.proxy.support.InvokeApiServer.throttled;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.proxy.config.StranglerProperties;
import dev.strangler.proxy.support.FreePort;
import dev.strangler.proxy.support.InvokeApiServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;

/** Every way an invocation ends, through the real SDK client over loopback HTTP. */
class LambdaInvokerIntegrationTest {

  private static final Duration BUDGET = Duration.ofSeconds(3);
  private static final CountDownLatch NEVER = new CountDownLatch(1);

  private static InvokeApiServer lambda;
  private static LambdaAsyncClient client;
  private static LambdaInvoker invoker;

  @BeforeAll
  static void start() {
    lambda =
        new InvokeApiServer()
            .answer("echo", echo())
            .answer(
                "crashing", functionError("Unhandled", "java.lang.IllegalStateException", "boom"))
            .answer(
                "too-big-answer",
                functionError("Unhandled", "Function.ResponseSizeTooLarge", "too big"))
            .answer("throttled", throttled())
            .answer(
                "too-large",
                serviceError(
                    413, "RequestTooLargeException", "Request must be smaller than 6291456 bytes"))
            .answer("broken-service", serviceError(500, "ServiceException", "internal"))
            .answer("denied", serviceError(403, "AccessDeniedException", "not allowed"))
            .answer("slow", holding(NEVER, "{}"));
    client = clientFor(lambda.url());
    invoker = new LambdaInvoker(client, System::nanoTime);
  }

  @AfterAll
  static void stop() {
    NEVER.countDown();
    client.close();
    lambda.close();
  }

  @Test
  void returnsThePayloadAndTheVersionThatRan() {
    InvocationOutcome outcome = invoke("echo", "live", "{\"hello\":\"world\"}", BUDGET);

    assertThat(outcome).isInstanceOf(InvocationOutcome.Success.class);
    InvocationOutcome.Success success = (InvocationOutcome.Success) outcome;
    assertThat(new String(success.payload(), StandardCharsets.UTF_8))
        .isEqualTo("{\"hello\":\"world\"}");
    assertThat(success.executedVersion()).isEqualTo("3");
    InvokeApiServer.Invocation received =
        lambda.received().stream()
            .filter(i -> i.function().equals("echo"))
            .findFirst()
            .orElseThrow();
    assertThat(received.qualifier()).isEqualTo("live");
  }

  @Test
  void reportsAFunctionErrorDespiteStatus200() {
    InvocationOutcome outcome = invoke("crashing", null, "{}", BUDGET);

    assertThat(outcome)
        .isInstanceOfSatisfying(
            InvocationOutcome.FunctionError.class,
            error -> {
              assertThat(error.kind()).isEqualTo("Unhandled");
              assertThat(error.errorType()).isEqualTo("java.lang.IllegalStateException");
              assertThat(error.errorMessage()).isEqualTo("boom");
            });
    assertThat(outcome.functionDidNotRun()).isFalse();
  }

  @Test
  void reportsAnOversizedResponseAsAFunctionError() {
    assertThat(invoke("too-big-answer", null, "{}", BUDGET))
        .isInstanceOfSatisfying(
            InvocationOutcome.FunctionError.class,
            error -> assertThat(error.errorType()).isEqualTo("Function.ResponseSizeTooLarge"));
  }

  @Test
  void reportsThrottlingOnceWithoutRetrying() {
    int before = countFor("throttled");

    InvocationOutcome outcome = invoke("throttled", null, "{}", BUDGET);

    assertThat(outcome)
        .isInstanceOfSatisfying(
            InvocationOutcome.Throttled.class,
            throttled ->
                assertThat(throttled.reason())
                    .isEqualTo("ReservedFunctionConcurrentInvocationLimitExceeded"));
    assertThat(outcome.functionDidNotRun()).isTrue();
    assertThat(countFor("throttled") - before).as("the SDK must not retry silently").isEqualTo(1);
  }

  @Test
  void reportsARequestTooLarge() {
    assertThat(invoke("too-large", null, "{}", BUDGET))
        .isInstanceOf(InvocationOutcome.TooLarge.class);
  }

  @Test
  void reportsAnUnknownFunction() {
    assertThat(invoke("no-such-function", null, "{}", BUDGET))
        .isInstanceOfSatisfying(
            InvocationOutcome.NotFound.class,
            notFound -> assertThat(notFound.message()).contains("no-such-function"));
  }

  @Test
  void reportsServiceErrorsWithTheirStatusAndCode() {
    assertThat(invoke("broken-service", null, "{}", BUDGET))
        .isInstanceOfSatisfying(
            InvocationOutcome.ServiceError.class,
            error -> {
              assertThat(error.status()).isEqualTo(500);
              assertThat(error.errorCode()).isEqualTo("ServiceException");
            });
    assertThat(invoke("denied", null, "{}", BUDGET))
        .isInstanceOfSatisfying(
            InvocationOutcome.ServiceError.class,
            error -> assertThat(error.status()).isEqualTo(403));
  }

  @Test
  void givesUpWhenTheBudgetRunsOut() {
    InvocationOutcome outcome = invoke("slow", null, "{}", Duration.ofMillis(300));

    assertThat(outcome)
        .isInstanceOfSatisfying(
            InvocationOutcome.TimedOut.class,
            timedOut -> assertThat(timedOut.latency()).isLessThan(Duration.ofSeconds(3)));
  }

  @Test
  void reportsAnUnreachableEndpointAsNotRun() {
    try (LambdaAsyncClient nowhere = clientFor(URI.create("http://127.0.0.1:" + FreePort.next()))) {
      InvocationOutcome outcome =
          new LambdaInvoker(nowhere, System::nanoTime)
              .invoke("echo", null, new byte[] {'{', '}'}, BUDGET)
              .block();

      assertThat(outcome).isInstanceOf(InvocationOutcome.Unreachable.class);
      assertThat(outcome.functionDidNotRun()).isTrue();
    }
  }

  private static InvocationOutcome invoke(
      String function, String qualifier, String payload, Duration budget) {
    return invoker
        .invoke(function, qualifier, payload.getBytes(StandardCharsets.UTF_8), budget)
        .block();
  }

  private static int countFor(String function) {
    return (int) lambda.received().stream().filter(i -> i.function().equals(function)).count();
  }

  static LambdaAsyncClient clientFor(URI endpoint) {
    return LambdaClients.create(
        new StranglerProperties.Lambda(
            endpoint,
            "eu-west-1",
            StranglerProperties.Lambda.Credentials.ANONYMOUS,
            16,
            Duration.ofSeconds(1),
            "000000000000",
            "strangler"));
  }
}
