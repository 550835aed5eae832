package dev.strangler.functions.runtime;

import static dev.strangler.functions.runtime.testing.LambdaClients.invoke;
import static dev.strangler.functions.runtime.testing.LambdaClients.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.strangler.functions.runtime.testing.AdminApi;
import dev.strangler.functions.runtime.testing.FixtureCode;
import dev.strangler.functions.runtime.testing.LambdaClients;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;
import tools.jackson.databind.JsonNode;

/** Faults switched on and off through the admin API while the runtime runs. */
class FaultInjectionIntegrationTest {

  private static final String TEMPLATE =
      """
      Resources:
        OrdersFunction:
          Type: AWS::Serverless::Function
          Properties:
            FunctionName: orders
            CodeUri: fixtures.jar
            Handler: dev.strangler.functions.fixture.EchoHandler
            Runtime: java17
            Timeout: 1
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
                .withFunctionLogs(new PrintStream(OutputStream.nullOutputStream())));
    lambda = LambdaClients.signingClient(runtime.url());
    admin = new AdminApi(runtime.url());
  }

  @AfterAll
  static void stopRuntime() {
    lambda.close();
    runtime.close();
  }

  @AfterEach
  void clearFaults() {
    assertThat(admin.send("DELETE", "/_local/faults", null).statusCode()).isEqualTo(204);
  }

  @Test
  void injectedExceptionFailsEveryInvocationUntilCleared() {
    HttpResponse<String> set =
        admin.send("PUT", "/_local/faults/orders", "{\"throw\":\"database is down\"}");
    InvokeResponse failed = invoke(lambda, request("orders", "{}").build());
    admin.send("DELETE", "/_local/faults/orders", null);
    InvokeResponse recovered = invoke(lambda, request("orders", "{}").build());

    assertThat(set.statusCode()).isEqualTo(200);
    assertThat(failed.functionError()).isEqualTo("Unhandled");
    JsonNode error = AdminApi.parse(failed.payload().asUtf8String());
    assertThat(error.get("errorMessage").asString()).isEqualTo("database is down");
    assertThat(error.get("errorType").asString()).isEqualTo("java.lang.RuntimeException");
    assertThat(recovered.functionError()).isNull();
  }

  @Test
  void injectedLatencyDelaysTheAnswer() {
    invoke(lambda, request("orders", "{}").build()); // warm, so that init time does not count
    admin.send("PUT", "/_local/faults/orders", "{\"latencyMs\":300}");

    long start = System.nanoTime();
    InvokeResponse slow = invoke(lambda, request("orders", "{}").build());
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(slow.functionError()).isNull();
    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void injectedTimeoutEndsTheInvocationAtTheFunctionsTimeout() {
    admin.send("PUT", "/_local/faults/orders", "{\"timeout\":true}");

    InvokeResponse response = invoke(lambda, request("orders", "{}").build());

    assertThat(response.functionError()).isEqualTo("Unhandled");
    assertThat(AdminApi.parse(response.payload().asUtf8String()).get("errorType").asString())
        .isEqualTo("Sandbox.Timedout");
  }

  @Test
  void injectedThrottleAnswersTooManyRequests() {
    admin.send("PUT", "/_local/faults/orders", "{\"throttle\":true}");

    TooManyRequestsException throttled =
        catchThrowableOfType(
            TooManyRequestsException.class, () -> invoke(lambda, request("orders", "{}").build()));

    assertThat(throttled.statusCode()).isEqualTo(429);
  }

  @Test
  void throttleNextThrottlesThatManyInvocationsThenRunsTheFunctionAgain() {
    long throttledBefore = admin.function("orders").get("throttles").asLong();
    admin.send("PUT", "/_local/faults/orders", "{\"throttleNext\":2}");

    for (int i = 0; i < 2; i++) {
      assertThat(
              catchThrowableOfType(
                  TooManyRequestsException.class,
                  () -> invoke(lambda, request("orders", "{}").build())))
          .as("invocation %d", i + 1)
          .isNotNull();
    }
    InvokeResponse third = invoke(lambda, request("orders", "{}").build());

    assertThat(third.functionError()).isNull();
    assertThat(admin.json("/_local/faults").has("orders")).as("the burst is used up").isFalse();
    assertThat(admin.function("orders").get("throttles").asLong() - throttledBefore).isEqualTo(2);
  }

  @Test
  void injectedMalformedAnswerIsNotJson() {
    admin.send("PUT", "/_local/faults/orders", "{\"malformed\":true}");

    InvokeResponse response = invoke(lambda, request("orders", "{}").build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.functionError()).isNull();
    assertThat(response.payload().asUtf8String())
        .startsWith("{\"statusCode\":200,\"body\":\"<html>");
    assertThat(
            catchThrowableOfType(
                RuntimeException.class, () -> AdminApi.parse(response.payload().asUtf8String())))
        .isNotNull();
  }

  @Test
  void listsTheFaultsAndTheFunctionsTheyApplyTo() {
    admin.send("PUT", "/_local/faults/OrdersFunction", "{\"latencyMs\":5,\"throw\":\"x\"}");

    JsonNode faults = admin.json("/_local/faults");
    JsonNode function = admin.function("orders");

    assertThat(faults.get("orders").get("latencyMs").asInt()).isEqualTo(5);
    assertThat(faults.get("orders").get("throw").asString()).isEqualTo("x");
    assertThat(function.get("fault").get("throw").asString()).isEqualTo("x");
  }

  @Test
  void rejectsAnUnknownFaultOrFunction() {
    HttpResponse<String> unknownFault =
        admin.send("PUT", "/_local/faults/orders", "{\"explode\":true}");
    HttpResponse<String> unknownFunction =
        admin.send("PUT", "/_local/faults/nope", "{\"throttle\":true}");
    HttpResponse<String> notJson = admin.send("PUT", "/_local/faults/orders", "throttle");

    assertThat(unknownFault.statusCode()).isEqualTo(400);
    assertThat(unknownFault.body()).contains("Unknown fault 'explode'");
    assertThat(unknownFunction.statusCode()).isEqualTo(404);
    assertThat(notJson.statusCode()).isEqualTo(400);
  }

  @Test
  void reportsHealth() {
    JsonNode health = admin.json("/_local/health");

    assertThat(health.get("status").asString()).isEqualTo("UP");
    assertThat(health.get("functions").asInt()).isEqualTo(1);
  }
}
