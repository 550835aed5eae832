package dev.strangler.proxy.edge.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.strangler.proxy.support.Proxy;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Raw request bytes sent to the real proxy in front of a raw upstream that keeps exactly what it
 * receives: what a client is answered, whether the connection is closed, and what reached the
 * upstream, for every framing the proxy refuses and for the ones it must keep accepting.
 */
class RequestFramingIntegrationTest {

  private static final String HOST = "Host: shop.example\r\n";
  private static final String CHUNKED = "Transfer-Encoding: chunked\r\n";

  private static CapturingUpstream upstream;
  private static Proxy proxy;

  @BeforeAll
  static void start() throws Exception {
    upstream = new CapturingUpstream();
    proxy = Proxy.start(upstream.url());
  }

  @AfterAll
  static void stop() throws Exception {
    proxy.close();
    upstream.close();
  }

  @BeforeEach
  void forgetEarlierTraffic() {
    upstream.reset();
  }

  static Stream<Arguments> refusedHeads() {
    return Stream.of(
        arguments("CL.TE", post("Content-Length: 6\r\n" + CHUNKED, "0\r\n\r\nX"), 400),
        arguments("TE.CL", post(CHUNKED + "Content-Length: 3\r\n", "1\r\nA\r\n0\r\n\r\n"), 400),
        arguments("TE.TE", post(CHUNKED + "Transfer-Encoding: x\r\n", chunks()), 400),
        arguments("space before colon", post("Transfer-Encoding : chunked\r\n", chunks()), 400),
        arguments("xchunked", post("Transfer-Encoding: xchunked\r\n", chunks()), 400),
        arguments("chunkedx", post("Transfer-Encoding: chunkedx\r\n", chunks()), 400),
        arguments("quoted chunked", post("Transfer-Encoding: \"chunked\"\r\n", chunks()), 400),
        arguments("identity", post("Transfer-Encoding: identity\r\n", chunks()), 400),
        arguments("gzip, chunked", post("Transfer-Encoding: gzip, chunked\r\n", chunks()), 501),
        arguments("chunked twice", post("Transfer-Encoding: chunked, chunked\r\n", chunks()), 400),
        arguments(
            "chunked, identity", post("Transfer-Encoding: chunked, identity\r\n", chunks()), 400),
        arguments(
            "chunked then identity on two lines",
            post(CHUNKED + "Transfer-Encoding: identity\r\n", chunks()),
            400),
        arguments(
            "chunked with a parameter", post("Transfer-Encoding: chunked;q=1\r\n", chunks()), 400),
        arguments(
            "Transfer-Encoding on HTTP/1.0",
            "POST /upload HTTP/1.0\r\n" + HOST + CHUNKED + "\r\n" + chunks(),
            400),
        arguments(
            "two different Content-Length",
            post("Content-Length: 3\r\nContent-Length: 4\r\n", "abcd"),
            400),
        arguments(
            "two equal Content-Length",
            post("Content-Length: 3\r\nContent-Length: 3\r\n", "abc"),
            400),
        arguments("Content-Length list", post("Content-Length: 3, 3\r\n", "abc"), 400),
        arguments("signed Content-Length", post("Content-Length: +3\r\n", "abc"), 400),
        arguments("negative Content-Length", post("Content-Length: -3\r\n", "abc"), 400),
        arguments("Content-Length not digits", post("Content-Length: 3a\r\n", "abc"), 400),
        arguments("NUL in a value", get("X-A: a\0b\r\n"), 400),
        arguments("CR in a value", get("X-A: a\rb\r\n"), 400),
        arguments("bare LF in the head", get("X-A: a\nX-B: b\r\n"), 400),
        arguments("a header name with a space", get("X A: b\r\n"), 400),
        arguments("two Host", "GET /a HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
        arguments("no Host on HTTP/1.1", "GET /a HTTP/1.1\r\nAccept: */*\r\n\r\n", 400),
        arguments("Host with a path", "GET /a HTTP/1.1\r\nHost: a/b\r\n\r\n", 400),
        arguments("Host with a space", "GET /a HTTP/1.1\r\nHost: a b\r\n\r\n", 400),
        arguments("Host with a comma", "GET /a HTTP/1.1\r\nHost: a,b\r\n\r\n", 400),
        arguments("Host with a quote", "GET /a HTTP/1.1\r\nHost: a\"b\r\n\r\n", 400),
        arguments("Host with user info", "GET /a HTTP/1.1\r\nHost: u@a\r\n\r\n", 400),
        arguments(
            "Host that injects Forwarded parameters",
            "GET /a HTTP/1.1\r\nHost: x\";for=6.6.6.6;proto=https;by=\"y\r\n\r\n",
            400),
        arguments("Host with a bad port", "GET /a HTTP/1.1\r\nHost: a:8o\r\n\r\n", 400),
        arguments(
            "absolute target with user info", "GET http://u@a/x HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        arguments(
            "a request pipelined after a refused one",
            post("Transfer-Encoding: xchunked\r\n", chunks())
                + "GET /second HTTP/1.1\r\n"
                + HOST
                + "\r\n",
            400),
        arguments(
            "a request line over 8 KB",
            "GET /a?q=" + "x".repeat(8200) + " HTTP/1.1\r\n" + HOST + "\r\n",
            414),
        arguments(
            "header fields over 8 KB in all",
            get("X-A: " + "a".repeat(4500) + "\r\nX-B: " + "b".repeat(4500) + "\r\n"),
            431));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedHeads")
  void refusesBadFramingAndForwardsNothing(String name, String raw, int status) throws Exception {
    RawClient.Answer answer = RawClient.send(proxy.port(), raw);

    assertThat(answer.status()).as(answer.text()).isEqualTo(status);
    assertThat(answer.text())
        .contains("application/problem+json")
        .containsIgnoringCase("connection: close");
    assertThat(answer.responses()).as(answer.text()).isEqualTo(1);
    assertThat(answer.closed()).as("connection closed").isTrue();
    assertOnlyTheMarkerArrives(false);
  }

  @Test
  void aBadHeadPipelinedBehindAGoodRequestIsRefusedAfterItsAnswer() throws Exception {
    String good = "GET /first HTTP/1.1\r\n" + HOST + "\r\n";
    String bad = post("Transfer-Encoding: xchunked\r\n", chunks());

    RawClient.Answer answer = RawClient.send(proxy.port(), good + bad);

    assertThat(answer.text()).startsWith("HTTP/1.1 200 OK").contains("\r\n\r\nokHTTP/1.1 400 ");
    assertThat(answer.responses()).isEqualTo(2);
    assertThat(answer.closed()).isTrue();
    assertThat(upstream.completed()).containsExactly("GET /first HTTP/1.1");
    upstream.reset();
    assertOnlyTheMarkerArrives(false);
  }

  static Stream<Arguments> malformedBodies() {
    return Stream.of(
        arguments("not hex", "5\r\nhello\r\nzz\r\nworld\r\n0\r\n\r\n"),
        arguments("overflowing size", "5\r\nhello\r\nfffffffffffffffff1\r\nworld\r\n0\r\n\r\n"),
        arguments("negative size", "5\r\nhello\r\n-5\r\nworld\r\n0\r\n\r\n"),
        arguments("signed size", "5\r\nhello\r\n+5\r\nworld\r\n0\r\n\r\n"),
        arguments("0x prefix", "5\r\nhello\r\n0x5\r\nworld\r\n0\r\n\r\n"),
        arguments("underscore in size", "5\r\nhello\r\n0_5\r\nworld\r\n0\r\n\r\n"),
        arguments("data longer than its size", "5\r\nhello\r\n3\r\nworld\r\n0\r\n\r\n"),
        arguments("bare LF after the size", "5\r\nhello\r\n5\nworld\r\n0\r\n\r\n"),
        arguments("bare LF after the data", "5\r\nhello\r\n5\r\nworld\n0\r\n\r\n"),
        arguments("empty size", "5\r\nhello\r\n\r\nworld\r\n0\r\n\r\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedBodies")
  void aMalformedChunkAbortsTheUpstreamRequest(String name, String body) throws Exception {
    String pipelined = "GET /second HTTP/1.1\r\n" + HOST + "\r\n";
    // The body follows once the upstream request is under way, as from a slow client.
    RawClient.Answer answer =
        RawClient.sendAfterContinue(
            proxy.port(), post(CHUNKED + "Expect: 100-continue\r\n", ""), body + pipelined);

    assertThat(answer.status()).as(answer.text()).isEqualTo(400);
    assertThat(answer.closed()).isTrue();
    // The head and the good first chunk were streamed; the body never ends.
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                upstream.connections().stream()
                    .filter(c -> c.sinceReset().contains("POST /upload"))
                    .allMatch(CapturingUpstream.Connection::closed));
    assertThat(upstream.sinceReset()).contains("POST /upload").doesNotContain("0\r\n\r\n");
    assertThat(upstream.completed()).isEmpty();
    assertOnlyTheMarkerArrives(true);
    assertThat(answer.text()).contains("Malformed request body");
    assertThat(answer.responses()).as(answer.text()).isEqualTo(1);
  }

  static Stream<Arguments> accepted() {
    return Stream.of(
        arguments("chunked", post(CHUNKED, chunks()), "POST /upload HTTP/1.1"),
        arguments(
            "chunked, any case",
            post("Transfer-Encoding: Chunked\r\n", chunks()),
            "POST /upload HTTP/1.1"),
        arguments(
            "a chunk extension",
            post(CHUNKED, "5;name=value\r\nhello\r\n0\r\n\r\n"),
            "POST /upload HTTP/1.1"),
        arguments(
            "Content-Length", post("Content-Length: 5\r\n", "hello"), "POST /upload HTTP/1.1"),
        arguments("HTTP/1.0 without Host", "GET /old HTTP/1.0\r\n\r\n", "GET /old HTTP/1.1"),
        arguments(
            "Host with a port",
            "GET /a HTTP/1.1\r\nHost: shop.example:8080\r\n\r\n",
            "GET /a HTTP/1.1"),
        arguments("IPv6 Host", "GET /a HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n", "GET /a HTTP/1.1"),
        arguments(
            "absolute target",
            "GET http://shop.example/a HTTP/1.1\r\nHost: other\r\n\r\n",
            "GET /a HTTP/1.1"),
        arguments(
            "a request line of 8,000 bytes",
            "GET /a?q=" + "x".repeat(7980) + " HTTP/1.1\r\n" + HOST + "\r\n",
            "GET /a?q=" + "x".repeat(7980) + " HTTP/1.1"),
        arguments(
            "a header of 7,000 bytes",
            get("X-A: " + "a".repeat(7000) + "\r\n"),
            "GET /a HTTP/1.1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void keepsAcceptingWellFramedRequests(String name, String raw, String forwarded)
      throws Exception {
    RawClient.Answer answer = RawClient.send(proxy.port(), withClose(raw));

    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> upstream.completed().contains(forwarded));
  }

  @Test
  void anAbsoluteTargetsAuthorityIsTheHost() throws Exception {
    RawClient.send(
        proxy.port(),
        "GET http://shop.example:8443/a HTTP/1.1\r\nHost: other\r\nConnection: close\r\n\r\n");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> upstream.completed().contains("GET /a HTTP/1.1"));
    assertThat(upstream.sinceReset())
        .contains("X-Forwarded-Host: shop.example:8443\r\n")
        .doesNotContain("other");
  }

  @Test
  void obsFoldIsUnfoldedIntoOneLineAsRfc9112Allows() throws Exception {
    // RFC 9112 section 5.2: a server either refuses obs-fold or replaces it with spaces before
    // forwarding. Netty's decoder does the latter, so no upstream can read the fold differently.
    RawClient.Answer answer = RawClient.send(proxy.port(), withClose(get("X-A: one\r\n two\r\n")));

    assertThat(answer.status()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> upstream.completed().contains("GET /a HTTP/1.1"));
    assertThat(upstream.sinceReset()).contains("\r\nX-A: one two\r\n").doesNotContain("\r\n two");
  }

  @Test
  void underscoreAndClientAddressHeadersNeverReachTheUpstream() throws Exception {
    RawClient.send(
        proxy.port(),
        withClose(
            get(
                "X_Forwarded_For: 6.6.6.6\r\nX-Real-IP: 6.6.6.7\r\nTrue-Client-IP: 6.6.6.8\r\n"
                    + "X-Original-URL: /admin\r\nX-Rewrite-URL: /admin\r\nX-Kept: yes\r\n")));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> upstream.completed().contains("GET /a HTTP/1.1"));
    assertThat(upstream.sinceReset())
        .doesNotContain("6.6.6.")
        .doesNotContain("/admin")
        .doesNotContainIgnoringCase("X_Forwarded_For")
        .contains("X-Kept: yes")
        .contains("X-Forwarded-For: 127.0.0.1\r\n");
  }

  @Test
  void theConnectionHeaderCannotRemoveTheProxysForwardingHeaders() throws Exception {
    RawClient.send(
        proxy.port(),
        withClose(
            get(
                "Connection: X-Forwarded-For, Forwarded, X-Forwarded-Proto, X-Forwarded-Host,"
                    + " X-Forwarded-Port, X-Client-Secret\r\nX-Client-Secret: s3cret\r\n")));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> upstream.completed().contains("GET /a HTTP/1.1"));
    assertThat(upstream.sinceReset())
        .contains("X-Forwarded-For: 127.0.0.1\r\n")
        .contains("X-Forwarded-Proto: http\r\n")
        .contains("X-Forwarded-Host: shop.example\r\n")
        .contains("X-Forwarded-Port: 80\r\n")
        .contains("Forwarded: for=127.0.0.1;proto=http;host=\"shop.example\"\r\n")
        .doesNotContain("s3cret");
  }

  /**
   * Sends a well-formed request on a fresh connection and waits for it upstream: then nothing of
   * the case before can still be on its way, and the upstream must have seen only the marker (and,
   * where a body was being streamed, that request's head, never completed).
   */
  private static void assertOnlyTheMarkerArrives(boolean headMayHaveStreamed) throws Exception {
    String marker = "GET /marker HTTP/1.1";
    RawClient.Answer answer =
        RawClient.send(proxy.port(), marker + "\r\n" + HOST + "Connection: close\r\n\r\n");
    assertThat(answer.status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> upstream.completed().contains(marker));

    assertThat(upstream.completed()).containsExactly(marker);
    String received = upstream.sinceReset();
    boolean streamedHead = headMayHaveStreamed && received.contains("POST /upload HTTP/1.1\r\n");
    assertThat(occurrences(received, " HTTP/1.1\r\n")).as(received).isEqualTo(streamedHead ? 2 : 1);
    assertThat(received).doesNotContain("/second");
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }

  private static String post(String framing, String body) {
    return "POST /upload HTTP/1.1\r\n" + HOST + framing + "\r\n" + body;
  }

  private static String get(String headers) {
    return "GET /a HTTP/1.1\r\n" + HOST + headers + "\r\n";
  }

  private static String chunks() {
    return "5\r\nhello\r\n0\r\n\r\n";
  }

  /** Asks the proxy to close after answering, so the client reads to the end. */
  private static String withClose(String raw) {
    int headEnd = raw.indexOf("\r\n\r\n");
    return raw.substring(0, headEnd) + "\r\nConnection: close" + raw.substring(headEnd);
  }
}
