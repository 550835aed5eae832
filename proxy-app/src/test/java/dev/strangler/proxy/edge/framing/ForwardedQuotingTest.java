package dev.strangler.proxy.edge.framing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.proxy.forwarding.ForwardedHeaders;
import dev.strangler.proxy.forwarding.TrustedProxies;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code host} of the {@code Forwarded} element the proxy writes is a quoted-string. */
class ForwardedQuotingTest {

  @ParameterizedTest(name = "[{0}]")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '^',
      value = {
        "shop.example:8080|for=192.0.2.10;proto=http;host=\"shop.example:8080\"",
        "x\";for=6.6.6.6;proto=https;by=\"y|for=192.0.2.10;proto=http;host=\"x\\\";for=6.6.6.6;proto=https;by=\\\"y\"",
        "a\\b|for=192.0.2.10;proto=http;host=\"a\\\\b\"",
        "^a\u0001b^|for=192.0.2.10;proto=http;host=\"ab\""
      })
  void quotesAndEscapesTheHost(String host, String expected) throws Exception {
    ForwardedHeaders headers = new ForwardedHeaders(TrustedProxies.none());

    String forwarded =
        headers
            .forRequest(
                new InetSocketAddress(InetAddress.getByName("192.0.2.10"), 40000),
                "http",
                host,
                name -> List.of())
            .forwarded();

    assertThat(forwarded).isEqualTo(expected);
  }
}
