package dev.strangler.functions.runtime;

import static dev.strangler.functions.runtime.testing.LambdaClients.invoke;
import static dev.strangler.functions.runtime.testing.LambdaClients.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.strangler.functions.runtime.testing.AdminApi;
import dev.strangler.functions.runtime.testing.FixtureCode;
import dev.strangler.functions.runtime.testing.Gate;
import dev.strangler.functions.runtime.testing.LambdaClients;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;
import tools.jackson.databind.JsonNode;

/** Concurrency limits, timeouts and the life of execution environments. */
class ConcurrencyAndLifecycleIntegrationTest {

  private static final Duration IDLE_TIMEOUT = Duration.ofMillis(400);

  private static final String TEMPLATE =
      """
      Resources:
        GateFunction:
          Type: AWS::Serverless::Function
          Properties:
            FunctionName: gate
            CodeUri: fixtures.jar
            Handler: dev.strangler.functions.fixture.GateHandler
            Runtime: java17
            Timeout: 30
            ReservedConcurrentExecutions: 2
        UnreservedGateFunction:
          Type: AWS::Serverless::Function
          Properties:
            FunctionName: unreserved-gate
            CodeUri: fixtures.jar
            Handler: dev.strangler.functions.fixture.GateHandler
            Runtime: java17
            Timeout: 30
        SleepyFunction:
          Type: AWS::Serverless::Function
          Properties:
            FunctionName: sleepy
            CodeUri: fixtures.jar
            Handler: dev.strangler.functions.fixture.GateHandler
            Runtime: java17
            Timeout: 1
        IdleFunction:
          Type: AWS::Serverless::Function
          Properties:
            FunctionName: idle
            CodeUri: fixtures.jar
            Handler: dev.strangler.functions.fixture.EchoHandler
            Runtime: java17
      """;

  @TempDir static Path folder;

  private static LocalLambdaRuntime runtime;
  private static LambdaAsyncClient lambda;
  private static AdminApi admin;

  @BeforeAll
  static void startRuntime() throws IOException {
    FixtureCode.jar(folder.resolve("fixtures.jar"));
    Path template = Files.writeString(folder.resolve("template.yaml"), TEMPLATE);
    runtime =
        LocalLambdaRuntime.start(
            Config.defaults(template)
                .withPort(0)
                .withIdleTimeout(IDLE_TIMEOUT)
                .withDefaultConcurrency(3)
                .withFunctionLogs(new PrintStream(OutputStream.nullOutputStream())));
    lambda = LambdaClients.signingClient(runtime.url());
    admin = new AdminApi(runtime.url());
  }

  @AfterAll
  static void stopRuntime() {
    lambda.close();
    runtime.close();
  }

  @Test
  void throttlesTheInvocationBeyondTheReservedConcurrency() throws Exception {
    try (Gate gate = new Gate(2)) {
      List<CompletableFuture<InvokeResponse>> held =
          IntStream.range(0, 2)
              .mapToObj(i -> lambda.invoke(request("gate", gate.event()).build()))
              .toList();
      gate.awaitEntered();

      TooManyRequestsException throttled =
          catchThrowableOfType(
              TooManyRequestsException.class,
              () -> invoke(lambda, request("gate", gate.event()).build()));

      assertThat(throttled.statusCode()).isEqualTo(429);
      assertThat(throttled.reasonAsString())
          .isEqualTo("ReservedFunctionConcurrentInvocationLimitExceeded");
      assertThat(throttled.type()).isEqualTo("User");
      assertThat(throttled.awsErrorDetails().errorMessage()).isEqualTo("Rate Exceeded.");
      assertThat(admin.function("gate").get("busyEnvironments").asInt()).isEqualTo(2);
      gate.open();
      for (CompletableFuture<InvokeResponse> call : held) {
        assertThat(call.join().payload().asUtf8String())
            .isEqualTo("\"passed " + gate.name() + "\"");
      }
    }
    try (Gate later = new Gate(1)) {
      later.open();
      assertThat(invoke(lambda, request("gate", later.event()).build()).functionError()).isNull();
    }
  }

  @Test
  void throttlesFunctionsWithoutReservationAtTheDefaultConcurrency() throws Exception {
    try (Gate gate = new Gate(3)) {
      List<CompletableFuture<InvokeResponse>> held =
          IntStream.range(0, 3)
              .mapToObj(i -> lambda.invoke(request("unreserved-gate", gate.event()).build()))
              .toList();
      gate.awaitEntered();

      TooManyRequestsException throttled =
          catchThrowableOfType(
              TooManyRequestsException.class,
              () -> invoke(lambda, request("unreserved-gate", gate.event()).build()));

      assertThat(throttled.reasonAsString()).isEqualTo("ConcurrentInvocationLimitExceeded");
      gate.open();
      held.forEach(CompletableFuture::join);
    }
  }

  @Test
  void endsAnInvocationThatOutlivesItsTimeoutAndDiscardsTheEnvironment() throws Exception {
    try (Gate neverOpened = new Gate(1)) {
      InvokeResponse response =
          invoke(lambda, request("sleepy", neverOpened.event()).logType(LogType.TAIL).build());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.functionError()).isEqualTo("Unhandled");
      String requestId = response.responseMetadata().requestId();
      assertThat(response.payload().asUtf8String())
          .isEqualTo(
              "{\"errorMessage\":\"RequestId: "
                  + requestId
                  + " Error: Task timed out after 1.00 seconds\",\"errorType\":\"Sandbox.Timedout\"}");
      String log =
          new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
      assertThat(log)
          .containsPattern(
              "\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z "
                  + requestId
                  + " Task timed out after 1.00 seconds\n")
          .contains("END RequestId: " + requestId)
          .containsPattern("REPORT RequestId: " + requestId + "\t.*Status: timeout");
      JsonNode status = admin.function("sleepy");
      assertThat(status.get("timeouts").asInt()).isEqualTo(1);
      assertThat(status.get("warmEnvironments").asInt() + status.get("busyEnvironments").asInt())
          .as("the timed-out environment is gone")
          .isZero();
    }
  }

  @Test
  void reapsWarmEnvironmentsAfterTheIdleTimeout() {
    invoke(lambda, request("idle", "{}").build());
    assertThat(admin.counter("idle", "coldStarts")).isEqualTo(1);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(admin.counter("idle", "warmEnvironments")).isZero());
    String log =
        new String(
            Base64.getDecoder()
                .decode(
                    invoke(lambda, request("idle", "{}").logType(LogType.TAIL).build())
                        .logResult()),
            StandardCharsets.UTF_8);

    assertThat(log).contains("Init Duration");
    assertThat(admin.counter("idle", "coldStarts")).isEqualTo(2);
  }
}
