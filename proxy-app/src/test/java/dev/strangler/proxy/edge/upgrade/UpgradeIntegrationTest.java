package dev.strangler.proxy.edge.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.proxy.support.Echo;
import dev.strangler.proxy.support.Monolith;
import dev.strangler.proxy.support.Proxy;
import dev.strangler.proxy.support.RawHttp;
import dev.strangler.proxy.support.RawHttp.Response;
import dev.strangler.proxy.support.ScriptedUpstream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Protocol upgrades through the proxy: a WebSocket to the real monolith works end to end, an {@code
 * h2c} upgrade is never forwarded, and a 101 nobody asked for becomes a 502.
 */
class UpgradeIntegrationTest {

  private static final String H2C_REQUEST =
      "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade, HTTP2-Settings\r\n"
          + "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA";

  @ParameterizedTest(name = "101 with Upgrade: {0}")
  @ValueSource(strings = {"websocket", "h2c", "example/1"})
  void answersA502WhenTheUpstreamSwitchesProtocolsUnasked(String protocol) throws Exception {
    try (ScriptedUpstream upstream =
            ScriptedUpstream.answering(
                "HTTP/1.1 101 Switching Protocols\r\nUpgrade: "
                    + protocol
                    + "\r\nConnection: Upgrade\r\nSet-Cookie: session=upstream\r\n\r\n"
                    + "\u0081\u0005hello"); // bytes of the other protocol right after
        Proxy proxy = Proxy.start(upstream.url())) {
      Response plainGet = RawHttp.get(proxy.url(), "/api/products");
      Response h2cGet =
          RawHttp.exchange(proxy.url(), String.format(H2C_REQUEST, "/api/products"), new byte[0]);

      for (Response response : new Response[] {plainGet, h2cGet}) {
        assertThat(response.status()).isEqualTo(502);
        assertThat(response.first("Content-Type")).hasValue("application/problem+json");
        assertThat(response.bodyText()).contains("\"status\":502", "asked for no upgrade");
        assertThat(response.values("Upgrade")).isEmpty();
        assertThat(response.values("Set-Cookie")).isEmpty();
        assertThat(response.values("Transfer-Encoding")).isEmpty();
      }
      assertThat(upstream.requestHeads()).hasSize(2).noneMatch(head -> head.contains("pgrade"));
    }
  }

  @Test
  void forwardsAnH2cUpgradeRequestWithoutTheUpgrade() throws Exception {
    try (ScriptedUpstream upstream =
            ScriptedUpstream.answering("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        Proxy proxy = Proxy.start(upstream.url())) {
      Response response =
          RawHttp.exchange(proxy.url(), String.format(H2C_REQUEST, "/plain"), new byte[0]);

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.bodyText()).isEqualTo("ok");
      assertThat(upstream.requestHeads()).hasSize(1);
      String head = upstream.requestHeads().get(0).toLowerCase();
      assertThat(head).startsWith("get /plain http/1.1\r\n");
      assertThat(head).doesNotContain("upgrade", "h2c", "http2-settings");
    }
  }

  @Test
  void theMonolithAnswersAnH2cUpgradeRequestAsAPlainOne() throws Exception {
    try (Proxy proxy = Proxy.start(Monolith.shared().url())) {
      Response response =
          RawHttp.exchange(
              proxy.url(), String.format(H2C_REQUEST, "/api/debug/request"), new byte[0]);

      assertThat(response.status()).isEqualTo(200);
      Echo seen = Echo.of(response);
      assertThat(seen.headerNames()).doesNotContain("upgrade", "http2-settings");
      assertThat(seen.header("connection")).allSatisfy(v -> assertThat(v).doesNotContain("pgrade"));
    }
  }

  @Test
  void carriesAWebSocketToTheMonolithAndBack() throws Exception {
    try (Proxy proxy = Proxy.start(Monolith.shared().url())) {
      Frames frames = new Frames();
      WebSocket socket =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .buildAsync(URI.create("ws://127.0.0.1:" + proxy.port() + "/ws/echo"), frames)
              .get(30, TimeUnit.SECONDS);

      assertThat(frames.next()).isEqualTo("hello");
      socket.sendText("first", true).get(10, TimeUnit.SECONDS);
      assertThat(frames.next()).isEqualTo("echo: first");
      // Under the monolith's default 8 KB text message buffer (Tomcat closes with 1009 beyond it).
      String large = "x".repeat(8_000);
      socket.sendText(large, true).get(10, TimeUnit.SECONDS);
      assertThat(frames.next()).isEqualTo("echo: " + large);

      socket.sendText("close 4001", true).get(10, TimeUnit.SECONDS);
      assertThat(frames.closed.get(10, TimeUnit.SECONDS)).isEqualTo("4001 as asked");
    }
  }

  @Test
  void passesTheClientsCloseToTheMonolithAndItsAnswerBack() throws Exception {
    try (Proxy proxy = Proxy.start(Monolith.shared().url())) {
      Frames frames = new Frames();
      WebSocket socket =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .buildAsync(URI.create("ws://127.0.0.1:" + proxy.port() + "/ws/echo"), frames)
              .get(30, TimeUnit.SECONDS);
      assertThat(frames.next()).isEqualTo("hello");

      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);

      assertThat(frames.closed.get(10, TimeUnit.SECONDS)).startsWith("1000");
    }
  }

  /** Collects whole text messages and the close the client received. */
  private static final class Frames implements WebSocket.Listener {
    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        messages.add(partial.toString());
        partial.setLength(0);
      }
      socket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int code, String reason) {
      closed.complete(code + " " + reason);
      return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
      closed.completeExceptionally(error);
    }

    String next() throws InterruptedException {
      String message = messages.poll(10, TimeUnit.SECONDS);
      assertThat(message).as("a message within 10 s").isNotNull();
      return message;
    }
  }
}
