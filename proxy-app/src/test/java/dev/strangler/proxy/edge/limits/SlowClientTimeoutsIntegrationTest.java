package dev.strangler.proxy.edge.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.proxy.support.Proxy;
import dev.strangler.proxy.support.RawHttp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public port's timeouts over real sockets against the real proxy, with timeouts of 1 s so the
 * tests are quick. Times are measured, never slept: each close must come after its timeout and
 * within {@link #SLACK} of it.
 */
class SlowClientTimeoutsIntegrationTest {

  static final Duration TIMEOUT = Duration.ofSeconds(1);
  static final Duration SLACK = Duration.ofMillis(1_500);

  private static RecordingUpstream upstream;
  private static Proxy proxy;

  @BeforeAll
  static void start() throws IOException {
    upstream = new RecordingUpstream();
    proxy =
        Proxy.start(
            upstream.url(),
            Map.of(
                "strangler.server.header-read-timeout", "1s",
                "strangler.server.body-read-timeout", "1s",
                "strangler.server.keep-alive-timeout", "1s",
                "strangler.server.idle-connection-timeout", "1s",
                "strangler.server.max-connections", "1000",
                "strangler.server.max-connections-per-client", "1000"));
  }

  @AfterAll
  static void stop() throws IOException {
    proxy.close();
    upstream.close();
  }

  /** What the proxy sent before it closed, and when it closed. */
  record Closed(String received, long atNanos) {
    Duration after(long startNanos) {
      return Duration.ofNanos(atNanos - startNanos);
    }
  }

  static Socket connect() throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
    socket.setSoTimeout(15_000);
    return socket;
  }

  static Closed readUntilClosed(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    try {
      for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
        received.write(buffer, 0, n);
      }
    } catch (SocketException reset) {
      // a reset is a close too
    }
    return new Closed(received.toString(StandardCharsets.ISO_8859_1), System.nanoTime());
  }

  static void assertClosedOnTime(Duration elapsed) {
    assertThat(elapsed).isGreaterThanOrEqualTo(TIMEOUT).isLessThan(TIMEOUT.plus(SLACK));
  }

  @Test
  void halfARequestHeadIsAnswered408AndClosedAtTheHeaderTimeout() throws IOException {
    int before = upstream.captures().size();
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      long sent = System.nanoTime(); // before the write: the server's clock cannot start earlier
      out.write("GET /half HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Partial: ".getBytes());
      out.flush();

      Closed closed = readUntilClosed(socket);

      assertClosedOnTime(closed.after(sent));
      assertThat(closed.received())
          .startsWith("HTTP/1.1 408 Request Timeout\r\n")
          .contains("\r\nConnection: close\r\n")
          .contains("\r\nContent-Type: application/problem+json\r\n")
          .contains("\"status\":408");
    }
    assertThat(upstream.captures()).hasSize(before);
  }

  @Test
  void aNewConnectionThatSendsNothingIsClosedWithoutAWord() throws IOException {
    long opened = System.nanoTime();
    try (Socket socket = connect()) {
      Closed closed = readUntilClosed(socket);

      assertClosedOnTime(closed.after(opened));
      assertThat(closed.received()).isEmpty();
    }
  }

  @Test
  void anIdleKeptAliveConnectionIsClosedAfterTheKeepAliveTimeout() throws IOException {
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      long sent = System.nanoTime();
      out.write("GET /first HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes());
      out.flush();
      String response = readResponse(socket.getInputStream());
      long answered = System.nanoTime();
      assertThat(response).startsWith("HTTP/1.1 200").endsWith(RecordingUpstream.BODY);

      Closed closed = readUntilClosed(socket);

      // The server falls idle between the two: after the request went, before the answer was read.
      assertThat(closed.after(sent)).isGreaterThanOrEqualTo(TIMEOUT);
      assertThat(closed.after(answered)).isLessThan(TIMEOUT.plus(SLACK));
      assertThat(closed.received()).isEmpty();
    }
  }

  @Test
  void aStalledBodyIsAnswered408AndTheUpstreamNeverGetsAWholeRequest() throws IOException {
    int completeBefore = upstream.completeRequests();
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      long stalled = System.nanoTime();
      out.write(
          ("POST /orders HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
                  + "Content-Length: 100\r\n\r\nonly-ten-b")
              .getBytes());
      out.flush();

      Closed closed = readUntilClosed(socket);

      assertClosedOnTime(closed.after(stalled));
      assertThat(closed.received())
          .startsWith("HTTP/1.1 408 Request Timeout\r\n")
          .contains("\r\nConnection: close\r\n");
    }
    assertUpstreamSawOnlyAPartOf("POST /orders ", "only-ten-b");
    assertThat(upstream.completeRequests()).isEqualTo(completeBefore);
  }

  @Test
  void aStalledChunkedBodyNeverReachesTheUpstreamAsAWholeRequest() throws IOException {
    int completeBefore = upstream.completeRequests();
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      long stalled = System.nanoTime();
      out.write(
          ("POST /chunked-orders HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  + "Transfer-Encoding: chunked\r\n\r\n5\r\nfirst\r\n")
              .getBytes());
      out.flush();

      Closed closed = readUntilClosed(socket);

      assertClosedOnTime(closed.after(stalled));
      assertThat(closed.received()).startsWith("HTTP/1.1 408 Request Timeout\r\n");
    }
    assertUpstreamSawOnlyAPartOf("POST /chunked-orders ", "first");
    assertThat(upstream.completeRequests()).isEqualTo(completeBefore);
  }

  /**
   * The upstream connection that carried {@code requestLine} was closed by the proxy with the body
   * cut short: the upstream got the part that was sent and never the end of the request.
   */
  private static void assertUpstreamSawOnlyAPartOf(String requestLine, String bodySent) {
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(upstream.captures())
                    .filteredOn(capture -> capture.text().contains(requestLine))
                    .singleElement()
                    .satisfies(
                        capture -> {
                          assertThat(capture.ended()).as("upstream connection closed").isTrue();
                          String request =
                              capture.text().substring(capture.text().indexOf(requestLine));
                          String body = request.substring(request.indexOf("\r\n\r\n") + 4);
                          assertThat(body).contains(bodySent).doesNotContain("\r\n0\r\n\r\n");
                        }));
  }

  @Test
  void aSlowButSteadyBodyIsNotTimedOut() throws Exception {
    String body = "0123456789";
    ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
                  + body.length()
                  + "\r\n\r\n")
              .getBytes());
      out.flush();
      long started = System.nanoTime();
      // One byte every 300 ms: the whole body takes 3 s, three body timeouts, yet never pauses
      // for one.
      for (int i = 0; i < body.length(); i++) {
        int index = i;
        pacer
            .schedule(
                () -> {
                  out.write(body.charAt(index));
                  out.flush();
                  return null;
                },
                300,
                TimeUnit.MILLISECONDS)
            .get(10, TimeUnit.SECONDS);
      }

      String response = readResponse(socket.getInputStream());

      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isGreaterThan(TIMEOUT.multipliedBy(2));
      assertThat(response).startsWith("HTTP/1.1 200").endsWith(RecordingUpstream.BODY);
    } finally {
      pacer.shutdownNow();
    }
    assertThat(upstream.captures())
        .anySatisfy(
            capture ->
                assertThat(capture.text()).startsWith("POST /upload ").endsWith("\r\n\r\n" + body));
  }

  @Test
  void anUpstreamSlowerThanEveryTimeoutIsWaitedFor() throws IOException {
    RawHttp.Response response = RawHttp.get(proxy.url(), "/slow");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo(RecordingUpstream.BODY);
  }

  @Test
  void aSlowlorisIsClosedAtTheHeaderTimeoutWhileAnotherClientIsServedThroughout() throws Exception {
    Slowloris attack = Slowloris.open(150, "127.0.0.2", proxy.port());
    ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
    List<Long> latencies = new java.util.ArrayList<>();
    try {
      pacer.scheduleWithFixedDelay(attack::trickle, 200, 200, TimeUnit.MILLISECONDS);
      long until = System.nanoTime() + TIMEOUT.plus(SLACK).plusSeconds(1).toNanos();
      // Another client (127.0.0.1) keeps asking for the whole time the attack is on.
      while (System.nanoTime() < until || !attack.allClosed()) {
        long started = System.nanoTime();
        RawHttp.Response response = RawHttp.get(proxy.url(), "/normal");
        latencies.add(System.nanoTime() - started);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo(RecordingUpstream.BODY);
        assertThat(System.nanoTime())
            .as("attack outlived its bound")
            .isLessThan(until + SLACK.toNanos() * 4);
      }
    } finally {
      pacer.shutdownNow();
      pacer.awaitTermination(5, TimeUnit.SECONDS);
      attack.close();
    }

    assertThat(attack.closedAfterFirstByte())
        .hasSize(150)
        .allSatisfy(
            elapsed ->
                assertThat(elapsed)
                    .isGreaterThanOrEqualTo(TIMEOUT)
                    .isLessThan(TIMEOUT.plus(SLACK)));
    assertThat(latencies).hasSizeGreaterThan(5);
    assertThat(latencies.stream().mapToLong(Long::longValue).max().orElseThrow())
        .as("slowest normal request, ns")
        .isLessThan(Duration.ofSeconds(1).toNanos());
  }

  /** Reads one response framed by Content-Length (the upstream's answers all carry one). */
  static String readResponse(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b == -1) {
        throw new IOException("closed before a response: " + head);
      }
      head.write(b);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    int at = lower.indexOf("content-length:");
    int length = Integer.parseInt(lower.substring(at + 15, lower.indexOf("\r\n", at)).trim());
    return text + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
  }
}
