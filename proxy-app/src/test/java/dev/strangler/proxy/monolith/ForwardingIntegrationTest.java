package dev.strangler.proxy.monolith;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.proxy.support.Monolith;
import dev.strangler.proxy.support.Proxy;
import dev.strangler.proxy.support.RawHttp;
import dev.strangler.proxy.support.RawHttp.Response;
import dev.strangler.proxy.support.ScriptedUpstream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the proxy changes on the way, and only that: forwarding and hop-by-hop headers. */
class ForwardingIntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static Monolith monolith;
  private static Proxy proxy;

  @BeforeAll
  static void start() {
    monolith = Monolith.shared();
    proxy = Proxy.start(monolith.url());
  }

  @AfterAll
  static void stop() {
    proxy.close();
  }

  @ParameterizedTest(name = "?{0}")
  @ValueSource(
      strings = {
        "a=1&a=2&b=",
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
    JsonNode seen = echo(RawHttp.get(proxy.url(), "/api/debug/request?" + rawQuery));

    assertThat(seen.get("rawQuery").asString()).isEqualTo(rawQuery);
    assertThat(seen.get("path").asString()).isEqualTo("/api/debug/request");
  }

  @Test
  void removesHopByHopRequestHeadersAndKeepsEndToEndOnes() throws IOException {
    Response response =
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
            "Authorization: Bearer kept-too");

    JsonNode headers = echo(response).get("headers");
    assertThat(names(headers))
        .doesNotContain(
            "connection",
            "x-hop-secret",
            "keep-alive",
            "proxy-connection",
            "proxy-authorization",
            "te",
            "upgrade");
    assertThat(headers.get("x-end-to-end").get(0).asString()).isEqualTo("kept");
    assertThat(headers.get("authorization").get(0).asString()).isEqualTo("Bearer kept-too");
  }

  @Test
  void removesHopByHopResponseHeaders() throws IOException {
    try (ScriptedUpstream upstream =
            ScriptedUpstream.answering(
                "HTTP/1.1 200 OK\r\n"
                    + "Content-Type: text/plain\r\n"
                    + "Content-Length: 2\r\n"
                    + "Connection: keep-alive, X-Upstream-Hop\r\n"
                    + "X-Upstream-Hop: secret\r\n"
                    + "Keep-Alive: timeout=60\r\n"
                    + "Proxy-Authenticate: Basic realm=\"upstream\"\r\n"
                    + "Upgrade: example/1\r\n"
                    + "X-End-To-End: kept\r\n"
                    + "\r\n"
                    + "ok");
        Proxy scripted = Proxy.start(upstream.url())) {
      Response response = RawHttp.get(scripted.url(), "/anything");

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.bodyText()).isEqualTo("ok");
      assertThat(response.values("X-Upstream-Hop")).isEmpty();
      assertThat(response.values("Keep-Alive")).isEmpty();
      assertThat(response.values("Proxy-Authenticate")).isEmpty();
      assertThat(response.values("Upgrade")).isEmpty();
      assertThat(response.values("X-End-To-End")).containsExactly("kept");
    }
  }

  @Test
  void addsForwardingHeadersNamingTheClient() throws IOException {
    JsonNode headers = echo(RawHttp.get(proxy.url(), "/api/debug/request")).get("headers");

    String host = "127.0.0.1:" + proxy.port();
    assertThat(values(headers, "x-forwarded-for")).containsExactly("127.0.0.1");
    assertThat(values(headers, "x-forwarded-proto")).containsExactly("http");
    assertThat(values(headers, "x-forwarded-host")).containsExactly(host);
    assertThat(values(headers, "x-forwarded-port")).containsExactly(String.valueOf(proxy.port()));
    assertThat(values(headers, "forwarded"))
        .containsExactly("for=127.0.0.1;proto=http;host=\"" + host + "\"");
  }

  @Test
  void replacesForwardingHeadersFromUntrustedClients() throws IOException {
    JsonNode headers =
        echo(RawHttp.get(proxy.url(), "/api/debug/request", spoofed())).get("headers");

    assertThat(values(headers, "x-forwarded-for")).containsExactly("127.0.0.1");
    assertThat(values(headers, "x-forwarded-proto")).containsExactly("http");
    assertThat(values(headers, "x-forwarded-host")).containsExactly("127.0.0.1:" + proxy.port());
    assertThat(values(headers, "forwarded"))
        .singleElement()
        .asString()
        .doesNotContain("203.0.113.7");
  }

  @Test
  void extendsForwardingHeadersFromTrustedProxies() throws IOException {
    try (Proxy behindLoadBalancer =
        Proxy.start(
            monolith.url(), Map.of("strangler.forwarding.trusted-proxies", "127.0.0.0/8,::1"))) {
      JsonNode headers =
          echo(RawHttp.get(behindLoadBalancer.url(), "/api/debug/request", spoofed()))
              .get("headers");

      assertThat(values(headers, "x-forwarded-for")).containsExactly("203.0.113.7, 127.0.0.1");
      assertThat(values(headers, "x-forwarded-proto")).containsExactly("https");
      assertThat(values(headers, "x-forwarded-host")).containsExactly("shop.example.com");
      assertThat(values(headers, "x-forwarded-port")).containsExactly("443");
      assertThat(values(headers, "forwarded"))
          .containsExactly(
              "for=203.0.113.7;proto=https, for=127.0.0.1;proto=http;host=\"127.0.0.1:"
                  + behindLoadBalancer.port()
                  + "\"");

      // Redirects then point at the origin the client used, behind the load balancer.
      Response redirect = RawHttp.get(behindLoadBalancer.url(), "/login-redirect", spoofed());
      assertThat(redirect.first("Location")).hasValue("https://shop.example.com/account");
    }
  }

  private static String[] spoofed() {
    return new String[] {
      "X-Forwarded-For: 203.0.113.7",
      "X-Forwarded-Proto: https",
      "X-Forwarded-Host: shop.example.com",
      "Forwarded: for=203.0.113.7;proto=https"
    };
  }

  private static JsonNode echo(Response response) {
    assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static List<String> names(JsonNode headers) {
    List<String> names = new ArrayList<>();
    headers.propertyNames().forEach(names::add);
    return names;
  }

  private static List<String> values(JsonNode headers, String name) {
    List<String> values = new ArrayList<>();
    JsonNode node = headers.get(name);
    if (node != null) {
      node.forEach(v -> values.add(v.asString()));
    }
    return values;
  }
}
