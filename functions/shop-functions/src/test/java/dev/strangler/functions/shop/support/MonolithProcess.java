package dev.strangler.functions.shop.support;

import static org.awaitility.Awaitility.await;

import dev.strangler.functions.shop.db.DatabaseSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * The real demo monolith, started from its packaged jar on a free loopback port with its own fresh
 * in-memory database, as a user runs it. The reactor builds it before this module.
 */
public final class MonolithProcess implements AutoCloseable {

  private final Process process;
  private final Path log;
  private final int port;
  private final Optional<DatabaseSettings> sharedDatabase;

  private MonolithProcess(
      Process process, Path log, int port, Optional<DatabaseSettings> sharedDatabase) {
    this.process = process;
    this.log = log;
    this.port = port;
    this.sharedDatabase = sharedDatabase;
  }

  /** A monolith whose database only it can reach. */
  public static MonolithProcess start() {
    return start(List.of(), Optional.empty());
  }

  /**
   * A monolith that also serves its database over H2's TCP protocol on a free loopback port, as
   * {@code demo.sh} runs it (profile {@code shared-db}), for functions that write to its tables.
   */
  public static MonolithProcess startSharingItsDatabase() {
    int databasePort = freePort();
    DatabaseSettings database =
        new DatabaseSettings("jdbc:h2:tcp://127.0.0.1:" + databasePort + "/mem:shop", "sa", "");
    return start(
        List.of("--spring.profiles.active=shared-db", "--shop.database.tcp-port=" + databasePort),
        Optional.of(database));
  }

  private static MonolithProcess start(
      List<String> arguments, Optional<DatabaseSettings> sharedDatabase) {
    Path jar = Path.of(System.getProperty("monolith.jar", "missing"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "The demo monolith jar is not built: "
              + jar
              + ". Run ./mvnw verify from the repository root, which builds it first.");
    }
    int port = freePort();
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--server.address=127.0.0.1"));
    command.addAll(arguments);
    try {
      Path log = Files.createTempFile("monolith-", ".log");
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      MonolithProcess monolith = new MonolithProcess(process, log, port, sharedDatabase);
      monolith.awaitReady();
      return monolith;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  /** Where functions reach this monolith's database; only for {@link #startSharingItsDatabase}. */
  public DatabaseSettings sharedDatabase() {
    return sharedDatabase.orElseThrow(
        () -> new IllegalStateException("this monolith keeps its database to itself"));
  }

  private void awaitReady() {
    try {
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(100))
          .ignoreExceptions()
          .failFast("the monolith exited", () -> !process.isAlive())
          .until(
              () ->
                  RawHttp.send(port, "GET", "/api/products/1", Map.of(), new byte[0]).status()
                      == 200);
    } catch (ConditionTimeoutException | TerminalFailureException e) {
      close();
      throw new IllegalStateException("The monolith did not start:\n" + output(), e);
    }
  }

  private String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
