package dev.strangler.functions.shop.support;

import static dev.strangler.functions.shop.support.Responses.bodyBytes;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * Sends the same request to the real monolith and to a handler and asserts that a client could not
 * tell them apart: same status, same headers (but those that belong to the connection, which the
 * proxy writes itself), same body bytes. The monolith is started once per test JVM.
 */
public final class Parity {

  /** Headers of the HTTP connection rather than of the answer. */
  private static final Set<String> TRANSPORT_HEADERS =
      Set.of("date", "content-length", "transfer-encoding", "connection", "keep-alive");

  private static MonolithProcess monolith;

  private Parity() {}

  private static synchronized MonolithProcess monolith() {
    if (monolith == null) {
      monolith = MonolithProcess.start();
      Runtime.getRuntime().addShutdownHook(new Thread(monolith::close));
    }
    return monolith;
  }

  /** Starts the monolith now, so that its start-up is not billed to the first comparison. */
  public static void startMonolith() {
    monolith();
  }

  public static void assertSameAnswer(
      Exchange exchange,
      APIGatewayV2HTTPEvent event,
      BiFunction<APIGatewayV2HTTPEvent, Context, APIGatewayV2HTTPResponse> handler,
      String functionName) {
    RawHttp.Response expected = exchange.sendTo(monolith().port());
    APIGatewayV2HTTPResponse actual = handler.apply(event, new TestContext(functionName));

    assertSameStatusAndHeaders(exchange, expected, actual);
    byte[] actualBody = bodyBytes(actual);
    if (!actual.getIsBase64Encoded()) {
      // Text first, for a readable difference.
      assertThat(new String(actualBody, StandardCharsets.UTF_8))
          .as("body of %s", exchange)
          .isEqualTo(new String(expected.body(), StandardCharsets.UTF_8));
    }
    assertThat(actualBody).as("body bytes of %s", exchange).isEqualTo(expected.body());
  }

  /**
   * Compares bodies after {@code normaliser} has been applied to both, for parts that differ by
   * nature, such as an object's identity hash.
   */
  public static void assertSameAnswerUpTo(
      UnaryOperator<String> normaliser,
      Exchange exchange,
      APIGatewayV2HTTPEvent event,
      BiFunction<APIGatewayV2HTTPEvent, Context, APIGatewayV2HTTPResponse> handler,
      String functionName) {
    RawHttp.Response expected = exchange.sendTo(monolith().port());
    APIGatewayV2HTTPResponse actual = handler.apply(event, new TestContext(functionName));

    assertSameStatusAndHeaders(exchange, expected, actual);
    assertThat(normaliser.apply(new String(bodyBytes(actual), StandardCharsets.UTF_8)))
        .as("body of %s", exchange)
        .isEqualTo(normaliser.apply(new String(expected.body(), StandardCharsets.UTF_8)));
  }

  private static void assertSameStatusAndHeaders(
      Exchange exchange, RawHttp.Response expected, APIGatewayV2HTTPResponse actual) {
    assertThat(actual.getStatusCode()).as("status of %s", exchange).isEqualTo(expected.status());
    assertThat(answerHeaders(actual.getHeaders()))
        .as("headers of %s", exchange)
        .isEqualTo(answerHeaders(expected.headers()));
  }

  private static Map<String, String> answerHeaders(Map<String, String> headers) {
    Map<String, String> kept = new TreeMap<>();
    if (headers != null) {
      headers.forEach(
          (name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!TRANSPORT_HEADERS.contains(lower)) {
              kept.put(lower, value);
            }
          });
    }
    return kept;
  }
}
