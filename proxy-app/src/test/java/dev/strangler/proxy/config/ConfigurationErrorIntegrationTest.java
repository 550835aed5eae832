package dev.strangler.proxy.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.proxy.support.JavaProcess;
import dev.strangler.proxy.support.ProxyProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A wrong setting stops the proxy at start with one line naming the property and the value. */
class ConfigurationErrorIntegrationTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--strangler.monolith.url=ftp://legacy.internal:21 | Invalid setting strangler.monolith.url = 'ftp://legacy.internal:21': must be an absolute http:// or https:// URL",
        "--strangler.monolith.url=http://127.0.0.1:8081/shop | Invalid setting strangler.monolith.url = 'http://127.0.0.1:8081/shop': must be an absolute http:// or https:// URL",
        "--strangler.monolith.url=localhost:8081 | Invalid setting strangler.monolith.url = 'localhost:8081'",
        "--strangler.monolith.url=http://exa mple | Invalid setting strangler.monolith.url = 'http://exa%20mple': must be an absolute http:// or https:// URL",
        "--spring.main.banner-mode=off | Invalid setting strangler.monolith.url = missing: is required",
        "--strangler.forwarding.trusted-proxies=10.0.0.0/33 | Invalid setting strangler.forwarding.trustedProxies[0] = '10.0.0.0/33': must be an IP address or CIDR range",
      })
  void stopsWithOneLineNamingTheSettingAndItsValue(String argument, String expectedLine)
      throws Exception {
    List<String> args =
        List.of(
            argument,
            "--server.address=127.0.0.1",
            "--server.port=0",
            "--management.server.port=0");
    try (JavaProcess proxy = ProxyProcess.run(args)) {
      int exitCode = proxy.awaitExit(Duration.ofSeconds(60));
      String output = proxy.output();

      assertThat(exitCode).isNotZero();
      assertThat(output.lines().filter(line -> line.contains(expectedLine))).as(output).hasSize(1);
      assertThat(output).as("no stack trace").doesNotContain("\tat ");
    }
  }

  @Test
  void stopsWithEveryErrorOfAnInvalidRulesFile(@TempDir Path dir) throws Exception {
    Path rules =
        Files.writeString(
            dir.resolve("routes.yaml"),
            """
            version: 1
            routes:
              - id: product-reads
                match: { paths: ["/api/products"] }
                lambda: { function: shop-get-products }
                canary: { percent: 120 }
              - id: user-reads
                match: { paths: ["/api/users/{id}"] }
                lambda: { function: "not a function name" }
                canary: { percent: 5 }
            """);
    List<String> args =
        List.of(
            "--strangler.monolith.url=http://127.0.0.1:9",
            "--strangler.rules.file=" + rules,
            "--server.address=127.0.0.1",
            "--server.port=0",
            "--management.server.port=0");
    try (JavaProcess proxy = ProxyProcess.run(args)) {
      int exitCode = proxy.awaitExit(Duration.ofSeconds(60));
      String output = proxy.output();

      assertThat(exitCode).isNotZero();
      assertThat(output)
          .contains("The route rules file is invalid:")
          .contains(
              "canary.percent must be between 0 and 100, but was 120 (rule 'product-reads', routes.yaml:6:24)")
          .contains("lambda.function")
          .contains("(rule 'user-reads', routes.yaml:9:")
          .doesNotContain("\tat ");
    }
  }

  @Test
  void stopsWhenTheRulesFileIsMissing(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("nope.yaml");
    List<String> args =
        List.of(
            "--strangler.monolith.url=http://127.0.0.1:9",
            "--strangler.rules.file=" + missing,
            "--server.address=127.0.0.1",
            "--server.port=0",
            "--management.server.port=0");
    try (JavaProcess proxy = ProxyProcess.run(args)) {
      assertThat(proxy.awaitExit(Duration.ofSeconds(60))).isNotZero();
      assertThat(proxy.output())
          .contains("Invalid setting strangler.rules.file = '" + missing + "': cannot be read")
          .doesNotContain("\tat ");
    }
  }
}
