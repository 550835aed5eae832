package dev.strangler.functions.runtime.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamTemplateTest {

  private static final Map<String, String> PSEUDO = Map.of("AWS::Region", "eu-west-1");

  @TempDir Path folder;

  @Test
  void readsTheProjectsTemplateWithParameterDefaults() {
    Path template = Path.of(System.getProperty("sam.template", "../template.yaml"));

    SamTemplate loaded = SamTemplate.load(template, Map.of(), PSEUDO);

    assertThat(loaded.functions())
        .extracting(FunctionDefinition::name)
        .containsExactly(
            "shop-get-products", "shop-create-user", "shop-thumbnail", "shop-create-order");
    FunctionDefinition products = loaded.functions().get(0);
    assertThat(products.logicalId()).isEqualTo("GetProductsFunction");
    assertThat(products.handler())
        .isEqualTo("dev.strangler.functions.shop.GetProductsHandler::handleRequest");
    assertThat(products.codeUri())
        .isEqualTo(
            template
                .toAbsolutePath()
                .normalize()
                .getParent()
                .resolve("shop-functions/target/shop-functions-0.1.0-SNAPSHOT.jar"));
    assertThat(products.timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(products.memoryMb()).isEqualTo(512);
    assertThat(products.reservedConcurrency()).isEqualTo(OptionalInt.of(20));
    assertThat(products.autoPublishAlias()).contains("live");
    assertThat(products.environment())
        .containsExactly(
            Map.entry("DB_URL", "jdbc:h2:tcp://127.0.0.1:9092/mem:shop"),
            Map.entry("DB_USER", "sa"),
            Map.entry("DB_PASSWORD", ""));
    assertThat(loaded.functions().get(2).environment()).isEmpty();
    FunctionDefinition orders = loaded.functions().get(3);
    assertThat(orders.handler())
        .isEqualTo("dev.strangler.functions.shop.CreateOrderHandler::handleRequest");
    assertThat(orders.timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(orders.reservedConcurrency()).isEqualTo(OptionalInt.of(5));
    assertThat(orders.autoPublishAlias()).contains("live");
    assertThat(orders.environment()).containsOnlyKeys("DB_URL", "DB_USER", "DB_PASSWORD");
  }

  @Test
  void parameterOverridesReplaceTheDefaults() {
    Path template = Path.of(System.getProperty("sam.template", "../template.yaml"));

    SamTemplate loaded = SamTemplate.load(template, Map.of("DbUrl", "jdbc:h2:mem:test"), PSEUDO);

    assertThat(loaded.functions().get(1).environment()).containsEntry("DB_URL", "jdbc:h2:mem:test");
  }

  @Test
  void appliesGlobalsAndShortFormIntrinsicFunctions() throws IOException {
    Path template =
        write(
            """
            Parameters:
              Stage: {Type: String, Default: dev}
            Globals:
              Function:
                Runtime: java21
                Timeout: 7
                CodeUri: build/app.jar
                Environment:
                  Variables:
                    SHARED: everywhere
                    STAGE: !Ref Stage
            Resources:
              Api:
                Type: AWS::Serverless::Api
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: shop.Orders::handle
                  Environment:
                    Variables:
                      STAGE: !Sub "${Stage}-${AWS::Region}"
                      DROPPED: !Ref AWS::NoValue
            """);

    FunctionDefinition orders = SamTemplate.load(template, Map.of(), PSEUDO).functions().get(0);

    assertThat(orders.name()).isEqualTo("Orders");
    assertThat(orders.runtime()).isEqualTo("java21");
    assertThat(orders.timeout()).isEqualTo(Duration.ofSeconds(7));
    assertThat(orders.memoryMb()).isEqualTo(128);
    assertThat(orders.reservedConcurrency()).isEmpty();
    assertThat(orders.autoPublishAlias()).isEqualTo(Optional.empty());
    assertThat(orders.codeUri()).isEqualTo(folder.resolve("build/app.jar").toAbsolutePath());
    assertThat(orders.environment())
        .containsExactly(Map.entry("SHARED", "everywhere"), Map.entry("STAGE", "dev-eu-west-1"));
  }

  @Test
  void leavesOutFunctionsOfOtherRuntimesWithAWarning() throws IOException {
    Path template =
        write(
            """
            Resources:
              Py:
                Type: AWS::Serverless::Function
                Properties: {Runtime: python3.12, Handler: app.handler, CodeUri: src}
            """);

    SamTemplate loaded = SamTemplate.load(template, Map.of(), PSEUDO);

    assertThat(loaded.functions()).isEmpty();
    assertThat(loaded.warnings())
        .containsExactly("Py is left out: only Java runtimes run locally, not python3.12");
  }

  @Test
  void namesTheFileAndPropertyOfAnOutOfRangeValue() throws IOException {
    Path template = write(function("Timeout: 0"));

    assertThatThrownBy(() -> SamTemplate.load(template, Map.of(), PSEUDO))
        .isInstanceOf(TemplateException.class)
        .hasMessage(
            template.toAbsolutePath()
                + ": Resources.Fn.Properties.Timeout must be between 1 and 900, but was 0");
  }

  @Test
  void rejectsARefToAnUnknownParameter() throws IOException {
    Path template = write(function("Environment: {Variables: {X: !Ref Missing}}"));

    assertThatThrownBy(() -> SamTemplate.load(template, Map.of(), PSEUDO))
        .hasMessageContaining(
            "Resources.Fn.Properties.Environment.Variables.X: Ref to unknown parameter 'Missing'");
  }

  @Test
  void rejectsAnOverrideOfAnUndeclaredParameter() throws IOException {
    Path template = write(function("MemorySize: 256"));

    assertThatThrownBy(() -> SamTemplate.load(template, Map.of("Typo", "1"), PSEUDO))
        .hasMessageContaining("--parameter Typo names no parameter of the template");
  }

  @Test
  void rejectsVariablesThatLambdaReserves() throws IOException {
    Path template = write(function("Environment: {Variables: {AWS_REGION: mars-1}}"));

    assertThatThrownBy(() -> SamTemplate.load(template, Map.of(), PSEUDO))
        .hasMessageContaining("Environment.Variables.AWS_REGION is reserved");
  }

  @Test
  void rejectsIntrinsicFunctionsThatNeedADeployedStack() throws IOException {
    Path template = write(function("Environment: {Variables: {T: !GetAtt Table.Arn}}"));

    assertThatThrownBy(() -> SamTemplate.load(template, Map.of(), PSEUDO))
        .hasMessageContaining("Fn::GetAtt cannot be resolved locally");
  }

  private static String function(String property) {
    return """
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: a.B
              CodeUri: b.jar
              %s
        """
        .formatted(property);
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(folder.resolve("template.yaml"), yaml);
  }
}
