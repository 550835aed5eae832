package dev.strangler.proxy.edge.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.proxy.support.JavaProcess;
import dev.strangler.proxy.support.ProxyProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A bad timeout or cap stops the proxy at start with one line naming the setting. */
class ServerLimitsSettingsIntegrationTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--strangler.server.header-read-timeout=10ms | Invalid setting strangler.server.headerReadTimeout = 'PT0.01S': must be at least 100ms",
        "--strangler.server.keep-alive-timeout=2h | Invalid setting strangler.server.keepAliveTimeout = 'PT2H': must be at most 1h",
        "--strangler.server.body-read-timeout=soon | Invalid setting strangler.server.body-read-timeout = 'soon': cannot be read",
        "--strangler.server.max-connections=0 | Invalid setting strangler.server.maxConnections = '0': must be at least 1",
        "--strangler.server.max-connections=100 --strangler.server.max-connections-per-client=200 | Invalid setting strangler.server.max-connections-per-client = '200': must not exceed strangler.server.max-connections (100)",
      })
  void stopsWithOneLineNamingTheSetting(String arguments, String expectedLine) throws Exception {
    List<String> args = new ArrayList<>(Arrays.asList(arguments.split(" ")));
    args.addAll(
        List.of(
            "--strangler.monolith.url=http://127.0.0.1:9",
            "--server.address=127.0.0.1",
            "--server.port=0",
            "--management.server.port=0"));
    try (JavaProcess proxy = ProxyProcess.run(args)) {
      int exitCode = proxy.awaitExit(Duration.ofSeconds(60));
      String output = proxy.output();

      assertThat(exitCode).isNotZero();
      assertThat(output.lines().filter(line -> line.contains(expectedLine))).as(output).hasSize(1);
      assertThat(output).as("no stack trace").doesNotContain("\tat ");
    }
  }
}
