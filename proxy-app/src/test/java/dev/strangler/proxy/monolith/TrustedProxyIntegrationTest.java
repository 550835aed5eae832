package dev.strangler.proxy.monolith;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.proxy.support.Echo;
import dev.strangler.proxy.support.Monolith;
import dev.strangler.proxy.support.Proxy;
import dev.strangler.proxy.support.RawHttp;
import dev.strangler.proxy.support.RawHttp.Response;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Behind a trusted load balancer, the proxy extends its forwarding headers instead. */
class TrustedProxyIntegrationTest {

  private static Proxy proxy;

  @BeforeAll
  static void start() {
    proxy =
        Proxy.start(
            Monolith.shared().url(),
            Map.of("strangler.forwarding.trusted-proxies", "127.0.0.0/8,::1"));
  }

  @AfterAll
  static void stop() {
    proxy.close();
  }

  @Test
  void extendsForwardingHeadersFromTrustedProxies() throws IOException {
    Echo seen = Echo.of(RawHttp.get(proxy.url(), "/api/debug/request", Echo.SPOOFED_FORWARDING));

    assertThat(seen.header("x-forwarded-for")).containsExactly("203.0.113.7, 127.0.0.1");
    assertThat(seen.header("x-forwarded-proto")).containsExactly("https");
    assertThat(seen.header("x-forwarded-host")).containsExactly("shop.example.com");
    assertThat(seen.header("x-forwarded-port")).containsExactly("443");
    assertThat(seen.header("forwarded"))
        .containsExactly(
            "for=203.0.113.7;proto=https, for=127.0.0.1;proto=http;host=\"127.0.0.1:"
                + proxy.port()
                + "\"");
  }

  @Test
  void pointsRedirectsAtTheOriginTheClientUsed() throws IOException {
    Response redirect = RawHttp.get(proxy.url(), "/login-redirect", Echo.SPOOFED_FORWARDING);

    assertThat(redirect.status()).isEqualTo(302);
    assertThat(redirect.first("Location")).hasValue("https://shop.example.com/account");
  }
}
