package dev.strangler.functions.runtime;

import static dev.strangler.functions.runtime.testing.LambdaClients.invoke;
import static dev.strangler.functions.runtime.testing.LambdaClients.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.strangler.functions.runtime.testing.AdminApi;
import dev.strangler.functions.runtime.testing.FixtureCode;
import dev.strangler.functions.runtime.testing.LambdaClients;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.RequestTooLargeException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import tools.jackson.databind.JsonNode;

/** The Invoke API as the real AWS SDK client sees it, against fixture functions. */
class InvokeApiIntegrationTest {

  private static final String TEMPLATE =
      """
      AWSTemplateFormatVersion: "2010-09-09"
      Transform: AWS::Serverless-2016-10-31
      Parameters:
        Greeting:
          Type: String
          Default: hello
      Globals:
        Function:
          Runtime: java17
          CodeUri: fixtures.jar
          Timeout: 5
          MemorySize: 256
      Resources:
        EchoFunction:
          Type: AWS::Serverless::Function
          Properties:
            FunctionName: echo
            Handler: dev.strangler.functions.fixture.EchoHandler::handleRequest
            AutoPublishAlias: live
        ColdWarmFunction:
          Type: AWS::Serverless::Function
          Properties:
            FunctionName: cold-warm
            Handler: dev.strangler.functions.fixture.EchoHandler
        QueuedFunction:
          Type: AWS::Serverless::Function
          Properties:
            FunctionName: queued
            Handler: dev.strangler.functions.fixture.EchoHandler
        FailingFunction:
          Type: AWS::Serverless::Function
          Properties:
            FunctionName: failing
            Handler: dev.strangler.functions.fixture.FailingHandler::ship
        EnvironmentFunction:
          Type: AWS::Serverless::Function
          Properties:
            FunctionName: environment
            Handler: dev.strangler.functions.fixture.EnvironmentHandler::handleRequest
            Environment:
              Variables:
                GREETING: !Ref Greeting
                REGION_NOTE: !Sub "runs in ${AWS::Region}"
        SizedFunction:
          Type: AWS::Serverless::Function
          Properties:
            FunctionName: sized
            Handler: dev.strangler.functions.fixture.SizedAnswerHandler::handleRequest
            MemorySize: 1024
        ShoutingFunction:
          Type: AWS::Serverless::Function
          Properties:
            FunctionName: shouting
            CodeUri: classes
            Handler: dev.strangler.functions.fixture.ShoutingStreamHandler
        ExitingFunction:
          Type: AWS::Serverless::Function
          Properties:
            FunctionName: exiting
            Handler: dev.strangler.functions.fixture.ExitingHandler::handleRequest
        BrokenFunction:
          Type: AWS::Serverless::Function
          Properties:
            FunctionName: broken-init
            Handler: dev.strangler.functions.fixture.BrokenConstructorHandler
      """;

  @TempDir static Path folder;

  private static LocalLambdaRuntime runtime;
  private static LambdaAsyncClient lambda;
  private static AdminApi admin;

