package dev.strangler.proxy.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.proxy.support.FreePort;
import dev.strangler.proxy.support.JavaProcess;
import dev.strangler.proxy.support.ProxyProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A wrong admin setting stops the proxy at start with one line, and never shows a password. */
class AdminConfigurationErrorIntegrationTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--strangler.admin.viewer.username=alice --strangler.admin.viewer.password= | Invalid setting strangler.admin.viewer.password = '': must not be empty",
        "--strangler.admin.operator.username=bob --strangler.admin.operator.password=hunter2 | Invalid setting strangler.admin.operator.password = '(hidden)': has no {bcrypt} or {noop} prefix",
        "--strangler.admin.operator.username=bob --strangler.admin.operator.password={bcrypt}hunter2 | Invalid setting strangler.admin.operator.password = '{bcrypt}(hidden)': is not a BCrypt hash",
        "--strangler.admin.viewer.password={noop}hunter2 | Invalid setting strangler.admin.viewer.username = missing: is required",
        "--management.server.port=SAME | Invalid setting management.server.port = '",
      })
  void stopsWithOneLineNamingTheSetting(String arguments, String expectedLine) throws Exception {
    int port = FreePort.next();
    List<String> args = new ArrayList<>();
    args.add("--strangler.monolith.url=http://127.0.0.1:9");
    args.add("--server.address=127.0.0.1");
    args.add("--server.port=" + port);
    for (String argument : arguments.split(" ")) {
      args.add(argument.replace("SAME", String.valueOf(port)));
    }
    if (!arguments.contains("management.server.port")) {
      args.add("--management.server.port=0");
    }
    try (JavaProcess proxy = ProxyProcess.run(args)) {
      int exitCode = proxy.awaitExit(Duration.ofSeconds(90));
      String output = proxy.output();

      assertThat(exitCode).isNotZero();
      assertThat(output.lines().filter(line -> line.contains(expectedLine))).as(output).hasSize(1);
      assertThat(output).as("no stack trace").doesNotContain("\tat ");
      assertThat(output).as("no password").doesNotContain("hunter2");
    }
  }
}
