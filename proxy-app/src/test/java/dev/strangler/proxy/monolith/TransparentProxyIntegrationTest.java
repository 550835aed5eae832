package dev.strangler.proxy.monolith;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.proxy.support.Monolith;
import dev.strangler.proxy.support.Proxy;
import dev.strangler.proxy.support.RawHttp;
import dev.strangler.proxy.support.RawHttp.Response;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With no rules, a response fetched through the proxy is the response the monolith gives directly:
 * status, end-to-end headers and body bytes.
 */
class TransparentProxyIntegrationTest {

  /** Headers that legitimately differ between two fetches, or belong to one connection. */
  private static final Set<String> PER_CONNECTION =
      Set.of("date", "connection", "keep-alive", "transfer-encoding");

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

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "GET /api/products",
        "GET /api/products?category=books&page=0&size=5",
        "GET /api/products?page=1&size=7",
        "GET /api/products?size=1000",
        "GET /api/products/1",
        "GET /api/products/987654",
        "GET /api/users/987654",
        "GET /api/slow?delayMs=20",
        "GET /api/files/download?sizeBytes=100000",
        "GET /api/files/download-chunked?sizeMb=1",
        "GET /",
        "GET /static/site.css",
        "GET /account",
        "GET /no/such/page",
        "HEAD /api/products/1",
        "HEAD /static/site.css",
        "OPTIONS /api/products",
        "OPTIONS /api/users"
      })
  void answersExactlyAsTheMonolithDoes(String request) throws IOException {
    String[] parts = request.split(" ");
    String head = parts[0] + " " + parts[1] + " HTTP/1.1";

    Response direct = send(monolith.url(), head);
    Response proxied = send(proxy.url(), head);

    assertThat(proxied.status()).isEqualTo(direct.status());
    assertThat(endToEndHeaders(proxied)).isEqualTo(endToEndHeaders(direct));
    assertThat(proxied.body()).isEqualTo(direct.body());
  }

  private static Response send(URI server, String requestLine) throws IOException {
    String head = requestLine + "\r\nHost: 127.0.0.1:" + server.getPort() + "\r\nAccept: */*";
    return RawHttp.exchange(server, head, new byte[0]);
  }

  private static List<String> endToEndHeaders(Response response) {
    return response.headers().stream()
        .filter(h -> !PER_CONNECTION.contains(h[0].toLowerCase(Locale.ROOT)))
        .map(h -> h[0].toLowerCase(Locale.ROOT) + ": " + h[1])
        .sorted()
        .toList();
  }
}
