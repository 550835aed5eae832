package dev.strangler.proxy.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.proxy.support.LocalLambda;
import dev.strangler.proxy.support.Monolith;
import dev.strangler.proxy.support.Proxy;
import dev.strangler.proxy.support.ShopStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Over real sockets all the way: proxy → AWS SDK → local Lambda runtime → shop function → the
 * monolith's database, which the monolith serves to the functions as in the demo.
 */
class EndToEndIntegrationTest {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final String RULES =
      """
      version: 1
      routes:
        - id: product-reads
          match: { methods: [GET], paths: ["/api/products/{id}", /api/products] }
          lambda: { function: shop-get-products, qualifier: live, timeout: 2s }
          canary: { percent: 100 }
        - id: user-signup
          match: { methods: [POST], paths: [/api/users] }
          lambda: { function: shop-create-user, qualifier: live }
          canary: { percent: 100 }
        - id: thumbnails
          match: { methods: [POST], paths: [/api/images/thumbnail] }
          lambda: { function: shop-thumbnail, qualifier: live, timeout: 10s }
          canary: { percent: 100 }
        - id: missing
          match: { paths: [/api/missing] }
          lambda: { function: shop-not-deployed }
          canary: { percent: 100 }
      """;

  @TempDir static Path dir;
  private static ShopStack stack;
  private static Monolith monolith;
  private static LocalLambda lambda;
  private static Proxy proxy;

  @BeforeAll
  static void start() {
    stack = ShopStack.start(dir, RULES);
    monolith = stack.monolith();
    lambda = stack.lambda();
    proxy = stack.proxy();
  }

