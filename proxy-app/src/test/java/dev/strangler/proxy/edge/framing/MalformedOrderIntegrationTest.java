package dev.strangler.proxy.edge.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.strangler.proxy.support.Monolith;
import dev.strangler.proxy.support.Proxy;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The write that the issue saw succeed: a chunked {@code POST /api/orders} whose first chunk is a
 * whole order and whose second chunk is malformed. Through the proxy to the real demo monolith it
 * places no order, counted in the monolith's database; the same order well framed places one.
 */
class MalformedOrderIntegrationTest {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final String ORDER = "{\"userId\":1,\"items\":[{\"productId\":2,\"quantity\":1}]}";

  private static Monolith monolith;
  private static Proxy proxy;

  @BeforeAll
  static void start() {
    monolith = Monolith.shared();
    proxy = Proxy.start(monolith.url());
  }

  @AfterAll
  static void stop() {
    proxy.close();
  }

  @Test
  void aMalformedSecondChunkPlacesNoOrder() throws Exception {
    long before = orderCount();

    // The body follows once the request to the monolith is under way, as from a slow client.
    RawClient.Answer refused =
        RawClient.sendAfterContinue(
            proxy.port(),
            order("", "Expect: 100-continue\r\n"),
            chunk(ORDER) + "zz\r\n\r\n0\r\n\r\n");
    RawClient.Answer placed =
        RawClient.send(proxy.port(), order(chunk(ORDER) + "0\r\n\r\n", "Connection: close\r\n"));

    assertThat(refused.status()).as(refused.text()).isEqualTo(400);
    assertThat(refused.closed()).isTrue();
    assertThat(placed.status()).as(placed.text()).isEqualTo(201);
    // The refused order would have been placed by now if the monolith had been sent it whole;
    // the count must stay at exactly the one good order for a while.
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> orderCount() == before + 1);
  }

  private static String order(String chunks, String extraHeaders) {
    return "POST /api/orders HTTP/1.1\r\nHost: shop.example\r\nContent-Type: application/json\r\n"
        + "Transfer-Encoding: chunked\r\n"
        + extraHeaders
        + "\r\n"
        + chunks;
  }

  private static String chunk(String data) {
    return Integer.toHexString(data.length()) + "\r\n" + data + "\r\n";
  }

  /** Orders in the monolith's database, asked of the monolith directly. */
  private static long orderCount() throws Exception {
    String body =
        CLIENT
            .send(
                HttpRequest.newBuilder(monolith.url().resolve("/api/orders/count")).build(),
                BodyHandlers.ofString())
            .body();
    Matcher count = Pattern.compile("\"count\":(\\d+)").matcher(body);
    assertThat(count.find()).as(body).isTrue();
    return Long.parseLong(count.group(1));
  }
}
