package dev.strangler.proxy.edge.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.proxy.support.Proxy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With {@code strangler.server.framing.underscores-in-headers=true}, such names pass as sent. */
class UnderscoreHeadersSettingIntegrationTest {

  private static CapturingUpstream upstream;
  private static Proxy proxy;

  @BeforeAll
  static void start() throws Exception {
    upstream = new CapturingUpstream();
    proxy =
        Proxy.start(
            upstream.url(), Map.of("strangler.server.framing.underscores-in-headers", "true"));
  }

  @AfterAll
  static void stop() throws Exception {
    proxy.close();
    upstream.close();
  }

  @Test
  void underscoreHeadersPassWhenTheSettingKeepsThem() throws Exception {
    RawClient.Answer answer =
        RawClient.send(
            proxy.port(),
            "GET /a HTTP/1.1\r\nHost: shop.example\r\nX_Custom_Flag: on\r\nConnection: close\r\n\r\n");

    assertThat(answer.status()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> upstream.completed().contains("GET /a HTTP/1.1"));
    assertThat(upstream.sinceReset()).contains("\r\nX_Custom_Flag: on\r\n");
  }
}
