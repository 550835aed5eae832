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

  private final List<String> launch;
  private final URI url;
  private volatile JavaProcess process;

  private LocalLambda(List<String> launch, URI url) {
    this.launch = launch;
    this.url = url;
    this.process = launch(launch, url);
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
    return new LocalLambda(
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
            "DbUrl=" + dbUrl),
        URI.create("http://127.0.0.1:" + port));
  }

  private static JavaProcess launch(List<String> launch, URI url) {
    JavaProcess process =
        JavaProcess.start("local-lambda", List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"), launch);
    process.awaitReady(url.resolve("/_local/health"), Duration.ofSeconds(60));
    return process;
  }

  /** Stops the runtime's process: its port refuses connections until {@link #restart()}. */
  public void stop() {
    process.close();
  }

  /** Starts the runtime again on the same port, with cold functions. */
  public void restart() {
    process.close();
    process = launch(launch, url);
  }

  public URI url() {
    return url;
  }

  @Override
  public void close() {
    process.close();
  }
}
