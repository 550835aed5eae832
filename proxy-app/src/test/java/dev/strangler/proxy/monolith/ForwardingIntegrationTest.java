package dev.strangler.proxy.monolith;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.proxy.support.Echo;
import dev.strangler.proxy.support.Monolith;
import dev.strangler.proxy.support.Proxy;
import dev.strangler.proxy.support.RawHttp;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the proxy changes on the way to the monolith, and only that. */
class ForwardingIntegrationTest {

  private static Proxy proxy;

  @BeforeAll
  static void start() {
    proxy = Proxy.start(Monolith.shared().url());
  }

  @AfterAll
  static void stop() {
    proxy.close();
  }

  @ParameterizedTest(name = "?{0}")
  @ValueSource(
      strings = {
        "a=1&a=2&b=",
        "b=2&a=1&b=3&a=4",
        "q=caf%C3%A9&lower=caf%c3%a9",
        "path=%2Fetc%2Fpasswd&dots=..%2F..",
        "space=a+b%20c&plus=%2B",
        "percent=100%25&amp=%26&eq=a%3Db",
        "flag&empty=&=novalue",
        "sort=name,asc;x=1",
        "braces=%7B%7D&brackets=%5B0%5D",
        "unreserved=~._-AZaz09",
        "check=%E2%9C%93&emoji=%F0%9F%98%80"
      })
  void forwardsQueryStringsByteForByte(String rawQuery) throws IOException {
    Echo seen = Echo.of(RawHttp.get(proxy.url(), "/api/debug/request?" + rawQuery));

    assertThat(seen.rawQuery()).isEqualTo(rawQuery);
    assertThat(seen.path()).isEqualTo("/api/debug/request");
  }

  @Test
  void removesHopByHopRequestHeadersAndKeepsEndToEndOnes() throws IOException {
    Echo seen =
        Echo.of(
            RawHttp.get(
                proxy.url(),
                "/api/debug/request",
                "Connection: keep-alive, X-Hop-Secret",
                "X-Hop-Secret: must-not-pass",
                "Keep-Alive: timeout=5",
                "Proxy-Connection: keep-alive",
                "Proxy-Authorization: Basic cHJveHk6c2VjcmV0",
                "TE: trailers",
                "Upgrade: example/1",
                "X-End-To-End: kept",
                "Authorization: Bearer kept-too"));

    assertThat(seen.headerNames())
        .doesNotContain(
            "connection",
            "x-hop-secret",
            "keep-alive",
            "proxy-connection",
            "proxy-authorization",
            "te",
            "upgrade");
    assertThat(seen.header("x-end-to-end")).containsExactly("kept");
    assertThat(seen.header("authorization")).containsExactly("Bearer kept-too");
  }

  @Test
  void addsForwardingHeadersNamingTheClient() throws IOException {
    Echo seen = Echo.of(RawHttp.get(proxy.url(), "/api/debug/request"));

    String host = "127.0.0.1:" + proxy.port();
    assertThat(seen.header("x-forwarded-for")).containsExactly("127.0.0.1");
    assertThat(seen.header("x-forwarded-proto")).containsExactly("http");
    assertThat(seen.header("x-forwarded-host")).containsExactly(host);
    assertThat(seen.header("x-forwarded-port")).containsExactly(String.valueOf(proxy.port()));
    assertThat(seen.header("forwarded"))
        .containsExactly("for=127.0.0.1;proto=http;host=\"" + host + "\"");
  }

  @Test
  void replacesForwardingHeadersFromUntrustedClients() throws IOException {
    Echo seen = Echo.of(RawHttp.get(proxy.url(), "/api/debug/request", Echo.SPOOFED_FORWARDING));

    assertThat(seen.header("x-forwarded-for")).containsExactly("127.0.0.1");
    assertThat(seen.header("x-forwarded-proto")).containsExactly("http");
    assertThat(seen.header("x-forwarded-host")).containsExactly("127.0.0.1:" + proxy.port());
    assertThat(seen.header("forwarded")).singleElement().asString().doesNotContain("203.0.113.7");
  }
}
