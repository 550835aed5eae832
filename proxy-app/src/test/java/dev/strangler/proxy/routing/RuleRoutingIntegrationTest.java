package dev.strangler.proxy.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.proxy.support.Echo;
import dev.strangler.proxy.support.LambdaTestDouble;
import dev.strangler.proxy.support.Monolith;
import dev.strangler.proxy.support.Proxy;
import dev.strangler.proxy.support.RawHttp;
import dev.strangler.proxy.support.RawHttp.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The proxy applies the route rules: matched rules and their canary go to Lambda. */
class RuleRoutingIntegrationTest {

  private static final String OVERRIDE = "X-Canary-Override";
  private static final String RULES =
      """
      version: 1
      routes:
        - id: product-reads
          match: { methods: [GET, HEAD], paths: ["/api/products/{id}"] }
          lambda: { function: shop-get-product }
          canary: { percent: 100 }
        - id: admin
          match: { paths: ["/api/admin/**"] }
          lambda: { function: shop-admin }
          canary: { percent: 100 }
        - id: user-reads-half
          match: { methods: [GET], paths: ["/api/users/{id}"] }
          lambda: { function: shop-get-user }
          canary: { percent: 50, stickyBy: "header:X-User-Id" }
        - id: orders-dark
          match: { methods: [POST], paths: [/api/orders] }
          lambda: { function: shop-create-order }
          canary: { percent: 0 }
      """;

  @TempDir static Path dir;
  private static Proxy proxy;

  @BeforeAll
  static void start() throws IOException {
    Path rules = Files.writeString(dir.resolve("routes.yaml"), RULES);
    proxy =
        Proxy.start(
            Monolith.shared().url(),
            Map.of(
                "strangler.rules.file",
                rules.toString(),
                "strangler.canary.override-header",
                OVERRIDE,
                "strangler.backend-header",
                "X-Strangler-Backend"),
            LambdaTestDouble.class);
  }

  @AfterAll
  static void stop() {
    proxy.close();
  }

  @Test
  void sendsARequestThatARuleClaimsToItsFunction() throws IOException {
    Response response = RawHttp.get(proxy.url(), "/api/products/7");

    assertThat(response.first(LambdaTestDouble.RULE)).hasValue("product-reads");
    assertThat(response.first(LambdaTestDouble.FUNCTION)).hasValue("shop-get-product");
    assertThat(response.bodyText()).startsWith("/api/products/7 {id=7}");
  }

  @Test
  void namesTheBackendThatServedWhenAskedTo() throws IOException {
    Response toLambda = RawHttp.get(proxy.url(), "/api/products/7");
    Response unmatched = RawHttp.get(proxy.url(), "/api/products?size=1");
    Response dark =
        RawHttp.exchange(
            proxy.url(),
            "POST /api/orders HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0",
            new byte[0]);

    assertThat(toLambda.first("X-Strangler-Backend"))
        .hasValueSatisfying(
            v -> assertThat(v).matches("lambda; rule=product-reads; bucket=\\d+; reason=canary"));
    assertThat(unmatched.first("X-Strangler-Backend")).hasValue("monolith; reason=no_match");
    assertThat(dark.first("X-Strangler-Backend"))
        .hasValueSatisfying(
            v -> assertThat(v).matches("monolith; rule=orders-dark; bucket=\\d+; reason=canary"));
  }

  @Test
  void keepsRequestsThatNoRuleClaimsOnTheMonolith() throws IOException {
    Response list = RawHttp.get(proxy.url(), "/api/products?size=2");
    Response wrongMethod =
        RawHttp.exchange(
            proxy.url(),
            "DELETE /api/products/7 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0",
            new byte[0]);

    assertThat(servedBy(list)).isEmpty();
    assertThat(list.bodyText()).contains("\"items\"");
    assertThat(servedBy(wrongMethod)).isEmpty();
    assertThat(wrongMethod.status()).isEqualTo(405);
  }

  @Test
  void letsTestersForceEitherBackend() throws IOException {
    Response forcedToLambda =
        RawHttp.exchange(
            proxy.url(),
            "POST /api/orders HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n"
                + OVERRIDE
                + ": lambda",
            new byte[0]);
    Response forcedToMonolith =
        RawHttp.get(proxy.url(), "/api/products/7", OVERRIDE + ": monolith");

    assertThat(forcedToLambda.first(LambdaTestDouble.RULE)).hasValue("orders-dark");
    assertThat(servedBy(forcedToMonolith)).isEmpty();
    assertThat(forcedToMonolith.bodyText()).contains("\"id\":7");
  }

  @Test
  void keepsEachUserOnOneBackendAndSplitsUsersByThePercent() throws IOException {
    int lambdaUsers = 0;
    for (int user = 0; user < 200; user++) {
      String header = "X-User-Id: user-" + user;
      boolean first = servedBy(RawHttp.get(proxy.url(), "/api/users/1", header)).isPresent();
      for (int again = 0; again < 2; again++) {
        boolean next = servedBy(RawHttp.get(proxy.url(), "/api/users/1", header)).isPresent();
        assertThat(next).as("user-%d sees one backend", user).isEqualTo(first);
      }
      lambdaUsers += first ? 1 : 0;
    }
    assertThat(lambdaUsers).isBetween(70, 130);
  }

  @ParameterizedTest(name = "{0} -> rule {1}, path {2}")
  @CsvSource({
    "/api/public/..;/admin/users, admin, /api/admin/users",
    "/api/public/../admin/users, admin, /api/admin/users",
    "/api//admin//users, admin, /api/admin/users",
    "/api/%61dmin/users, admin, /api/admin/users",
    "/api/products/7;jsessionid=abc, product-reads, /api/products/7;jsessionid=abc",
  })
  void matchesThePathAsTheMonolithWouldReadIt(String path, String rule, String forwarded)
      throws IOException {
    Response response = RawHttp.get(proxy.url(), path);

    assertThat(response.first(LambdaTestDouble.RULE)).hasValue(rule);
    assertThat(response.bodyText()).startsWith(forwarded + " ");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/api/debug/../debug/./request",
        "/api//debug/request",
        "/api/%64ebug/request",
        "/x/../api/debug/request"
      })
  void forwardsToTheMonolithExactlyThePathItMatched(String path) throws IOException {
    Echo seen = Echo.of(RawHttp.get(proxy.url(), path + "?q=1"));

    assertThat(seen.path()).isEqualTo("/api/debug/request");
    assertThat(seen.rawQuery()).isEqualTo("q=1");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/api/admin%2Fusers",
        "/api/public/%2e%2e/admin/users",
        "/api/public/.%2E/admin/users",
        "/api/a%5Cb",
        "/api/products/1%00",
        "/../api/admin/users",
        "/api/../../etc/passwd"
      })
  void rejectsPathsThatCannotBeReadUnambiguously(String path) throws IOException {
    Response response = RawHttp.get(proxy.url(), path);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.first("Content-Type")).hasValue("application/problem+json");
    assertThat(response.bodyText()).contains("\"title\":\"Ambiguous request path\"");
    assertThat(servedBy(response)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/api/products/%zz", "/api/products/%4", "/api/products/%"})
  void rejectsInvalidPercentEncodingBeforeRouting(String path) throws IOException {
    // The HTTP layer refuses a request target that is not a URI, before any filter runs.
    Response response = RawHttp.get(proxy.url(), path);

    assertThat(response.status()).isEqualTo(400);
    assertThat(servedBy(response)).isEmpty();
  }

  private static Optional<String> servedBy(Response response) {
    return response.first(LambdaTestDouble.SERVED_BY);
  }
}
