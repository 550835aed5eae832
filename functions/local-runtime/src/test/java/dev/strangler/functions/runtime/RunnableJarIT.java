package dev.strangler.functions.runtime;

import static dev.strangler.functions.runtime.testing.LambdaClients.invoke;
import static dev.strangler.functions.runtime.testing.LambdaClients.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.functions.runtime.testing.AdminApi;
import dev.strangler.functions.runtime.testing.FixtureCode;
import dev.strangler.functions.runtime.testing.LambdaClients;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;

/** The packaged jar as users run it: {@code java -jar}, a printed URL, SIGTERM to stop. */
class RunnableJarIT {

  private static final Pattern LISTENING =
      Pattern.compile(
          "Local Lambda runtime listening on (http://127\\.0\\.0\\.1:\\d+) \\(functions: (.*)\\)");

  @TempDir Path folder;

  @Test
  void startsFromTheCommandLineServesTheSdkAndStopsOnSigterm() throws Exception {
    FixtureCode.jar(folder.resolve("fixtures.jar"));
    Path template =
        Files.writeString(
            folder.resolve("template.yaml"),
            """
            Parameters:
              Greeting: {Type: String, Default: hello}
            Resources:
              Echo:
                Type: AWS::Serverless::Function
                Properties:
                  FunctionName: echo
                  CodeUri: fixtures.jar
                  Handler: dev.strangler.functions.fixture.EchoHandler
                  Runtime: java17
            """);
    // A file, not a pipe: the JDK may drop what a pipe still holds when the process ends.
    Path output = folder.resolve("output.txt");
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("runtime.jar"),
                "--template",
                template.toString(),
                "--port",
                "0",
                "--parameter",
                "Greeting=hi",
                "--quiet")
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    try {
      Matcher started =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> listeningLine(output), Optional::isPresent)
              .orElseThrow();
      URI url = URI.create(started.group(1));
      assertThat(started.group(2)).isEqualTo("echo");
      assertThat(new AdminApi(url).json("/_local/health").get("status").asString()).isEqualTo("UP");
      try (LambdaAsyncClient lambda = LambdaClients.signingClient(url)) {
        assertThat(
                invoke(lambda, request("echo", "{}").invocationType(InvocationType.DRY_RUN).build())
                    .statusCode())
            .isEqualTo(204);
        assertThat(invoke(lambda, request("echo", "{\"n\":1}").build()).payload().asUtf8String())
            .contains("\"event\":{\"n\":1}");
      }
    } finally {
      process.destroy(); // SIGTERM
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(process.exitValue()).isEqualTo(143);
    assertThat(Files.readAllLines(output)).endsWith("Local Lambda runtime stopped");
  }

  private static Optional<Matcher> listeningLine(Path output) throws IOException {
    return Files.readAllLines(output).stream()
        .map(LISTENING::matcher)
        .filter(Matcher::matches)
        .findFirst();
  }
}
