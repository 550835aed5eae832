package dev.strangler.proxy.edge.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.proxy.edge.upgrade.SwitchingProtocols.Verdict;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SwitchingProtocolsTest {

  @ParameterizedTest(name = "offered [{0}], answered [{1}]: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''                 | websocket          | NOT_REQUESTED",
        "''                 | ''                 | NOT_REQUESTED",
        "' , '              | h2c                | NOT_REQUESTED",
        "websocket          | ''                 | NO_PROTOCOL",
        "websocket          | ' ,'               | NO_PROTOCOL",
        "websocket          | websocket          | ACCEPTED",
        "websocket          | WebSocket          | ACCEPTED",
        "h2c, websocket     | websocket          | ACCEPTED",
        "h2c;websocket      | websocket          | OTHER_PROTOCOL",
        "websocket          | h2c                | OTHER_PROTOCOL",
        "websocket          | websocket, h2c     | OTHER_PROTOCOL",
        "HTTP/2.0           | HTTP/2.0           | ACCEPTED",
        "HTTP/2.0           | HTTP/3.0           | OTHER_PROTOCOL",
      })
  void acceptsASwitchOnlyToAnOfferedProtocol(String offered, String answered, Verdict expected) {
    assertThat(SwitchingProtocols.judge(values(offered), values(answered))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"NOT_REQUESTED", "NO_PROTOCOL", "OTHER_PROTOCOL"})
  void namesTheReasonOfEachRefusal(Verdict refusal) {
    assertThat(refusal.problem()).contains("101").isNotBlank();
  }

  /** One header line per ';'-free value; empty text is no header at all. */
  private static List<String> values(String text) {
    return text.isEmpty() ? List.of() : Arrays.asList(text);
  }
}
