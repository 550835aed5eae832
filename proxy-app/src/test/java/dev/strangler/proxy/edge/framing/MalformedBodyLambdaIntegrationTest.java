package dev.strangler.proxy.edge.framing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.proxy.support.InvokeApiServer;
import dev.strangler.proxy.support.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * On a rule sent to Lambda, a chunked body that turns malformed never becomes an event: the Invoke
 * API stub receives no invocation, and the client gets 400. The event of a good request carries the
 * proxy's forwarding headers and none of the connection's own fields.
 */
class MalformedBodyLambdaIntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String RULES =
      """
      version: 1
      routes:
        - id: uploads
          match: { methods: [POST], paths: [/api/uploads] }
          lambda: { function: upload }
          canary: { percent: 100 }
      """;

  @TempDir static Path dir;
  private static CapturingUpstream monolith;
  private static InvokeApiServer lambda;
  private static Proxy proxy;

  @BeforeAll
  static void start() throws Exception {
    monolith = new CapturingUpstream();
    lambda =
        new InvokeApiServer()
            .answer("upload", InvokeApiServer.returning("{\"statusCode\":200,\"body\":\"ran\"}"));
    Path rules = Files.writeString(dir.resolve("routes.yaml"), RULES);
    proxy =
        Proxy.start(
            monolith.url(),
            Map.of(
                "strangler.rules.file", rules.toString(),
                "strangler.lambda.endpoint", lambda.url().toString()));
  }

  @AfterAll
  static void stop() throws Exception {
    proxy.close();
    lambda.close();
    monolith.close();
  }

  @Test
  void aMalformedChunkNeverInvokesTheFunction() throws Exception {
    int before = lambda.received().size();
    // The body follows once the proxy reads it for the event, as from a slow client.
    RawClient.Answer refused =
        RawClient.sendAfterContinue(
            proxy.port(),
            upload("", "Expect: 100-continue\r\n"),
            "5\r\nfirst\r\nzz\r\nsecond\r\n0\r\n\r\n");
    // The same request, well framed, on a new connection: the function runs for it alone.
    RawClient.Answer served =
        RawClient.send(
            proxy.port(),
            upload("5\r\nfirst\r\n6\r\nsecond\r\n0\r\n\r\n", "Connection: close\r\n"));

    assertThat(served.status()).as(served.text()).isEqualTo(200);
    assertThat(served.text()).endsWith("ran");
    assertThat(lambda.received()).as("one invocation: the good request's").hasSize(before + 1);
    assertThat(eventBody(lambda.received().get(before))).isEqualTo("firstsecond");
    assertThat(monolith.connections()).as("nothing fell back to the monolith").isEmpty();
    assertThat(refused.status()).as(refused.text()).isEqualTo(400);
    assertThat(refused.closed()).isTrue();
    assertThat(refused.text()).contains("Malformed request body");
  }

  @Test
  void theEventCarriesNoConnectionFieldsAndTheProxysForwardingHeaders() throws Exception {
    int before = lambda.received().size();
    RawClient.Answer served =
        RawClient.send(
            proxy.port(),
            upload(
                "2\r\nok\r\n0\r\n\r\n",
                "Connection: close, X-Forwarded-For, X-Hop-Secret\r\nX-Hop-Secret: s3cret\r\n"
                    + "Keep-Alive: timeout=5\r\nX-End-To-End: kept\r\n"));

    assertThat(served.status()).as(served.text()).isEqualTo(200);
    assertThat(lambda.received()).hasSize(before + 1);
    JsonNode headers = JSON.readTree(lambda.received().get(before).payload()).get("headers");
    assertThat(headers.properties().stream().map(Map.Entry::getKey).map(String::toLowerCase))
        .contains("x-forwarded-for", "x-forwarded-proto", "x-forwarded-port", "x-end-to-end")
        .doesNotContain("x-hop-secret", "keep-alive", "connection", "transfer-encoding");
    assertThat(headers.get("x-forwarded-for").asString()).isEqualTo("127.0.0.1");
  }

  private static String upload(String chunks, String extraHeaders) {
    return "POST /api/uploads HTTP/1.1\r\nHost: shop.example\r\nTransfer-Encoding: chunked\r\n"
        + "Content-Type: text/plain\r\n"
        + extraHeaders
        + "\r\n"
        + chunks;
  }

  private static String eventBody(InvokeApiServer.Invocation invocation) {
    return JSON.readTree(invocation.payload()).get("body").asString();
  }
}
