package dev.strangler.functions.shop;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.Yaml;

/** The SAM template must deploy what this module builds, and stay readable as plain YAML. */
class SamTemplateTest {

  private static Map<String, Object> template;

  @BeforeAll
  static void loadTemplate() throws IOException {
    Path file = Path.of(System.getProperty("sam.template", "../template.yaml"));
    try (Reader reader = Files.newBufferedReader(file)) {
      template = new Yaml().load(reader);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> properties(String logicalId) {
    Map<String, Object> resources = (Map<String, Object>) template.get("Resources");
    Map<String, Object> function = (Map<String, Object>) resources.get(logicalId);
    assertThat(function).as(logicalId).containsEntry("Type", "AWS::Serverless::Function");
    return (Map<String, Object>) function.get("Properties");
  }

  @ParameterizedTest
  @CsvSource({
    "GetProductsFunction, shop-get-products, GetProductsHandler, true",
    "CreateUserFunction, shop-create-user, CreateUserHandler, true",
    "ThumbnailFunction, shop-thumbnail, ThumbnailHandler, false",
    "CreateOrderFunction, shop-create-order, CreateOrderHandler, true",
  })
  void describesEachFunctionWithItsHandlerAndLimits(
      String logicalId, String functionName, String handlerClass, boolean usesDatabase)
      throws ReflectiveOperationException {
    Map<String, Object> properties = properties(logicalId);

    assertThat(template).containsEntry("Transform", "AWS::Serverless-2016-10-31");
    assertThat(properties)
        .containsEntry("FunctionName", functionName)
        .containsEntry(
            "Handler", "dev.strangler.functions.shop." + handlerClass + "::handleRequest")
        .containsEntry("Runtime", "java17")
        .containsEntry("AutoPublishAlias", "live")
        .containsEntry("CodeUri", "shop-functions/target/shop-functions-0.1.0-SNAPSHOT.jar")
        .containsKeys("MemorySize", "Timeout", "ReservedConcurrentExecutions");
    assertThat((Integer) properties.get("ReservedConcurrentExecutions")).isPositive();
    Class<?> handler = Class.forName("dev.strangler.functions.shop." + handlerClass);
    assertThat(RequestHandler.class).isAssignableFrom(handler);
    assertThat(handler.getConstructor()).as("the constructor Lambda calls").isNotNull();
    assertThat(properties.containsKey("Environment")).isEqualTo(usesDatabase);
    if (usesDatabase) {
      assertThat(properties.get("Environment").toString())
          .contains("DB_URL", "DB_USER", "DB_PASSWORD");
    }
  }
}