  @BeforeAll
  static void startRuntime() throws IOException {
    FixtureCode.jar(folder.resolve("fixtures.jar"));
    FixtureCode.folder(folder.resolve("classes"));
    Path template = Files.writeString(folder.resolve("template.yaml"), TEMPLATE);
    runtime =
        LocalLambdaRuntime.start(
            Config.defaults(template)
                .withPort(0)
                .withParameter("Greeting", "bonjour")
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
  void answersWithTheFunctionsJsonAndTheLatestVersion() {
    InvokeResponse response = invoke(lambda, request("echo", "{\"order\":42}").build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.functionError()).isNull();
    assertThat(response.executedVersion()).isEqualTo("$LATEST");
    JsonNode answer = AdminApi.parse(response.payload().asUtf8String());
    assertThat(answer.get("event").get("order").asInt()).isEqualTo(42);
    assertThat(answer.get("functionName").asString()).isEqualTo("echo");
    assertThat(answer.get("functionVersion").asString()).isEqualTo("$LATEST");
    assertThat(answer.get("memoryLimitInMB").asInt()).isEqualTo(256);
    assertThat(answer.get("remainingTimeInMillis").asInt()).isBetween(1, 5_000);
    assertThat(answer.get("invokedFunctionArn").asString())
        .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:echo");
    assertThat(answer.get("requestId").asString())
        .isEqualTo(response.responseMetadata().requestId());
  }

  @Test
  void runsThePublishedVersionThroughItsAliasVersionNumberOrArn() {
    for (InvokeResponse response :
        List.of(
            invoke(lambda, request("echo", "{}").qualifier("live").build()),
            invoke(lambda, request("echo:live", "{}").build()),
            invoke(lambda, request("echo", "{}").qualifier("1").build()),
            invoke(
                lambda,
                request("arn:aws:lambda:us-east-1:123456789012:function:echo:live", "{}").build()),
            invoke(lambda, request("EchoFunction", "{}").qualifier("live").build()))) {
      assertThat(response.executedVersion()).isEqualTo("1");
      assertThat(
              AdminApi.parse(response.payload().asUtf8String()).get("functionVersion").asString())
          .isEqualTo("1");
    }
    assertThat(invoke(lambda, request("echo", "{}").qualifier("$LATEST").build()).executedVersion())
        .isEqualTo("$LATEST");
  }

  @Test
  void answersResourceNotFoundForAnUnknownFunction() {
    ResourceNotFoundException notFound =
        catchThrowableOfType(
            ResourceNotFoundException.class, () -> invoke(lambda, request("nope", "{}").build()));

    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(notFound.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
    assertThat(notFound.awsErrorDetails().errorMessage())
        .isEqualTo("Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope");
  }

  @Test
  void answersResourceNotFoundForAnUnknownVersionOrAlias() {
    ResourceNotFoundException unknownVersion =
        catchThrowableOfType(
            ResourceNotFoundException.class,
            () -> invoke(lambda, request("echo", "{}").qualifier("2").build()));
    ResourceNotFoundException noAlias =
        catchThrowableOfType(
            ResourceNotFoundException.class,
            () -> invoke(lambda, request("failing:live", "{}").build()));

    assertThat(unknownVersion.awsErrorDetails().errorMessage())
        .isEqualTo("Function not found: arn:aws:lambda:us-east-1:123456789012:function:echo:2");
    assertThat(noAlias.awsErrorDetails().errorMessage()).endsWith(":function:failing:live");
  }

  @Test
  void reportsAnUncaughtExceptionAsAnUnhandledFunctionErrorWithItsJavaStackTrace() {
    InvokeResponse response = invoke(lambda, request("failing", "{\"id\":7}").build());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.functionError()).isEqualTo("Unhandled");
    JsonNode error = AdminApi.parse(response.payload().asUtf8String());
    assertThat(error.propertyNames()).containsExactly("errorMessage", "errorType", "stackTrace");
    assertThat(error.get("errorMessage").asString()).isEqualTo("order 7 cannot be shipped");
    assertThat(error.get("errorType").asString()).isEqualTo("java.lang.IllegalStateException");
    List<String> frames = error.get("stackTrace").valueStream().map(JsonNode::asString).toList();
    assertThat(frames.get(0))
        .startsWith("dev.strangler.functions.fixture.FailingHandler.ship(FailingHandler.java:");
    assertThat(frames).noneMatch(frame -> frame.startsWith("dev.strangler.functions.runtime."));
  }

  @Test
  void rejectsARequestLargerThanSixMegabytes() {
    String payload = "\"" + "a".repeat(6_291_456) + "\"";

    RequestTooLargeException tooLarge =
        catchThrowableOfType(
            RequestTooLargeException.class, () -> invoke(lambda, request("echo", payload).build()));

    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(tooLarge.awsErrorDetails().errorMessage())
        .isEqualTo("Request must be smaller than 6291456 bytes for the InvokeFunction operation");
  }

  @Test
  void reportsAnAnswerLargerThanSixMegabytesAsResponseSizeTooLarge() {
    InvokeResponse fits = invoke(lambda, request("sized", "{\"length\":1000}").build());
    InvokeResponse tooLarge = invoke(lambda, request("sized", "{\"length\":6300000}").build());

    assertThat(fits.functionError()).isNull();
    assertThat(fits.payload().asByteArray()).hasSize(1002);
    assertThat(tooLarge.statusCode()).isEqualTo(200);
    assertThat(tooLarge.functionError()).isEqualTo("Unhandled");
    assertThat(tooLarge.payload().asUtf8String())
        .isEqualTo(
            "{\"errorMessage\":\"Response payload size exceeded maximum allowed payload size"
                + " (6291556 bytes).\",\"errorType\":\"Function.ResponseSizeTooLarge\"}");
  }

  @Test
  void dryRunChecksTheFunctionWithoutRunningIt() {
    long before = admin.counter("echo", "invocations");

    InvokeResponse response =
        invoke(lambda, request("echo", "{}").invocationType(InvocationType.DRY_RUN).build());

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(admin.counter("echo", "invocations")).isEqualTo(before);
  }

  @Test
  void eventInvocationIsAcceptedAtOnceAndRunsInTheBackground() {
    InvokeResponse response =
        invoke(
            lambda,
            request("queued", "{\"async\":true}").invocationType(InvocationType.EVENT).build());

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.payload().asByteArray()).isEmpty();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(admin.counter("queued", "invocations")).isEqualTo(1));
  }

