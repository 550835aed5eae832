package dev.strangler.proxy.monolith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.strangler.proxy.support.ProxyProcess;
import dev.strangler.proxy.support.RawHttp;
import dev.strangler.proxy.support.ScriptedUpstream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** On SIGTERM the proxy refuses new connections and lets requests in flight finish. */
class GracefulShutdownIntegrationTest {

  private static final String ANSWER =
      "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 8\r\n\r\nfinished";

  /**
   * Kept-alive connections on SIGTERM: the one with a request in flight gets its whole answer,
   * marked {@code Connection: close}, and then a FIN; the idle one gets a FIN, not a reset, once it
   * has rested a second (a load balancer may be sending on a connection it just used).
   */
  @Test
  void answersTheRequestInFlightWithConnectionCloseAndClosesIdleConnectionsCleanly()
      throws Exception {
    try (HoldingUpstream upstream = new HoldingUpstream();
        ProxyProcess.Started proxy = ProxyProcess.start(List.of("-Xmx128m"), upstream.url());
        Socket idle = keptAlive(proxy);
        Socket busy = keptAlive(proxy)) {
      send(idle, "/quick");
      RawHttp.Response first = RawHttp.read(idle.getInputStream());
      assertThat(first.status()).isEqualTo(200);
      assertThat(first.values("Connection")).doesNotContain("close");
      send(busy, "/hold");
      assertThat(upstream.held.await(30, TimeUnit.SECONDS)).isTrue();

      proxy.process().terminate();
      awaitListenerClosed(proxy);

      assertThat(idle.getInputStream().read())
          .as("the idle connection is closed with a FIN (end of stream), not reset")
          .isEqualTo(-1);
      assertThat(busy.isClosed()).isFalse();
      upstream.release.countDown();
      RawHttp.Response answer = RawHttp.read(busy.getInputStream());
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.bodyText()).isEqualTo("finished");
      assertThat(answer.values("Connection")).containsExactly("close");
      assertThat(busy.getInputStream().read()).as("then the connection ends").isEqualTo(-1);
      assertThat(proxy.process().awaitExit(Duration.ofSeconds(30))).isEqualTo(143);
    }
  }

  private static Socket keptAlive(ProxyProcess.Started proxy) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.url().getPort());
    socket.setSoTimeout(20_000);
    return socket;
  }

  private static void send(Socket socket, String path) throws IOException {
    socket
        .getOutputStream()
        .write(
            ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
    socket.getOutputStream().flush();
  }

  private static void awaitListenerClosed(ProxyProcess.Started proxy) {
    int port = proxy.url().getPort();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                    .isInstanceOf(ConnectException.class));
  }

  /** Answers every request at once, except those for {@code /hold}: those wait for release. */
  private static final class HoldingUpstream implements AutoCloseable {
    final CountDownLatch held = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final ExecutorService workers = Executors.newCachedThreadPool();

    HoldingUpstream() throws IOException {
      workers.submit(this::accept);
    }

    URI url() {
      return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    private Void accept() throws IOException {
      while (!server.isClosed()) {
        Socket socket = server.accept();
        workers.submit(() -> serve(socket));
      }
      return null;
    }

    private Void serve(Socket socket) throws IOException, InterruptedException {
      try (socket) {
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          boolean hold = line.contains(" /hold ");
          while (!in.readLine().isEmpty()) {
            // the request's header lines; these requests have no body
          }
          if (hold) {
            held.countDown();
            release.await();
          }
          socket.getOutputStream().write(ANSWER.getBytes(StandardCharsets.ISO_8859_1));
          socket.getOutputStream().flush();
        }
      }
      return null;
    }

    @Override
    public void close() throws IOException {
      release.countDown();
      server.close();
      workers.shutdownNow();
    }
  }

  @Test
  void finishesInFlightRequestsAndRefusesNewConnectionsOnSigterm() throws Exception {
    try (ScriptedUpstream slowUpstream =
            ScriptedUpstream.holding(
                "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 8\r\n\r\nfinished");
        ProxyProcess.Started proxy = ProxyProcess.start(List.of("-Xmx128m"), slowUpstream.url())) {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      CompletableFuture<HttpResponse<String>> inFlight =
          client.sendAsync(
              HttpRequest.newBuilder(proxy.url().resolve("/slow")).build(),
              BodyHandlers.ofString());
      assertThat(slowUpstream.awaitRequest(30, TimeUnit.SECONDS)).isTrue();

      proxy.process().terminate();

      int port = proxy.url().getPort();
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThatThrownBy(
                          () -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                      .isInstanceOf(ConnectException.class));
      assertThat(inFlight).isNotDone();

      slowUpstream.release();

      HttpResponse<String> response = inFlight.get(30, TimeUnit.SECONDS);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("finished");
      assertThat(proxy.process().awaitExit(Duration.ofSeconds(30))).isNotEqualTo(137);
    }
  }
}