  @AfterEach
  void clearFaultsAfterEachTest() throws Exception {
    stack.clearFaults();
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @ParameterizedTest(name = "GET {0}")
  @CsvSource({"/api/products/1", "/api/products/987654", "/api/products?category=books&size=3"})
  void servesProductReadsFromLambdaByteForByteAsTheMonolith(String path) throws Exception {
    HttpResponse<byte[]> fromLambda = getBytes(proxy.url(), path);
    HttpResponse<byte[]> fromMonolith = getBytes(monolith.url(), path);

    assertThat(fromLambda.headers().firstValue("X-Strangler-Backend"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("lambda"));
    assertThat(fromLambda.statusCode()).isEqualTo(fromMonolith.statusCode());
    assertThat(fromLambda.headers().firstValue("Content-Type"))
        .isEqualTo(fromMonolith.headers().firstValue("Content-Type"));
    assertThat(fromLambda.body()).isEqualTo(fromMonolith.body());
  }

  @Test
  void writesThroughTheFunctionIntoTheMonolithsDatabase() throws Exception {
    String email = "e2e-" + UUID.randomUUID() + "@example.com";
    HttpResponse<String> created =
        CLIENT.send(
            HttpRequest.newBuilder(proxy.url().resolve("/api/users"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"name\":\"Edsger\",\"email\":\"" + email + "\"}"))
                .build(),
            BodyHandlers.ofString());

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("X-Strangler-Backend"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("lambda"));
    Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(created.body());
    assertThat(id.find()).isTrue();
    HttpResponse<byte[]> readByMonolith = getBytes(monolith.url(), "/api/users/" + id.group(1));
    assertThat(new String(readByMonolith.body())).contains(email);
  }

  @Test
  void makesThumbnailsInTheFunction() throws Exception {
    java.awt.image.BufferedImage image =
        new java.awt.image.BufferedImage(200, 100, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "png", png);
    HttpResponse<byte[]> thumb =
        CLIENT.send(
            HttpRequest.newBuilder(proxy.url().resolve("/api/images/thumbnail?width=50"))
                .header("Content-Type", "image/png")
                .POST(BodyPublishers.ofByteArray(png.toByteArray()))
                .build(),
            BodyHandlers.ofByteArray());

    assertThat(thumb.statusCode()).isEqualTo(200);
    assertThat(thumb.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(
            javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(thumb.body())).getWidth())
        .isEqualTo(50);
  }

  @ParameterizedTest(name = "{0} -> monolith, {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"throw\":\"database on fire\"} | function_error",
        "{\"timeout\":true} | timeout",
        "{\"throttle\":true} | throttled",
        "{\"malformed\":true} | malformed",
      })
  void servesReadsFromTheMonolithWhenTheFunctionFails(String fault, String reason)
      throws Exception {
    stack.fault("shop-get-products", fault);

    HttpResponse<byte[]> response = getBytes(proxy.url(), "/api/products/2");
    HttpResponse<byte[]> direct = getBytes(monolith.url(), "/api/products/2");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(direct.body());
    assertThat(response.headers().firstValue("X-Strangler-Backend"))
        .hasValue("monolith; rule=product-reads; fallback=" + reason);
  }

  @Test
  void neverRunsASignUpTwiceWhenTheFunctionFailed() throws Exception {
    stack.fault("shop-create-user", "{\"throw\":\"after the insert?\"}");
    String email = "once-" + UUID.randomUUID() + "@example.com";

    HttpResponse<String> response = signUp(email);

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(response.body()).contains("Lambda function failed").contains("user-signup");
    stack.clearFaults();
    assertThat(signUp(email).statusCode()).as("the email was not taken by a replay").isEqualTo(201);
  }

  @Test
  void replaysASignUpOnTheMonolithWhenTheFunctionWasThrottled() throws Exception {
    stack.fault("shop-create-user", "{\"throttle\":true}");
    String email = "replayed-" + UUID.randomUUID() + "@example.com";

    HttpResponse<String> response = signUp(email);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    assertThat(response.headers().firstValue("X-Strangler-Backend"))
        .hasValue("monolith; rule=user-signup; fallback=throttled");
    stack.clearFaults();
    assertThat(signUp(email).statusCode()).as("created exactly once").isEqualTo(409);
  }

  private static HttpResponse<String> signUp(String email) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(proxy.url().resolve("/api/users"))
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString("{\"name\":\"Ada\",\"email\":\"" + email + "\"}"))
            .build(),
        BodyHandlers.ofString());
  }

  @Test
  void sendsRequestsForAFunctionThatIsNotDeployedToTheMonolith() throws Exception {
    HttpResponse<String> response = get(proxy.url(), "/api/missing");

    assertThat(response.statusCode()).isEqualTo(get(monolith.url(), "/api/missing").statusCode());
    assertThat(response.headers().firstValue("X-Strangler-Backend"))
        .hasValue("monolith; rule=missing; fallback=not_found");
  }

  @Test
  void sendsABodyTooLargeForLambdaToTheMonolith() throws Exception {
    HttpResponse<String> response =
        CLIENT.send(
            HttpRequest.newBuilder(proxy.url().resolve("/api/images/thumbnail"))
                .header("Content-Type", "image/png")
                .POST(BodyPublishers.ofByteArray(new byte[7 * 1024 * 1024]))
                .build(),
            BodyHandlers.ofString());

    assertThat(response.headers().firstValue("X-Strangler-Backend"))
        .hasValue("monolith; rule=thumbnails; fallback=too_large");
  }

  @Test
  void startsColdOnceAndThenStaysWarm() throws Exception {
    CLIENT.send(
        HttpRequest.newBuilder(
                lambda.url().resolve("/_local/functions/shop-get-products/environments"))
            .DELETE()
            .build(),
        BodyHandlers.discarding());
    int coldBefore = coldStarts();

    get(proxy.url(), "/api/products/3");
    get(proxy.url(), "/api/products/4");
    get(proxy.url(), "/api/products/5");

    assertThat(coldStarts()).isEqualTo(coldBefore + 1);
  }

  private static int coldStarts() throws Exception {
    String functions = get(lambda.url(), "/_local/functions").body();
    Matcher matcher =
        Pattern.compile("\"shop-get-products\".*?\"coldStarts\"\\s*:\\s*(\\d+)", Pattern.DOTALL)
            .matcher(functions);
    assertThat(matcher.find()).as(functions).isTrue();
    return Integer.parseInt(matcher.group(1));
  }

  private static HttpResponse<String> get(URI server, String path) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(server.resolve(path)).build(), BodyHandlers.ofString());
  }

  private static HttpResponse<byte[]> getBytes(URI server, String path) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(server.resolve(path)).build(), BodyHandlers.ofByteArray());
  }
}