  @Test
  void tailLogHoldsThePlatformLinesAndWhatTheFunctionLogged() {
    InvokeResponse response = invoke(lambda, request("echo", "{}").logType(LogType.TAIL).build());

    String log =
        new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
    String requestId = response.responseMetadata().requestId();
    assertThat(log)
        .contains("START RequestId: " + requestId + " Version: $LATEST\n")
        .contains("echo prints to stdout\n")
        .contains("echo logs through the context logger\n")
        .contains("END RequestId: " + requestId + "\n")
        .containsPattern(
            "REPORT RequestId: "
                + requestId
                + "\tDuration: \\d+\\.\\d{2} ms\tBilled Duration: \\d+ ms\tMemory Size: 256 MB"
                + "\tMax Memory Used: \\d+ MB\t");
    assertThat(log.indexOf("START")).isLessThan(log.indexOf("echo prints"));
    assertThat(log.indexOf("echo prints")).isLessThan(log.indexOf("END"));
  }

  @Test
  void reportsInitDurationOnlyOnTheColdStart() {
    String first = tailOf(invoke(lambda, request("cold-warm", "{}").logType(LogType.TAIL).build()));
    String second =
        tailOf(invoke(lambda, request("cold-warm", "{}").logType(LogType.TAIL).build()));

    assertThat(first).containsPattern("\tInit Duration: \\d+\\.\\d{2} ms\t");
    assertThat(second).contains("REPORT RequestId").doesNotContain("Init Duration");
    assertThat(admin.counter("cold-warm", "coldStarts")).isEqualTo(1);
    assertThat(admin.function("cold-warm").get("warmEnvironments").asInt()).isEqualTo(1);
  }

  @Test
  void keepsStaticStateAndVariablesPerExecutionEnvironment() {
    JsonNode first = answerOf(invoke(lambda, request("environment", "{}").build()));
    JsonNode second = answerOf(invoke(lambda, request("environment", "{}").build()));
    admin.send("DELETE", "/_local/functions/environment/environments", null);
    JsonNode afterReset = answerOf(invoke(lambda, request("environment", "{}").build()));

    assertThat(first.get("invocationsInThisEnvironment").asInt()).isEqualTo(1);
    assertThat(second.get("invocationsInThisEnvironment").asInt()).isEqualTo(2);
    assertThat(afterReset.get("invocationsInThisEnvironment").asInt()).isEqualTo(1);
    assertThat(first.get("greeting").asString()).isEqualTo("bonjour");
    assertThat(first.get("variables").get("REGION_NOTE").asString()).isEqualTo("runs in us-east-1");
    assertThat(first.get("variables").get("AWS_LAMBDA_FUNCTION_NAME").asString())
        .isEqualTo("environment");
    Set<String> names = new TreeSet<>(first.get("variables").propertyNames());
    assertThat(names)
        .as("the template's variables and Lambda's own, none of the machine's")
        .containsExactlyInAnyOrder(
            "GREETING",
            "REGION_NOTE",
            "_HANDLER",
            "AWS_REGION",
            "AWS_DEFAULT_REGION",
            "AWS_EXECUTION_ENV",
            "AWS_LAMBDA_FUNCTION_NAME",
            "AWS_LAMBDA_FUNCTION_VERSION",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_INITIALIZATION_TYPE",
            "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME",
            "LAMBDA_TASK_ROOT",
            "LANG",
            "PATH",
            "TZ");
    assertThat(first.get("sees JDK").asBoolean()).isTrue();
    assertThat(first.get("sees the runtime").asBoolean()).isFalse();
    assertThat(first.get("sees the runtime's Jackson").asBoolean()).isFalse();
    assertThat(first.get("classLoader").asString()).startsWith("SandboxClassLoader[environment-");
  }

