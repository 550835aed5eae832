package dev.strangler.proxy.blocking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.proxy.support.Proxy;
import dev.strangler.proxy.support.RawHttp;
import dev.strangler.proxy.support.RawHttp.Response;
import dev.strangler.proxy.support.ScriptedUpstream;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A client behind a trusted proxy writes anything into {@code X-Forwarded-For}; the proxy reads the
 * hops as literals on its event loop and never asks DNS (a lookup there is reported by the blocking
 * guard, which fails this test).
 */
class HopsAreNeverResolvedIntegrationTest {

  private static ScriptedUpstream upstream;
  private static Proxy proxy;

  @BeforeAll
  static void start() throws Exception {
    upstream = ScriptedUpstream.answering("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    proxy =
        Proxy.start(upstream.url(), Map.of("strangler.forwarding.trusted-proxies", "127.0.0.0/8"));
  }

  @AfterAll
  static void stop() throws Exception {
    proxy.close();
    upstream.close();
  }

  @ParameterizedTest(name = "X-Forwarded-For: {0}")
  @ValueSource(
      strings = {
        "zz:1",
        "203.0.113.7, zz:1",
        "localhost:80",
        "[gg::1]:80",
        "fe80::1%eth0",
        "example.invalid:443, 127.0.0.9:80"
      })
  void answersWithoutLookingUpAnyHop(String chain) throws Exception {
    Response response = RawHttp.get(proxy.url(), "/hops", "X-Forwarded-For: " + chain);

    assertThat(response.status()).isEqualTo(200);
    assertThat(upstream.requestHeads().get(upstream.requestHeads().size() - 1))
        .containsIgnoringCase("x-forwarded-for: " + chain + ", 127.0.0.1");
    assertThat(BlockingCalls.drain()).isEmpty();
  }
}
