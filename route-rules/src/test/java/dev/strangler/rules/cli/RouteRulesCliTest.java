package dev.strangler.rules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RouteRulesCliTest {

  static final String VALID =
      """
      version: 1
      routes:
        - id: product-reads
          match: {paths: [/api/products]}
          lambda: {function: shop-get-products}
          canary: {percent: 25}
      """;

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void saysOkWithTheNumberOfRulesForAValidFile() throws IOException {
    Path file = write("routes.yaml", VALID);

    int status = lint(file.toString());

    assertThat(status).isZero();
    assertThat(out()).isEqualTo("ok: " + file + " (1 rule)\n");
    assertThat(err()).isEmpty();
  }

  @Test
  void acceptsTheDemoRules() throws IOException {
    Path file;
    try (InputStream demo = getClass().getResourceAsStream("/demo/routes.yaml")) {
      file = dir.resolve("routes.yaml");
      Files.copy(demo, file);
    }

    assertThat(lint(file.toString())).isZero();
    assertThat(out()).isEqualTo("ok: " + file + " (3 rules)\n");
  }

  @Test
  void printsEveryErrorAndExitsWithOneForABrokenFile() throws IOException {
    Path file =
        write(
            "routes.yaml",
            VALID.replace("percent: 25", "percent: 120").replace("[/api/products]", "[api]"));

    int status = lint(file.toString());

    assertThat(status).isEqualTo(RouteRulesCli.INVALID);
    assertThat(out()).isEmpty();
    assertThat(err())
        .isEqualTo(
            "error: match.paths[0] must start with '/', but was 'api' (rule 'product-reads',"
                + " routes.yaml:4:21)\n"
                + "error: canary.percent must be between 0 and 100, but was 120 (rule"
                + " 'product-reads', routes.yaml:6:23)\n");
  }

  @Test
  void reportsConflictsThatOnlyCompilingFinds() throws IOException {
    Path file =
        write(
            "routes.yaml",
            VALID
                + """
                  - id: product-reads-again
                    match: {paths: [/api/products]}
                    lambda: {function: shop-get-products}
                    canary: {percent: 25}
                """);

    int status = lint(file.toString());

    assertThat(status).isEqualTo(RouteRulesCli.INVALID);
    assertThat(out()).isEmpty();
    assertThat(err())
        .startsWith("error: ")
        .contains("'product-reads'", "'product-reads-again'", "routes.yaml:");
  }

  @Test
  void checksEveryFileAndFailsIfAnyIsBroken() throws IOException {
    Path good = write("good.yaml", VALID);
    Path bad = write("bad.yaml", "version: 2\n");
    Path missing = dir.resolve("missing.yaml");

    int status = lint(good.toString(), bad.toString(), missing.toString());

    assertThat(status).isEqualTo(RouteRulesCli.INVALID);
    assertThat(out()).isEqualTo("ok: " + good + " (1 rule)\n");
    assertThat(err())
        .isEqualTo(
            "error: version must be 1, but was 2 (bad.yaml:1:10)\n"
                + "error: cannot read "
                + missing
                + ": no such file\n");
  }

  @Test
  void printsUsageAndExitsWithTwoWithoutAFile() {
    int status = RouteRulesCli.run(new String[] {"lint"}, stream(out), stream(err));

    assertThat(status).isEqualTo(RouteRulesCli.USAGE);
    assertThat(err()).startsWith("error: no file to lint\nusage: route-rules lint <file>...");
  }

  @ParameterizedTest
  @ValueSource(strings = {"check", "--lint", "routes.yaml"})
  void printsUsageAndExitsWithTwoForAnUnknownCommand(String command) {
    int status = RouteRulesCli.run(new String[] {command, "x.yaml"}, stream(out), stream(err));

    assertThat(status).isEqualTo(RouteRulesCli.USAGE);
    assertThat(err()).startsWith("error: unknown command '" + command + "'\nusage:");
  }

  @Test
  void printsUsageAndExitsWithTwoWithoutArguments() {
    assertThat(RouteRulesCli.run(new String[0], stream(out), stream(err)))
        .isEqualTo(RouteRulesCli.USAGE);
    assertThat(err()).contains("usage: route-rules lint <file>...");
  }

  @Test
  void printsHelpOnRequest() {
    assertThat(RouteRulesCli.run(new String[] {"--help"}, stream(out), stream(err))).isZero();
    assertThat(out()).startsWith("usage: route-rules lint <file>...");
  }

  private int lint(String... files) {
    String[] args = new String[files.length + 1];
    args[0] = "lint";
    System.arraycopy(files, 0, args, 1, files.length);
    return RouteRulesCli.run(args, stream(out), stream(err));
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private static PrintStream stream(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }
}