  @Test
  void handsTheRuntimesOwnContextToTheHandler() {
    JsonNode answer = answerOf(invoke(lambda, request("echo", "{}").build()));

    assertThat(answer.get("contextClass").asString())
        .isEqualTo("dev.strangler.functions.runtime.sandbox.LocalContext");
  }

  @Test
  void runsARawStreamHandlerFromAFolderOfClasses() {
    InvokeResponse response = invoke(lambda, request("shouting", "{\"say\":\"hi\"}").build());

    assertThat(response.payload().asUtf8String()).isEqualTo("{\"SAY\":\"HI\"}");
  }

  @Test
  void survivesAFunctionThatCallsSystemExitAndStartsItAgainCold() {
    InvokeResponse exited = invoke(lambda, request("exiting", "{}").build());
    InvokeResponse again = invoke(lambda, request("exiting", "{}").build());

    assertThat(exited.functionError()).isEqualTo("Unhandled");
    JsonNode error = answerOf(exited);
    assertThat(error.get("errorType").asString()).isEqualTo("Runtime.ExitError");
    assertThat(error.get("errorMessage").asString())
        .isEqualTo(
            "RequestId: "
                + exited.responseMetadata().requestId()
                + " Error: Runtime exited with error: exit status 3");
    assertThat(again.functionError()).isEqualTo("Unhandled");
    assertThat(admin.counter("exiting", "coldStarts")).isEqualTo(2);
  }

  @Test
  void reportsAFailedInitPhaseAndRetriesItOnTheNextInvocation() {
    InvokeResponse first = invoke(lambda, request("broken-init", "{}").build());
    invoke(lambda, request("broken-init", "{}").build());

    assertThat(first.functionError()).isEqualTo("Unhandled");
    assertThat(first.payload().asUtf8String())
        .isEqualTo(
            "{\"errorMessage\":\"the database password is missing\","
                + "\"errorType\":\"java.lang.IllegalStateException\"}");
    assertThat(admin.counter("broken-init", "coldStarts")).isEqualTo(2);
  }

  @Test
  void rejectsAPayloadThatIsNotJson() {
    InvalidRequestContentException invalid =
        catchThrowableOfType(
            InvalidRequestContentException.class,
            () -> invoke(lambda, request("echo", "not json").build()));

    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.awsErrorDetails().errorMessage())
        .startsWith("Could not parse request body into json: Could not parse payload into json:");
  }

  @Test
  void hasTheFunctionHandleAnEmptyPayloadAsAnEmptyObject() {
    InvokeResponse response =
        invoke(lambda, request("echo", "").payload(SdkBytes.fromByteArray(new byte[0])).build());

    assertThat(answerOf(response).get("event").isObject()).isTrue();
    assertThat(answerOf(response).get("event").size()).isZero();
  }

  @Test
  void acceptsUnsignedRequests() {
    HttpResponse<String> response =
        admin.send("POST", "/2015-03-31/functions/echo/invocations?Qualifier=live", "{\"a\":1}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Amz-Executed-Version")).hasValue("1");
    assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    assertThat(AdminApi.parse(response.body()).get("event").get("a").asInt()).isEqualTo(1);
  }

  @Test
  void answersUnknownOperationForPathsOutsideTheInvokeApi() {
    HttpResponse<String> response = admin.send("GET", "/2015-03-31/functions", null);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("x-amzn-ErrorType"))
        .hasValue("UnknownOperationException");
  }

  private static String tailOf(InvokeResponse response) {
    return new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
  }

  private static JsonNode answerOf(InvokeResponse response) {
    return AdminApi.parse(response.payload().asUtf8String());
  }
}
