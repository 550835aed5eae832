package dev.strangler.rules.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.strangler.rules.model.RouteRule;
import dev.strangler.rules.model.RuleSet;
import dev.strangler.rules.model.StickyKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What users copy must work: the reference's YAML examples and the demo's rules. */
class DocumentedExamplesTest {

  static final Path REFERENCE = Path.of("..", "docs", "route-rules.md");

  @ParameterizedTest(name = "example at route-rules.md:{0}")
  @MethodSource("referenceExamples")
  void everyYamlExampleInTheReferenceLoads(int line, String yaml) {
    assertThatCode(() -> RuleSetLoader.parse(yaml, "route-rules.md:" + line))
        .doesNotThrowAnyException();
  }

  @Test
  void theReferenceHasAnExampleForEachPart() throws IOException {
    assertThat(referenceExamples()).hasSizeGreaterThanOrEqualTo(6);
  }

  @Test
  void theDemoRulesLoad() throws IOException {
    RuleSet rules = RuleSetLoader.parse(demoRules(), "routes.yaml");

    assertThat(rules.routes())
        .extracting(RouteRule::id)
        .containsExactly("product-reads", "user-signup", "thumbnails");
    RouteRule products = rules.routes().get(0);
    assertThat(products.match().methods()).isEqualTo(Set.of("GET", "HEAD"));
    assertThat(products.match().paths()).containsExactly("/api/products", "/api/products/{id}");
    assertThat(products.lambda().function()).isEqualTo("shop-get-products");
    assertThat(products.lambda().qualifier()).isEqualTo("live");
    assertThat(products.canary().basisPoints()).isEqualTo(5000);
    assertThat(products.canary().stickyBy()).isEqualTo(new StickyKey.Header("X-User-Id"));
    assertThat(rules.routes().get(1).canary().basisPoints()).isZero();
    assertThat(rules.routes().get(2).canary().basisPoints()).isEqualTo(10_000);
  }

  @Test
  void theDemoRulesPointEditorsAtTheSchema() throws IOException {
    assertThat(demoRules()).startsWith("# yaml-language-server: $schema=../routes.schema.json\n");
  }

  static String demoRules() throws IOException {
    try (InputStream in = DocumentedExamplesTest.class.getResourceAsStream("/demo/routes.yaml")) {
      assertThat(in).as("demo/routes.yaml on the class path").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Each fenced {@code yaml} block with the line it starts on. */
  static Stream<Arguments> referenceExamples() throws IOException {
    List<String> lines = Files.readAllLines(REFERENCE, StandardCharsets.UTF_8);
    List<Arguments> examples = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals("```yaml")) {
        int start = i + 1;
        StringBuilder yaml = new StringBuilder();
        while (!lines.get(++i).strip().equals("```")) {
          yaml.append(lines.get(i)).append('\n');
        }
        examples.add(Arguments.of(start + 1, yaml.toString()));
      }
    }
    return examples.stream();
  }
}
