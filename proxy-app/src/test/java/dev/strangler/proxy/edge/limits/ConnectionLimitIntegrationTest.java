package dev.strangler.proxy.edge.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.proxy.support.Proxy;
import dev.strangler.proxy.support.RawHttp;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The public port's connection caps against the real proxy: 24 connections in all, 16 per client
 * address. The second client connects from 127.0.0.2, a loopback address of its own.
 */
class ConnectionLimitIntegrationTest {

  private static final String OTHER_CLIENT = "127.0.0.2";

  private static RecordingUpstream upstream;
  private static Proxy proxy;
  private static ConnectionLimits limits;
  private final List<Socket> holders = new ArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    upstream = new RecordingUpstream();
    proxy =
        Proxy.start(
            upstream.url(),
            Map.of(
                "strangler.server.max-connections", "24",
                "strangler.server.max-connections-per-client", "16"));
    limits = proxy.bean(ConnectionLimits.class);
  }

  @AfterAll
  static void stop() throws IOException {
    proxy.close();
    upstream.close();
  }

  @AfterEach
  void letGo() throws IOException {
    for (Socket holder : holders) {
      holder.close();
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> limits.open() == 0);
  }

  /** Opens idle connections from {@code address} and waits until the proxy has admitted them. */
  private void hold(int count, String address) throws IOException {
    int before = limits.open();
    for (int i = 0; i < count; i++) {
      holders.add(connectFrom(address));
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> limits.open() == before + count);
  }

  private static Socket connectFrom(String address) throws IOException {
    Socket socket = new Socket();
    socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), proxy.port()));
    socket.setSoTimeout(10_000);
    return socket;
  }

  private static RawHttp.Response getFrom(String address) throws IOException {
    try (Socket socket = connectFrom(address)) {
      socket
          .getOutputStream()
          .write(("GET /limited HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes());
      String response = SlowClientTimeoutsIntegrationTest.readResponse(socket.getInputStream());
      int status = Integer.parseInt(response.substring(9, 12));
      String[] parts = response.split("\r\n\r\n", 2);
      List<String[]> headers = new ArrayList<>();
      for (String line : parts[0].split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          headers.add(new String[] {line.substring(0, colon), line.substring(colon + 1).trim()});
        }
      }
      return new RawHttp.Response(status, headers, parts[1].getBytes());
    }
  }

  @Test
  void oneClientAtItsCapIsRefusedWhileAnotherIsServed() throws IOException {
    hold(16, OTHER_CLIENT);

    RawHttp.Response refused = getFrom(OTHER_CLIENT);
    RawHttp.Response served = getFrom("127.0.0.1");

    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.first("Content-Type")).contains("application/problem+json");
    assertThat(refused.first("Connection")).contains("close");
    assertThat(refused.first("Retry-After")).contains("1");
    assertThat(refused.bodyText()).contains("\"status\":503").contains("client address");
    assertThat(served.status()).isEqualTo(200);
    assertThat(served.bodyText()).isEqualTo(RecordingUpstream.BODY);
  }

  @Test
  void beyondTheTotalCapEveryoneIsRefusedAndServiceResumesWhenTheHoldersGo() throws Exception {
    hold(16, OTHER_CLIENT);
    hold(8, "127.0.0.1");
    int upstreamRequests = upstream.completeRequests();

    RawHttp.Response refused = getFrom("127.0.0.1");

    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.bodyText()).contains("as many connections as it may");
    assertThat(upstream.completeRequests())
        .as("a refused request goes nowhere")
        .isEqualTo(upstreamRequests);
    assertThat(managementHealth()).as("the management port is not counted").isEqualTo(200);

    for (Socket holder : holders) {
      holder.close();
    }
    holders.clear();
    await().atMost(Duration.ofSeconds(10)).until(() -> limits.open() == 0);

    RawHttp.Response resumed = getFrom("127.0.0.1");
    assertThat(resumed.status()).isEqualTo(200);
    assertThat(resumed.bodyText()).isEqualTo(RecordingUpstream.BODY);
  }

  @Test
  void theRefusalsAreCounted() throws Exception {
    hold(16, OTHER_CLIENT);
    double before = refusedCount("max_connections_per_client");

    getFrom(OTHER_CLIENT);

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> refusedCount("max_connections_per_client") == before + 1);
  }

  private static double refusedCount(String reason) {
    io.micrometer.core.instrument.Counter counter =
        proxy
            .bean(io.micrometer.core.instrument.MeterRegistry.class)
            .find("strangler.connections.refused")
            .tag("reason", reason)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  private static int managementHealth() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    URI health = URI.create(proxy.management() + "/actuator/health");
    return client
        .send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
