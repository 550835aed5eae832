package dev.strangler.proxy.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.strangler.proxy.support.FreePort;
import dev.strangler.proxy.support.InvokeApiServer;
import dev.strangler.proxy.support.Monolith;
import dev.strangler.proxy.support.Proxy;
import dev.strangler.proxy.support.ProxyProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A POST whose invocation failed before anything was sent cannot have run the function, so the
 * monolith places it, exactly once: credentials that do not load (a proxy JVM whose default AWS
 * chain finds nothing), and an endpoint that refuses the connection. Orders are counted in the
 * monolith's own database, and the Invoke API stub shows the function was never called.
 */
class NeverSentFallbackIntegrationTest {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final String ORDER = "{\"userId\":1,\"items\":[{\"productId\":2,\"quantity\":1}]}";

  private static final String RULES =
      """
      version: 1
      routes:
        - id: orders
          match: { methods: [POST], paths: [/api/orders] }
          lambda: { function: shop-create-order, timeout: 3s }
          canary: { percent: 100 }
      """;

  @TempDir static Path dir;
  private static Monolith monolith;
  private static InvokeApiServer lambda;

  @BeforeAll
  static void start() {
    monolith = Monolith.shared();
    lambda = new InvokeApiServer().answer("shop-create-order", InvokeApiServer.returning("{}"));
  }

  @AfterAll
  static void stop() {
    lambda.close();
  }

  @Test
  void aPostWhoseCredentialsDoNotLoadIsPlacedOnceByTheMonolith() throws Exception {
    assumeTrue(
        System.getenv("AWS_ACCESS_KEY_ID") == null
            && System.getenv("AWS_WEB_IDENTITY_TOKEN_FILE") == null
            && System.getenv("AWS_CONTAINER_CREDENTIALS_FULL_URI") == null
            && System.getenv("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") == null,
        "the environment has AWS credentials of its own");
    Path empty = Files.writeString(dir.resolve("empty-aws-file"), "");
    Path rules = Files.writeString(dir.resolve("routes-credentials.yaml"), RULES);
    // The default chain with nothing to find: no system properties, no profile files, no
    // instance metadata (ProxyProcess turns that off for every test).
    try (ProxyProcess.Started proxy =
        ProxyProcess.start(
            List.of(
                "-XX:TieredStopAtLevel=1",
                "-Daws.sharedCredentialsFile=" + empty,
                "-Daws.configFile=" + empty),
            monolith.url(),
            Map.of(
                "strangler.rules.file",
                rules.toString(),
                "strangler.lambda.endpoint",
                lambda.url().toString(),
                "strangler.lambda.credentials",
                "default",
                "strangler.backend-header",
                "X-Strangler-Backend"))) {
      assertPlacedOnceByTheMonolith(proxy.url());
    }
  }

  @Test
  void aPostWhoseConnectionIsRefusedIsPlacedOnceByTheMonolith() throws Exception {
    Path rules = Files.writeString(dir.resolve("routes-refused.yaml"), RULES);
    int nobodyListens = FreePort.next();
    try (Proxy proxy =
        Proxy.start(
            monolith.url(),
            Map.of(
                "strangler.rules.file",
                rules.toString(),
                "strangler.lambda.endpoint",
                "http://127.0.0.1:" + nobodyListens,
                "strangler.backend-header",
                "X-Strangler-Backend"))) {
      assertPlacedOnceByTheMonolith(proxy.url());
    }
  }

  private static void assertPlacedOnceByTheMonolith(URI proxy) throws Exception {
    long before = orderCount();

    HttpResponse<String> answer =
        CLIENT.send(
            HttpRequest.newBuilder(proxy.resolve("/api/orders"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(ORDER))
                .build(),
            BodyHandlers.ofString());

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    assertThat(answer.headers().firstValue("X-Strangler-Backend"))
        .hasValue("monolith; rule=orders; fallback=connect");
    assertThat(orderCount() - before).as("orders placed by the monolith").isEqualTo(1);
    assertThat(lambda.received()).as("invocations that reached Lambda").isEmpty();
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
