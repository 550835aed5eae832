package dev.strangler.proxy.support;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The real demo monolith, started once per test JVM from its packaged jar, as a user runs it. Built
 * by the reactor before proxy-app ({@code ./mvnw verify} at the root).
 */
public final class Monolith {

  private static Monolith shared;

  private final JavaProcess process;
  private final URI url;

  private Monolith(JavaProcess process, URI url) {
    this.process = process;
    this.url = url;
  }

  public static synchronized Monolith shared() {
    if (shared == null) {
      shared = start();
      Runtime.getRuntime().addShutdownHook(new Thread(shared.process::close));
    }
    return shared;
  }

  private static Monolith start() {
    return start(List.of());
  }

  /** A monolith of the caller's own, e.g. serving its database to functions; close it after. */
  public static Monolith start(List<String> extraArgs) {
    Path jar = Path.of(System.getProperty("monolith.jar", "missing"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "The demo monolith jar is not built: "
              + jar
              + ". Run the tests from the repository root with ./mvnw verify.");
    }
    int port = FreePort.next();
    URI url = URI.create("http://127.0.0.1:" + port);
    List<String> launch =
        new java.util.ArrayList<>(
            List.of("-jar", jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1"));
    launch.addAll(extraArgs);
    JavaProcess process =
        JavaProcess.start("monolith", List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"), launch);
    process.awaitReady(url.resolve("/api/products"), Duration.ofSeconds(120));
    return new Monolith(process, url);
  }

  /** Base URL, e.g. {@code http://127.0.0.1:41234}. */
  public URI url() {
    return url;
  }

  public int port() {
    return url.getPort();
  }

  /** Stops a monolith started with {@link #start(List)}. */
  public void stop() {
    process.close();
  }
}
