package dev.strangler.proxy.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.proxy.support.Proxy;
import dev.strangler.proxy.support.ScriptedUpstream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Readiness: UP with the rules loaded; OUT_OF_SERVICE while the proxy drains at shutdown, on a
 * management port that stays up until the requests in flight are done.
 */
class ReadinessIntegrationTest {

  @Test
  void reportsOutOfServiceWhileDrainingAndUpBefore() throws Exception {
    try (ScriptedUpstream upstream =
        ScriptedUpstream.holding("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nslow")) {
      Proxy proxy = Proxy.start(upstream.url(), Map.of());
      CompletableFuture<Void> closed = null;
      try {
        assertThat(status("/actuator/health/readiness", proxy)).isEqualTo(200);
        assertThat(
                AdminHttp.json(
                        proxy.management().resolve("/actuator/health/readiness"),
                        Proxy.VIEWER_AUTHORIZATION)
                    .get("components")
                    .get("rules")
                    .get("status")
                    .asString())
            .isEqualTo("UP");
        CompletableFuture<HttpResponse<String>> inFlight =
            HttpClient.newHttpClient()
                .sendAsync(
                    HttpRequest.newBuilder(proxy.url().resolve("/slow")).build(),
                    BodyHandlers.ofString());
        assertThat(upstream.awaitRequest(30, TimeUnit.SECONDS)).isTrue();

        closed = CompletableFuture.runAsync(proxy::close);

        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> status("/actuator/health/readiness", proxy) == 503);
        assertThat(
                AdminHttp.get(proxy.management().resolve("/actuator/health/readiness"), null)
                    .body())
            .contains("OUT_OF_SERVICE");
        assertThat(status("/actuator/health/liveness", proxy)).isEqualTo(200);
        assertThat(closed).isNotDone();

        upstream.release();

        assertThat(inFlight.get(30, TimeUnit.SECONDS).body()).isEqualTo("slow");
        closed.get(60, TimeUnit.SECONDS);
      } finally {
        upstream.release();
        if (closed == null) {
          proxy.close();
        }
      }
    }
  }

  private static int status(String path, Proxy proxy) {
    return AdminHttp.get(proxy.management().resolve(path), null).statusCode();
  }
}
