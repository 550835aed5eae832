package dev.strangler.proxy.edge.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import dev.strangler.proxy.support.InvokeApiServer;
import dev.strangler.proxy.support.Proxy;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that stalls or abandons an upload is the client's failure, not the proxy's: it leaves
 * one short line at most, no {@code ERROR}, no stack trace, while the upstream request is still
 * aborted and the client still gets its answer where it waits for one.
 */
class AbortedUploadLoggingIntegrationTest {

  private static final String ACCESS_LOG = "strangler.access";

  private static final String RULES =
      """
      version: 1
      routes:
        - id: lambda-uploads
          match: { methods: [POST], paths: [/lambda-upload] }
          lambda: { function: uploads }
          canary: { percent: 100 }
      """;

  @TempDir static Path dir;
  private static RecordingUpstream upstream;
  private static InvokeApiServer lambda;
  private static Proxy proxy;
  private LogCapture log;

  @BeforeAll
  static void start() throws IOException {
    upstream = new RecordingUpstream();
    lambda =
        new InvokeApiServer()
            .answer("uploads", InvokeApiServer.returning("{\"statusCode\":200,\"body\":\"ok\"}"));
    Path rules = Files.writeString(dir.resolve("routes.yaml"), RULES);
    proxy =
        Proxy.start(
            upstream.url(),
            Map.of(
                "strangler.rules.file",
                rules.toString(),
                "strangler.lambda.endpoint",
                lambda.url().toString(),
                "strangler.server.body-read-timeout",
                "1s",
                "strangler.server.header-read-timeout",
                "5s"));
  }

  @AfterAll
  static void stop() throws IOException {
    proxy.close();
    lambda.close();
    upstream.close();
  }

  @BeforeEach
  void capture() {
    log = LogCapture.attach(ACCESS_LOG);
    filterLogger().setLevel(Level.DEBUG); // to see the one line it writes
  }

  @AfterEach
  void release() {
    filterLogger().setLevel(null);
    log.close();
  }

  private static ch.qos.logback.classic.Logger filterLogger() {
    return (ch.qos.logback.classic.Logger)
        org.slf4j.LoggerFactory.getLogger(AbortedBodyFilter.class);
  }

  @Test
  void aStalledBodyIsAnswered408WithoutAnErrorInTheLog() throws IOException {
    int completeBefore = upstream.completeRequests();
    String received;
    try (Socket socket = connect()) {
      send(
          socket,
          "POST /stalled-upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\nten-bytes!");
      received = SlowClientTimeoutsIntegrationTest.readUntilClosed(socket).received();
    }

    assertThat(received).startsWith("HTTP/1.1 408 Request Timeout\r\n");
    List<LogCapture.Line> lines = awaitExchangeOver("/stalled-upload");
    assertQuiet(lines);
    assertThat(filterLines(lines))
        .singleElement()
        .satisfies(
            line ->
                assertThat(line.message())
                    .isEqualTo(
                        "POST /stalled-upload: body timeout, answered 408; upstream request aborted"));
    assertThat(accessLine(lines, "/stalled-upload")).contains("\"status\":408");
    awaitUpstreamConnectionClosed("POST /stalled-upload ");
    assertThat(upstream.completeRequests()).isEqualTo(completeBefore);
  }

  @Test
  void aStalledBodyOnALambdaRouteIsAnswered408WithoutAnErrorAndTheFunctionNeverRuns()
      throws IOException {
    int completeBefore = upstream.completeRequests();
    String received;
    try (Socket socket = connect()) {
      send(
          socket,
          "POST /lambda-upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\nten-bytes!");
      received = SlowClientTimeoutsIntegrationTest.readUntilClosed(socket).received();
    }

    assertThat(received).startsWith("HTTP/1.1 408 Request Timeout\r\n");
    List<LogCapture.Line> lines = awaitExchangeOver("/lambda-upload");
    assertQuiet(lines);
    assertThat(filterLines(lines)).hasSize(1);
    assertThat(accessLine(lines, "/lambda-upload")).contains("\"status\":408");
    assertThat(lambda.received()).isEmpty();
    assertThat(upstream.completeRequests()).as("nothing replayed").isEqualTo(completeBefore);
  }

