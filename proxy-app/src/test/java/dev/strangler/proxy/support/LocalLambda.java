package dev.strangler.proxy.support;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The project's local Lambda runtime with the built shop functions, started from its packaged jar
 * as its own process, as the demo runs it.
 */
public final class LocalLambda implements AutoCloseable {

  private final JavaProcess process;
  private final URI url;

  private LocalLambda(JavaProcess process, URI url) {
    this.process = process;
    this.url = url;
  }

  /** Starts the runtime with {@code functions/template.yaml} and the given database URL. */
  public static LocalLambda start(String dbUrl) {
    Path jar = Path.of(System.getProperty("lambda-runtime.jar", "missing"));
    Path template = Path.of(System.getProperty("functions.template", "missing"));
    if (!Files.isRegularFile(jar) || !Files.isRegularFile(template)) {
      throw new IllegalStateException(
          "The local Lambda runtime or the functions are not built ("
              + jar
              + ", "
              + template
              + "). Run the tests from the repository root with ./mvnw verify.");
    }
    int port = FreePort.next();
    JavaProcess process =
        JavaProcess.start(
            "local-lambda",
            List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"),
            List.of(
                "-jar",
                jar.toString(),
                "--template",
                template.toString(),
                "--host",
                "127.0.0.1",
                "--port",
                String.valueOf(port),
                "--parameter",
                "DbUrl=" + dbUrl));
    URI url = URI.create("http://127.0.0.1:" + port);
    process.awaitReady(url.resolve("/_local/health"), Duration.ofSeconds(60));
    return new LocalLambda(process, url);
  }

  public URI url() {
    return url;
  }

  @Override
  public void close() {
    process.close();
  }
}
