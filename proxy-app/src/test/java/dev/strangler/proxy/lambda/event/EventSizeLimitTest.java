package dev.strangler.proxy.lambda.event;

import static dev.strangler.proxy.lambda.event.ApiGatewayEvents.SYNCHRONOUS_PAYLOAD_LIMIT;
import static dev.strangler.proxy.lambda.event.TestRequests.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.rules.model.PayloadFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The 6 MB limit applies to the whole event, after base64 has grown a binary body by a third. */
class EventSizeLimitTest {

  /** Addresses of 11 to 14 characters: one of them makes the envelope fit base64's groups of 4. */
  private static final List<String> CLIENTS =
      List.of("2001:db8::a", "2001:db8::ab", "2001:db8::abc", "2001:db8::abcd");

  @ParameterizedTest
  @EnumSource(PayloadFormat.class)
  void acceptsAnEventOfExactlyTheLimitAndRefusesOneByteMoreOfBody(PayloadFormat format) {
    EventContext context = EventContext.of("/upload", Map.of(), format);
    String client = null;
    long envelope = 0;
    for (String candidate : CLIENTS) {
      // Everything but the base64 text, measured with 3 body bytes (4 base64 characters).
      envelope = size(binaryUpload(3, candidate), context) - 4;
      if ((SYNCHRONOUS_PAYLOAD_LIMIT - envelope) % 4 == 0) {
        client = candidate;
        break;
      }
    }
    int bodyAtLimit = (int) (3 * ((SYNCHRONOUS_PAYLOAD_LIMIT - envelope) / 4));

    EventResult atLimit = ApiGatewayEvents.toEvent(binaryUpload(bodyAtLimit, client), context);
    EventResult justOver = ApiGatewayEvents.toEvent(binaryUpload(bodyAtLimit + 1, client), context);

    assertThat(bodyAtLimit).isLessThan((int) SYNCHRONOUS_PAYLOAD_LIMIT * 3 / 4);
    assertThat(atLimit).isInstanceOf(EventResult.Encoded.class);
    assertThat(((EventResult.Encoded) atLimit).size()).isEqualTo(SYNCHRONOUS_PAYLOAD_LIMIT);
    assertThat(justOver)
        .isEqualTo(
            new EventResult.TooLarge(SYNCHRONOUS_PAYLOAD_LIMIT + 4, SYNCHRONOUS_PAYLOAD_LIMIT));
  }

  @ParameterizedTest
  @EnumSource(PayloadFormat.class)
  void refusesABinaryBodyThatFitsRawButNotOnceBase64Encoded(PayloadFormat format) {
    int fiveMegabytes = 5 * 1024 * 1024;
    HttpRequestSnapshot upload = binaryUpload(fiveMegabytes, "192.0.2.1");

    EventResult result =
        ApiGatewayEvents.toEvent(upload, EventContext.of("/upload", Map.of(), format));

    assertThat(result)
        .isEqualTo(
            new EventResult.TooLarge(
                EventBody.base64Length(fiveMegabytes), SYNCHRONOUS_PAYLOAD_LIMIT));
    assertThat(((EventResult.TooLarge) result).message())
        .contains("6291456 bytes", Long.toString(EventBody.base64Length(fiveMegabytes)));
  }

  @ParameterizedTest
  @EnumSource(PayloadFormat.class)
  void acceptsATextBodyJustUnderTheLimitAsText(PayloadFormat format) {
    EventContext context = EventContext.of("/notes", Map.of(), format);
    long envelope = size(textUpload(1), context) - 1;
    int bodyAtLimit = (int) (SYNCHRONOUS_PAYLOAD_LIMIT - envelope);

    EventResult atLimit = ApiGatewayEvents.toEvent(textUpload(bodyAtLimit), context);
    EventResult justOver = ApiGatewayEvents.toEvent(textUpload(bodyAtLimit + 1), context);

    assertThat(atLimit).isInstanceOf(EventResult.Encoded.class);
    assertThat(((EventResult.Encoded) atLimit).size()).isEqualTo(SYNCHRONOUS_PAYLOAD_LIMIT);
    assertThat(justOver)
        .isEqualTo(
            new EventResult.TooLarge(SYNCHRONOUS_PAYLOAD_LIMIT + 1, SYNCHRONOUS_PAYLOAD_LIMIT));
  }

  private static long size(HttpRequestSnapshot request, EventContext context) {
    return ((EventResult.Encoded) ApiGatewayEvents.toEvent(request, context)).size();
  }

  private static HttpRequestSnapshot binaryUpload(int bytes, String client) {
    byte[] body = new byte[bytes];
    Arrays.fill(body, (byte) 0xff);
    return request("POST", "/upload")
        .header("Content-Type", "application/octet-stream")
        .sourceIp(client)
        .body(body)
        .build();
  }

  private static HttpRequestSnapshot textUpload(int bytes) {
    return request("POST", "/notes")
        .header("Content-Type", "text/plain")
        .body("a".repeat(bytes))
        .build();
  }
}
