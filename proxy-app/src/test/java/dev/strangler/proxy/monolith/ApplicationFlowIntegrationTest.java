package dev.strangler.proxy.monolith;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.proxy.support.Monolith;
import dev.strangler.proxy.support.Proxy;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A user's journeys through the proxy: forms, sessions, redirects, uploads, writes. */
class ApplicationFlowIntegrationTest {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

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
  void passesEverySetCookieOfAResponse() throws Exception {
    HttpResponse<String> direct = get(monolith.url(), "/cookies");
    HttpResponse<String> proxied = get(proxy.url(), "/cookies");

    List<String> cookies = proxied.headers().allValues("Set-Cookie");
    assertThat(cookies).hasSize(3).isEqualTo(direct.headers().allValues("Set-Cookie"));
  }

  @Test
  void rewritesRedirectsThatNameTheMonolithsOrigin() throws Exception {
    HttpResponse<String> direct = get(monolith.url(), "/login-redirect");
    HttpResponse<String> proxied = get(proxy.url(), "/login-redirect");

    assertThat(direct.headers().firstValue("Location")).hasValue(monolith.url() + "/account");
    assertThat(proxied.statusCode()).isEqualTo(direct.statusCode());
    assertThat(proxied.headers().firstValue("Location")).hasValue(proxy.url() + "/account");
  }

  @Test
  void postsAFormAndFollowsTheRedirectWithTheSessionCookie() throws Exception {
    String message = "hello-" + UUID.randomUUID();
    HttpResponse<String> posted =
        CLIENT.send(
            HttpRequest.newBuilder(proxy.url().resolve("/guestbook"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("name=Ada&message=" + message))
                .build(),
            BodyHandlers.ofString());

    assertThat(posted.statusCode()).isEqualTo(303);
    String location = posted.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(proxy.url() + "/");
    String session =
        posted.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .map(c -> c.substring(0, c.indexOf(';')))
            .findFirst()
            .orElseThrow();

    HttpResponse<String> page =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(location)).header("Cookie", session).build(),
            BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(message);
  }

  @Test
  void answersConditionalRequestsForStaticAssetsWith304() throws Exception {
    HttpResponse<String> first = get(proxy.url(), "/static/site.css");
    String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();

    HttpResponse<String> again =
        CLIENT.send(
            HttpRequest.newBuilder(proxy.url().resolve("/static/site.css"))
                .header("If-Modified-Since", lastModified)
                .build(),
            BodyHandlers.ofString());

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void makesTheSameThumbnailAsTheMonolith() throws Exception {
    byte[] image = png(320, 200);

    HttpResponse<byte[]> direct = thumbnail(monolith.url(), image);
    HttpResponse<byte[]> proxied = thumbnail(proxy.url(), image);

    assertThat(proxied.statusCode()).isEqualTo(200);
    assertThat(proxied.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(proxied.body()).isEqualTo(direct.body());
    BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(proxied.body()));
    assertThat(thumb.getWidth()).isEqualTo(64);
  }

  @Test
  void createsAUserAndKeepsTheRelativeLocation() throws Exception {
    String email = "ada-" + UUID.randomUUID() + "@example.com";
    HttpResponse<String> created =
        postJson(proxy.url(), "/api/users", "{\"name\":\"Ada\",\"email\":\"" + email + "\"}");

    assertThat(created.statusCode()).isEqualTo(201);
    String location = created.headers().firstValue("Location").orElseThrow();
    assertThat(location).matches("(http://127\\.0\\.0\\.1:" + proxy.port() + ")?/api/users/\\d+");
    HttpResponse<String> fetched = get(proxy.url(), location.replaceFirst("^http://[^/]+", ""));
    assertThat(fetched.body()).contains(email);
  }

  @Test
  void rejectsAnInvalidUserWithTheMonolithsProblemDetails() throws Exception {
    HttpResponse<String> rejected =
        postJson(proxy.url(), "/api/users", "{\"name\":\"\",\"email\":\"nope\"}");

    assertThat(rejected.statusCode()).isEqualTo(400);
    assertThat(rejected.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void placesAnOrderExactlyOnce() throws Exception {
    long before = orderCount();
    String user = "buyer-" + UUID.randomUUID() + "@example.com";
    HttpResponse<String> created =
        postJson(proxy.url(), "/api/users", "{\"name\":\"Buyer\",\"email\":\"" + user + "\"}");
    long userId = Long.parseLong(firstNumberAfter("\"id\"", created.body()));

    HttpResponse<String> order =
        postJson(
            proxy.url(),
            "/api/orders",
            "{\"userId\":" + userId + ",\"items\":[{\"productId\":1,\"quantity\":2}]}");

    assertThat(order.statusCode()).as(order.body()).isEqualTo(201);
    assertThat(orderCount()).isEqualTo(before + 1);
  }

  private static long orderCount() throws Exception {
    return Long.parseLong(
        firstNumberAfter("\"count\"", get(monolith.url(), "/api/orders/count").body()));
  }

  private static String firstNumberAfter(String key, String json) {
    Matcher matcher = Pattern.compile(Pattern.quote(key) + "\\s*:\\s*(\\d+)").matcher(json);
    assertThat(matcher.find()).as(json).isTrue();
    return matcher.group(1);
  }

  private static HttpResponse<String> get(URI server, String path) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(server.resolve(path)).build(), BodyHandlers.ofString());
  }

  private static HttpResponse<String> postJson(URI server, String path, String json)
      throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(server.resolve(path))
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(json))
            .build(),
        BodyHandlers.ofString());
  }

  private static HttpResponse<byte[]> thumbnail(URI server, byte[] image) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(server.resolve("/api/images/thumbnail"))
            .header("Content-Type", "image/png")
            .POST(BodyPublishers.ofByteArray(image))
            .build(),
        BodyHandlers.ofByteArray());
  }

  private static byte[] png(int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < width; x++) {
      for (int y = 0; y < height; y++) {
        image.setRGB(x, y, (x * 7) << 16 | (y * 5) << 8 | (x ^ y));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
