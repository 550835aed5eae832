package dev.strangler.proxy.edge.framing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostSyntaxTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "shop.example",
        "shop.example:8080",
        "SHOP.Example.",
        "localhost",
        "127.0.0.1",
        "127.0.0.1:80",
        "[::1]",
        "[::1]:8443",
        "[2001:db8::a:1]",
        "[::ffff:192.0.2.1]:80",
        "xn--bcher-kva.example",
        "under_score.example",
        "a%41b.example",
        "shop.example:",
        "shop.example:65535"
      })
  void acceptsHostAndPort(String host) {
    assertThat(HostSyntax.isValid(host)).isTrue();
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        "",
        ":80",
        "a/b",
        "a b",
        "a,b",
        "a\"b",
        "u@a",
        "a;b",
        "a=b",
        "a'b",
        "a(b)",
        "a\\b",
        "a:8o",
        "a:123456",
        "a:80:80",
        "[::1",
        "[]",
        "[::1]x",
        "[::1]:8a",
        "[1.2.3.4]",
        "[::g]",
        "a%4",
        "a%zz",
        "x\";for=6.6.6.6;proto=https;by=\"y",
        "a\tb",
        "a\u00e9b"
      })
  void refusesAnythingElse(String host) {
    assertThat(HostSyntax.isValid(host)).isFalse();
  }
}