  @Test
  void aClientThatLeavesMidUploadLeavesNoErrorInTheLog() throws IOException {
    int completeBefore = upstream.completeRequests();
    try (Socket socket = connect()) {
      send(
          socket,
          "POST /abandoned-upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\nten-bytes!");
      awaitUpstreamGot("ten-bytes!");
    } // closed mid-body

    List<LogCapture.Line> lines = awaitExchangeOver("/abandoned-upload");
    assertQuiet(lines);
    assertThat(filterLines(lines))
        .singleElement()
        .satisfies(
            line ->
                assertThat(line.message())
                    .isEqualTo(
                        "POST /abandoned-upload: the client left before its body was complete;"
                            + " upstream request aborted"));
    assertThat(accessLine(lines, "/abandoned-upload")).contains("\"status\":null");
    awaitUpstreamConnectionClosed("POST /abandoned-upload ");
    assertThat(upstream.completeRequests()).isEqualTo(completeBefore);
  }

  @Test
  void aMalformedChunkIsAnswered400WithoutAnErrorInTheLog() throws IOException {
    String received;
    try (Socket socket = connect()) {
      send(
          socket,
          "POST /malformed-upload HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n"
              + "5\r\nfirst\r\nzz\r\nsecond\r\n0\r\n\r\n");
      received = SlowClientTimeoutsIntegrationTest.readUntilClosed(socket).received();
    }

    assertThat(received).startsWith("HTTP/1.1 400 ");
    List<LogCapture.Line> lines = awaitExchangeOver("/malformed-upload");
    // Reactor Netty's own line for what it cannot decode, heads and bodies alike: one line, at
    // WARN, without a stack trace. Whether it stays is the request-framing work's call.
    List<LogCapture.Line> others = lines.stream().filter(line -> !isDecodingFailure(line)).toList();
    assertQuiet(others);
  }

  private static boolean isDecodingFailure(LogCapture.Line line) {
    return line.logger().equals("reactor.netty.http.server.HttpServerOperations")
        && line.message().contains("Decoding failed: ")
        && !line.stackTrace();
  }

  private static List<LogCapture.Line> filterLines(List<LogCapture.Line> lines) {
    return lines.stream()
        .filter(line -> line.logger().equals(AbortedBodyFilter.class.getName()))
        .toList();
  }

  private static void assertQuiet(List<LogCapture.Line> lines) {
    assertThat(lines)
        .as("what the proxy logged")
        .allSatisfy(
            line -> {
              assertThat(line.level().isGreaterOrEqual(Level.WARN)).as(line.toString()).isFalse();
              assertThat(line.stackTrace()).as(line.toString()).isFalse();
            });
    assertThat(lines.stream().filter(line -> !line.logger().equals(ACCESS_LOG)))
        .as("lines besides the access log")
        .hasSizeLessThanOrEqualTo(1);
  }

  /** Waits for the request's access log line: it is written once the exchange is over. */
  private List<LogCapture.Line> awaitExchangeOver(String path) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> log.lines().stream().anyMatch(line -> isAccessLineOf(line, path)));
    return log.lines();
  }

  private static String accessLine(List<LogCapture.Line> lines, String path) {
    return lines.stream()
        .filter(line -> isAccessLineOf(line, path))
        .map(LogCapture.Line::message)
        .findFirst()
        .orElseThrow();
  }

  private static boolean isAccessLineOf(LogCapture.Line line, String path) {
    return line.logger().equals(ACCESS_LOG) && line.message().contains("\"path\":\"" + path + "\"");
  }

  private static void awaitUpstreamGot(String bytes) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> upstream.captures().stream().anyMatch(c -> c.text().contains(bytes)));
  }

  /** The proxy closed the connection that carried the request: the upstream saw it cut short. */
  private static void awaitUpstreamConnectionClosed(String requestLine) {
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(upstream.captures())
                    .filteredOn(capture -> capture.text().contains(requestLine))
                    .singleElement()
                    .satisfies(capture -> assertThat(capture.ended()).isTrue()));
  }

  private static Socket connect() throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
    socket.setSoTimeout(15_000);
    return socket;
  }

  private static void send(Socket socket, String bytes) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(bytes.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    out.flush();
  }
}
