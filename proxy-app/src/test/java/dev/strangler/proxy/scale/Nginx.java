package dev.strangler.proxy.scale;

import static org.awaitility.Awaitility.await;

import dev.strangler.proxy.support.FreePort;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * nginx on loopback as the load balancer in front of proxy replicas, as ingress-nginx or any
 * reverse proxy stands in front of the pods. It runs in the foreground ({@code daemon off}) from a
 * configuration generated into a directory of the test's, with every path (pid, logs, temp files)
 * inside it, so it needs no root and touches nothing of the system's nginx.
 */
final class Nginx implements AutoCloseable {

  /** The header in which nginx names the upstream servers it tried, e.g. {@code a:1, b:2}. */
  static final String UPSTREAM_HEADER = "X-Upstream";

  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(20);

  private final Path executable;
  private final Path dir;
  private final int port;
  private final Process master;

  private Nginx(Path executable, Path dir, int port, Process master) {
    this.executable = executable;
    this.dir = dir;
    this.port = port;
    this.master = master;
  }

  /** Starts nginx in {@code dir}, balancing over {@code servers} ({@code host:port} each). */
  static Nginx start(Path dir, List<String> servers) throws IOException, InterruptedException {
    Path executable = executable();
    // A master started as root runs its workers as an unprivileged user, which must reach here.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    int port = FreePort.next();
    writeConfig(dir, port, servers);
    run(executable, dir, "-t", "-q");
    Process master =
        new ProcessBuilder(command(executable, dir))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("nginx.out").toFile())
            .start();
    Nginx nginx = new Nginx(executable, dir, port, master);
    await("nginx listening on 127.0.0.1:" + port)
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(50))
        .ignoreExceptions()
        .until(
            () -> {
              if (!master.isAlive()) {
                throw new AssertionError("nginx exited at start:\n" + nginx.errorLog());
              }
              new Socket(InetAddress.getLoopbackAddress(), port).close();
              return true;
            });
    return nginx;
  }

  /**
   * Replaces the upstream servers and reloads, as ingress-nginx does when a Service's endpoints
   * change: new workers take new connections, old ones finish what they serve and exit.
   */
  void reload(List<String> servers) throws IOException, InterruptedException {
    writeConfig(dir, port, servers);
    run(executable, dir, "-s", "reload");
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + port);
  }

  String errorLog() {
    try {
      Path log = dir.resolve("error.log");
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fast shutdown (SIGTERM to the master, which stops its workers). */
  @Override
  public void close() {
    master.destroy();
    try {
      if (!master.waitFor(10, TimeUnit.SECONDS)) {
        master.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      master.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The nginx binary: {@code -Dnginx=PATH}, else the first on the PATH or in the sbin directories
   * (where Debian installs it, often not on a user's PATH).
   */
  static Path executable() {
    String configured = System.getProperty("nginx");
    Stream<Path> candidates;
    String searched;
    if (configured != null && !configured.isBlank()) {
      candidates = Stream.of(Path.of(configured));
      searched = "-Dnginx=" + configured + " is not an executable file";
    } else {
      String path = System.getenv().getOrDefault("PATH", "");
      candidates =
          Stream.concat(
                  Stream.of(path.split(File.pathSeparator)).filter(entry -> !entry.isEmpty()),
                  Stream.of("/usr/sbin", "/usr/local/sbin", "/sbin"))
              .map(entry -> Path.of(entry, "nginx"));
      searched = "nginx is not installed (searched the PATH, /usr/sbin, /usr/local/sbin, /sbin)";
    }
    return candidates
        .filter(Files::isExecutable)
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    searched
                        + ": the rolling restart test runs nginx on loopback as the load balancer"
                        + " in front of the proxy replicas. .ci/run installs it (apt-get install"
                        + " nginx); or name one with -Dnginx=PATH."));
  }

  private static List<String> command(Path executable, Path dir, String... extra) {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(
        List.of(
            "-p",
            dir.toString(),
            "-c",
            dir.resolve("nginx.conf").toString(),
            "-e",
            dir.resolve("error.log").toString()));
    command.addAll(List.of(extra));
    return command;
  }

  private static void run(Path executable, Path dir, String... args)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "nginx-command", ".out");
    Process process =
        new ProcessBuilder(command(executable, dir, args))
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("nginx " + String.join(" ", args) + " took over " + COMMAND_TIMEOUT);
    }
    if (process.exitValue() != 0) {
      throw new AssertionError(
          "nginx "
              + String.join(" ", args)
              + " exited "
              + process.exitValue()
              + ":\n"
              + Files.readString(out, StandardCharsets.UTF_8));
    }
  }

  private static void writeConfig(Path dir, int port, List<String> servers) throws IOException {
    String upstreams =
        servers.stream()
            .map(server -> "    server " + server + " max_fails=1 fail_timeout=2s;")
            .collect(Collectors.joining("\n"));
    Files.writeString(
        dir.resolve("nginx.conf"),
        """
        # generated by the rolling restart test
        worker_processes 1;
        daemon off;
        pid %1$s/nginx.pid;
        error_log %1$s/error.log warn;

        events {
          worker_connections 1024;
        }

        http {
          access_log off;
          client_body_temp_path %1$s/client_body;
          proxy_temp_path %1$s/proxy;
          fastcgi_temp_path %1$s/fastcgi;
          uwsgi_temp_path %1$s/uwsgi;
          scgi_temp_path %1$s/scgi;
          keepalive_requests 100000;

          upstream proxies {
        %2$s
            keepalive 16;
          }

          server {
            listen 127.0.0.1:%3$d;
            location / {
              proxy_pass http://proxies;
              proxy_http_version 1.1;
              proxy_set_header Connection "";
              proxy_set_header Host $http_host;
              proxy_connect_timeout 2s;
              proxy_read_timeout 30s;
              # Retry on a connection error only (refused, reset, closed before the answer's
              # head), never on a timeout or an error status: a replica that stops must answer
              # what it accepted, in full. nginx never retries a POST, PATCH or LOCK once sent
              # (that needs "non_idempotent"), nor a request whose answer it began to receive.
              proxy_next_upstream error;
              proxy_next_upstream_tries 2;
              proxy_next_upstream_timeout 20s;
              add_header %4$s $upstream_addr always;
            }
          }
        }
        """
            .formatted(dir, upstreams, port, UPSTREAM_HEADER),
        StandardCharsets.UTF_8);
  }
}
