package dev.strangler.proxy.monolith;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.proxy.support.Proxy;
import dev.strangler.proxy.support.RawHttp;
import dev.strangler.proxy.support.RawHttp.Response;
import dev.strangler.proxy.support.ScriptedUpstream;
import org.junit.jupiter.api.Test;

/** Hop-by-hop headers of the upstream's response stop at the proxy (RFC 9110, 7.6.1). */
class HopByHopResponseIntegrationTest {

  @Test
  void removesHopByHopResponseHeadersAndKeepsEndToEndOnes() throws Exception {
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
        Proxy proxy = Proxy.start(upstream.url())) {
      Response response = RawHttp.get(proxy.url(), "/anything");

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.bodyText()).isEqualTo("ok");
      assertThat(response.values("X-Upstream-Hop")).isEmpty();
      assertThat(response.values("Keep-Alive")).isEmpty();
      assertThat(response.values("Proxy-Authenticate")).isEmpty();
      assertThat(response.values("Upgrade")).isEmpty();
      assertThat(response.values("X-End-To-End")).containsExactly("kept");
    }
  }
}
