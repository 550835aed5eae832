package dev.strangler.proxy.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A JVM started by a test as its own OS process, with its output kept in a file. */
public final class JavaProcess implements AutoCloseable {

  private final Process process;
  private final Path log;

  private JavaProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code java <jvmArgs> <launch...>} where launch is {@code -jar x} or {@code -cp cp
   * Main}.
   */
  public static JavaProcess start(String name, List<String> jvmArgs, List<String> launch) {
    return start(name, List.of(), jvmArgs, launch);
  }

  /**
   * Starts {@code <commandPrefix...> java <jvmArgs> <launch...>}: the prefix is a program that runs
   * the JVM in its own process, such as {@code prlimit --nofile=1024:1024 --}.
   */
  public static JavaProcess start(
      String name, List<String> commandPrefix, List<String> jvmArgs, List<String> launch) {
    List<String> command = new ArrayList<>(commandPrefix);
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.addAll(launch);
    try {
      Path log = Files.createTempFile(name + "-", ".log");
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      return new JavaProcess(process, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs a class of this test's classpath in a new JVM. */
  public static JavaProcess startMain(
      String name, List<String> jvmArgs, Class<?> mainClass, List<String> args) {
    return startMain(name, List.of(), jvmArgs, mainClass, args);
  }

  /** Runs a class of this test's classpath in a new JVM started under {@code commandPrefix}. */
  public static JavaProcess startMain(
      String name,
      List<String> commandPrefix,
      List<String> jvmArgs,
      Class<?> mainClass,
      List<String> args) {
    List<String> launch = new ArrayList<>(List.of("-cp", System.getProperty("java.class.path")));
    launch.add(mainClass.getName());
    launch.addAll(args);
    return start(name, commandPrefix, jvmArgs, launch);
  }

  /** Waits until {@code url} answers 2xx, failing early with the log if the process dies. */
  public JavaProcess awaitReady(URI url, Duration timeout) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new AssertionError("process exited early:\n" + output());
              }
              HttpResponse<Void> response =
                  client.send(
                      HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build(),
                      HttpResponse.BodyHandlers.discarding());
              return response.statusCode() / 100 == 2;
            });
    if (!process.isAlive()) {
      throw new AssertionError("process exited early:\n" + output());
    }
    return this;
  }

  public Process process() {
    return process;
  }

  public String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for the process to end by itself and returns its exit code. */
  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("process did not exit within " + timeout + ":\n" + output());
    }
    return process.exitValue();
  }

  /** Sends SIGTERM, as Kubernetes and systemd do. */
  public void terminate() {
    process.destroy();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
