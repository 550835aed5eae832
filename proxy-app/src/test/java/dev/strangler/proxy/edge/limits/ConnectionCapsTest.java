package dev.strangler.proxy.edge.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strangler.proxy.config.InvalidSettingException;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectionCapsTest {

  @ParameterizedTest(
      name = "max {0}, per client {1}, fd limit {2} ({3} open, Lambda {4}) -> {5} / {6}")
  @CsvSource(
      nullValues = "-",
      value = {
        // configured, per client, fd limit, open at start, Lambda, total, per client, lowered
        "10000, -,    1048576, 0,   0,   10000, 2500, false",
        "10000, -,    65536,   0,   0,   10000, 2500, false",
        "10000, -,    1024,    0,   0,   384,   96,   true",
        "10000, 50,   1024,    0,   0,   384,   50,   true",
        "10000, 5000, 1024,    0,   0,   384,   384,  true",
        "100,   -,    1024,    0,   0,   100,   25,   false",
        "10000, -,    280,     0,   0,   16,    4,    true",
        "3,     -,    -,       -,   0,   3,     1,    false",
        "10000, 10,   -,       -,   0,   10000, 10,   false",
        // What the process holds at start is not there for connections: (1024 - 253 - 256) / 2.
        "10000, -,    1024,    253, 0,   257,   64,   true",
        // The Lambda client's pool, never more than there are connections: c = (room - L) / 2 ...
        "10000, -,    1024,    253, 50,  232,   58,   true",
        // ... or room / 3 once the pool could hold one for every connection.
        "10000, -,    1024,    253, 256, 171,   42,   true",
        "10000, -,    65536,   253, 256, 10000, 2500, false",
        "10000, -,    16384,   253, 256, 7809,  1952, true",
        // Nothing left at all: the floor.
        "10000, -,    1024,    900, 256, 16,    4,    true",
      })
  void capsFollowTheSettingsAndTheDescriptorLimit(
      int configured,
      Integer perClient,
      Long fdLimit,
      Long openAtStart,
      int lambda,
      int total,
      int expectedPerClient,
      boolean lowered) {
    ConnectionCaps caps =
        ConnectionCaps.of(
            configured,
            perClient,
            fdLimit == null
                ? Optional.empty()
                : Optional.of(new FileDescriptorBudget.Descriptors(fdLimit, openAtStart)),
            lambda);

    assertThat(caps.total()).isEqualTo(total);
    assertThat(caps.perClient()).isEqualTo(expectedPerClient);
    assertThat(caps.lowered().isPresent()).isEqualTo(lowered);
    caps.lowered()
        .ifPresent(
            message ->
                assertThat(message)
                    .contains("strangler.server.max-connections=" + configured)
                    .contains("(" + fdLimit + "), with " + openAtStart + " open at start")
                    .contains("at most " + total));
  }

  @ParameterizedTest(name = "limit {0}, {1} open, Lambda {2}")
  @CsvSource({
    "1024, 253, 256",
    "1024, 253, 0",
    "1024, 60, 256",
    "4096, 300, 256",
    "65536, 250, 512",
    "2048, 100, 1"
  })
  void whatTheBudgetAllowsFitsTheLimit(long limit, long open, int lambda) {
    int connections =
        FileDescriptorBudget.connectionsFor(
            new FileDescriptorBudget.Descriptors(limit, open), lambda);

    long needed =
        open + FileDescriptorBudget.RESERVE + 2L * connections + Math.min(lambda, connections);
    assertThat(needed).isLessThanOrEqualTo(limit);
    // and one more connection would not fit
    long oneMore =
        open
            + FileDescriptorBudget.RESERVE
            + 2L * (connections + 1)
            + Math.min(lambda, connections + 1);
    assertThat(oneMore).isGreaterThan(limit);
  }

  @ParameterizedTest
  @CsvSource({"100, 101", "1, 2"})
  void aPerClientCapAboveTheTotalIsABadSetting(int total, int perClient) {
    assertThatThrownBy(() -> ConnectionCaps.of(total, perClient, Optional.empty(), 0))
        .isInstanceOfSatisfying(
            InvalidSettingException.class,
            e -> {
              assertThat(e.property()).isEqualTo("strangler.server.max-connections-per-client");
              assertThat(e.reason())
                  .isEqualTo("must not exceed strangler.server.max-connections (" + total + ")");
            });
  }
}
