package dev.strangler.functions.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineTest {

  @Test
  void defaultsToLoopbackPort3001AndTheTemplateInTheWorkingDirectory() {
    Config config = CommandLine.parse().config();

    assertThat(config.template()).isEqualTo(Path.of("template.yaml"));
    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(3001);
    assertThat(config.idleTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.defaultConcurrency()).isEqualTo(10);
  }

  @Test
  void readsEveryOption() {
    Config config =
        CommandLine.parse(
                "--template",
                "functions/template.yaml",
                "--port=0",
                "--parameter",
                "DbUrl=jdbc:h2:mem:x;MODE=PostgreSQL",
                "--parameter=DbUser=shop",
                "--idle-timeout",
                "30s",
                "--default-concurrency",
                "4",
                "--region",
                "eu-west-1")
            .config();

    assertThat(config.template()).isEqualTo(Path.of("functions/template.yaml"));
    assertThat(config.port()).isZero();
    assertThat(config.parameters())
        .isEqualTo(Map.of("DbUrl", "jdbc:h2:mem:x;MODE=PostgreSQL", "DbUser", "shop"));
    assertThat(config.idleTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.defaultConcurrency()).isEqualTo(4);
    assertThat(config.region()).isEqualTo("eu-west-1");
  }

  @Test
  void readsDurationsInShortAndIsoForm() {
    assertThat(CommandLine.duration("--idle-timeout", "500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(CommandLine.duration("--idle-timeout", "5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(CommandLine.duration("--idle-timeout", "PT2H")).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void namesTheWrongOption() {
    assertThatThrownBy(() -> CommandLine.parse("--port", "http"))
        .hasMessage("--port must be a whole number, but was 'http'");
    assertThatThrownBy(() -> CommandLine.parse("--parameter", "novalue"))
        .hasMessage("--parameter takes NAME=VALUE, but was 'novalue'");
    assertThatThrownBy(() -> CommandLine.parse("--verbose")).hasMessage("--verbose needs a value");
    assertThatThrownBy(() -> CommandLine.parse("--colour", "red"))
        .hasMessage("Unknown option --colour");
  }
}
