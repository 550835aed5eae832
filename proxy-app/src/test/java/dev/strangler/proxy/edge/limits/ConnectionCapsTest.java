package dev.strangler.proxy.edge.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strangler.proxy.config.InvalidSettingException;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectionCapsTest {

  @ParameterizedTest(name = "max {0}, per client {1}, fd limit {2} -> {3} / {4}")
  @CsvSource(
      nullValues = "-",
      value = {
        // configured, per client, fd limit, total, per client, lowered
        "10000, -,    1048576, 10000, 2500, false",
        "10000, -,    65536,   10000, 2500, false",
        "10000, -,    1024,    384,   96,   true",
        "10000, 50,   1024,    384,   50,   true",
        "10000, 5000, 1024,    384,   384,  true",
        "100,   -,    1024,    100,   25,   false",
        "10000, -,    280,     16,    4,    true",
        "3,     -,    -,       3,     1,    false",
        "10000, 10,   -,       10000, 10,   false",
      })
  void capsFollowTheSettingsAndTheDescriptorLimit(
      int configured,
      Integer perClient,
      Long fdLimit,
      int total,
      int expectedPerClient,
      boolean lowered) {
    ConnectionCaps caps =
        ConnectionCaps.of(
            configured,
            perClient,
            fdLimit == null ? OptionalLong.empty() : OptionalLong.of(fdLimit));

    assertThat(caps.total()).isEqualTo(total);
    assertThat(caps.perClient()).isEqualTo(expectedPerClient);
    assertThat(caps.lowered().isPresent()).isEqualTo(lowered);
    caps.lowered()
        .ifPresent(
            message ->
                assertThat(message)
                    .contains("strangler.server.max-connections=" + configured)
                    .contains("(" + fdLimit + ")")
                    .contains("at most " + total));
  }

  @ParameterizedTest
  @CsvSource({"100, 101", "1, 2"})
  void aPerClientCapAboveTheTotalIsABadSetting(int total, int perClient) {
    assertThatThrownBy(() -> ConnectionCaps.of(total, perClient, OptionalLong.empty()))
        .isInstanceOfSatisfying(
            InvalidSettingException.class,
            e -> {
              assertThat(e.property()).isEqualTo("strangler.server.max-connections-per-client");
              assertThat(e.reason())
                  .isEqualTo("must not exceed strangler.server.max-connections (" + total + ")");
            });
  }
}
