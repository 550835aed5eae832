package dev.strangler.proxy.lambda.event;

import static dev.strangler.proxy.lambda.event.TestRequests.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.rules.model.PayloadFormat;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;

/**
 * The body goes into the event straight from its bytes, never as a String, and the event is
 * allocated once at its exact size: these tests hold that shortcut to what Jackson writes for the
 * same text, and to the JDK's strict UTF-8 decoder.
 */
class EncodedBodyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plain",
        "quotes \" and \\ backslashes",
        "controls \b\t\n\f\r \u0000 \u0001 \u001f \u007f",
        "ünïcode 😀 </script> \u2028 \u2029 \uFFFE",
        "{\"items\":[{\"id\":1,\"name\":\"item\"}]}",
      })
  void theEscapedLengthIsWhatJacksonWritesForTheSameText(String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    StringWriter written = new StringWriter();
    try (JsonGenerator json =
        JsonFactory.builder().build().createGenerator(ObjectWriteContext.empty(), written)) {
      json.writeString(text);
    }
    String quoted = written.toString();
    int expected = quoted.substring(1, quoted.length() - 1).getBytes(StandardCharsets.UTF_8).length;

    assertThat(JsonText.escapedLengthOfUtf8(utf8)).isEqualTo(expected);
  }

  @Test
  void acceptsExactlyWhatTheStrictJdkDecoderAccepts() {
    Random random = new Random(12);
    for (int i = 0; i < 200_000; i++) {
      byte[] bytes = new byte[1 + random.nextInt(6)];
      random.nextBytes(bytes);
      if (random.nextBoolean()) {
        bytes[0] = (byte) (0xC0 | random.nextInt(0x40)); // a lead byte, so that most are close
      }
      assertThat(JsonText.escapedLengthOfUtf8(bytes) >= 0)
          .as("%s", java.util.HexFormat.of().formatHex(bytes))
          .isEqualTo(isStrictUtf8(bytes));
    }
  }

  @ParameterizedTest
  @EnumSource(PayloadFormat.class)
  void theBodyWrittenFromItsBytesReadsBackAsTheSameText(PayloadFormat format) {
    String text = "{\"q\":\"a \\\" b\",\"n\":\"ü\\n😀\"}\t\u0001";
    for (String contentType : new String[] {"application/json", "application/octet-stream"}) {
      HttpRequestSnapshot snapshot =
          request("POST", "/a")
              .header("Content-Type", contentType)
              .body(text.getBytes(StandardCharsets.UTF_8))
              .build();

      EventResult.Encoded event =
          (EventResult.Encoded)
              ApiGatewayEvents.toEvent(snapshot, EventContext.of("/a", Map.of(), format));

      JsonNode tree = JsonFixtures.tree(event.json());
      String body = tree.get("body").asString();
      boolean base64 = tree.get("isBase64Encoded").asBoolean();
      assertThat(base64).isEqualTo(contentType.endsWith("octet-stream"));
      assertThat(
              base64
                  ? new String(java.util.Base64.getDecoder().decode(body), StandardCharsets.UTF_8)
                  : body)
          .isEqualTo(text);
    }
  }

  private static boolean isStrictUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
