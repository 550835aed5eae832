package dev.strangler.proxy.monolith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.strangler.proxy.support.ProxyProcess;
import dev.strangler.proxy.support.ScriptedUpstream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** On SIGTERM the proxy refuses new connections and lets requests in flight finish. */
class GracefulShutdownIntegrationTest {

  @Test
  void finishesInFlightRequestsAndRefusesNewConnectionsOnSigterm() throws Exception {
    try (ScriptedUpstream slowUpstream =
            ScriptedUpstream.holding(
                "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 8\r\n\r\nfinished");
        ProxyProcess.Started proxy = ProxyProcess.start(List.of("-Xmx128m"), slowUpstream.url())) {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      CompletableFuture<HttpResponse<String>> inFlight =
          client.sendAsync(
              HttpRequest.newBuilder(proxy.url().resolve("/slow")).build(),
              BodyHandlers.ofString());
      assertThat(slowUpstream.awaitRequest(30, TimeUnit.SECONDS)).isTrue();

      proxy.process().terminate();

      int port = proxy.url().getPort();
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThatThrownBy(
                          () -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                      .isInstanceOf(ConnectException.class));
      assertThat(inFlight).isNotDone();

      slowUpstream.release();

      HttpResponse<String> response = inFlight.get(30, TimeUnit.SECONDS);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("finished");
      assertThat(proxy.process().awaitExit(Duration.ofSeconds(30))).isNotEqualTo(137);
    }
  }
}
