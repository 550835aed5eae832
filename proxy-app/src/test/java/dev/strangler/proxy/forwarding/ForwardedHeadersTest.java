package dev.strangler.proxy.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.proxy.forwarding.ForwardedHeaders.Forwarding;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForwardedHeadersTest {

  private static final Map<String, List<String>> SPOOFED =
      Map.of(
          ForwardedHeaders.X_FORWARDED_FOR, List.of("203.0.113.7, 198.51.100.1"),
          ForwardedHeaders.X_FORWARDED_PROTO, List.of("https"),
          ForwardedHeaders.X_FORWARDED_HOST, List.of("shop.example.com"),
          ForwardedHeaders.FORWARDED, List.of("for=203.0.113.7;proto=https"));

  @Test
  void describesADirectClient() throws Exception {
    Forwarding forwarding =
        headers(List.of())
            .forRequest(
                peer("192.0.2.10"), "http", "proxy:8080", Map.<String, List<String>>of()::get);

    assertThat(forwarding)
        .isEqualTo(
            new Forwarding(
                "192.0.2.10",
                "http",
                "proxy:8080",
                "8080",
                "for=192.0.2.10;proto=http;host=\"proxy:8080\"",
                "192.0.2.10"));
    assertThat(forwarding.origin()).isEqualTo("http://proxy:8080");
  }

  @Test
  void ignoresWhatAnUntrustedClientClaims() throws Exception {
    Forwarding forwarding =
        headers(List.of("10.0.0.0/8"))
            .forRequest(peer("192.0.2.10"), "http", "proxy", lookup(SPOOFED));

    assertThat(forwarding.forwardedFor()).isEqualTo("192.0.2.10");
    assertThat(forwarding.clientIp()).isEqualTo("192.0.2.10");
    assertThat(forwarding.proto()).isEqualTo("http");
    assertThat(forwarding.port()).isEqualTo("80");
    assertThat(forwarding.origin()).isEqualTo("http://proxy");
    assertThat(forwarding.forwarded()).doesNotContain("203.0.113.7");
  }

  @Test
  void extendsWhatATrustedProxyReports() throws Exception {
    Forwarding forwarding =
        headers(List.of("10.0.0.0/8"))
            .forRequest(peer("10.1.2.3"), "http", "proxy", lookup(SPOOFED));

    assertThat(forwarding.forwardedFor()).isEqualTo("203.0.113.7, 198.51.100.1, 10.1.2.3");
    assertThat(forwarding.clientIp()).isEqualTo("198.51.100.1");
    assertThat(forwarding.proto()).isEqualTo("https");
    assertThat(forwarding.host()).isEqualTo("shop.example.com");
    assertThat(forwarding.port()).isEqualTo("443");
    assertThat(forwarding.origin()).isEqualTo("https://shop.example.com");
    assertThat(forwarding.forwarded())
        .isEqualTo("for=203.0.113.7;proto=https, for=10.1.2.3;proto=http;host=\"proxy\"");
  }

  @Test
  void quotesIpv6ClientsInForwarded() throws Exception {
    Forwarding forwarding =
        headers(List.of())
            .forRequest(peer("::1"), "https", "[::1]:8443", Map.<String, List<String>>of()::get);

    assertThat(forwarding.forwarded()).startsWith("for=\"[0:0:0:0:0:0:0:1]\";proto=https");
    assertThat(forwarding.port()).isEqualTo("8443");
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "behind 10.0.0.0/8, {0} is client {1}")
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "203.0.113.7, 10.2.2.2                      | 203.0.113.7",
        "203.0.113.7, 10.2.2.2:4711                 | 203.0.113.7",
        "203.0.113.7, [::ffff:10.2.2.2]:80          | 203.0.113.7",
        "203.0.113.7, ::ffff:10.2.2.2               | 203.0.113.7",
        "203.0.113.7:5555, 10.2.2.2                 | 203.0.113.7:5555",
        "[2001:db8::7]:443, 10.2.2.2                | [2001:db8::7]:443",
        "zz:1                                       | zz:1",
        "203.0.113.7, zz:1                          | zz:1",
        "203.0.113.7, unknown, 10.2.2.2             | unknown",
        "203.0.113.7, 010.2.2.2                     | 010.2.2.2",
      })
  void findsTheClientInATrustedChainFromLiteralsOnly(String chain, String client) throws Exception {
    Forwarding forwarding =
        headers(List.of("10.0.0.0/8"))
            .forRequest(
                peer("10.1.2.3"),
                "http",
                "proxy",
                lookup(Map.of(ForwardedHeaders.X_FORWARDED_FOR, List.of(chain))));

    assertThat(forwarding.clientIp()).isEqualTo(client);
  }

  private static ForwardedHeaders headers(List<String> trusted) {
    return new ForwardedHeaders(TrustedProxies.of(trusted));
  }

  private static java.util.function.Function<String, List<String>> lookup(
      Map<String, List<String>> headers) {
    return name -> headers.getOrDefault(name, List.of());
  }

  private static InetSocketAddress peer(String ip) throws Exception {
    return new InetSocketAddress(InetAddress.getByName(ip), 40000);
  }
}
