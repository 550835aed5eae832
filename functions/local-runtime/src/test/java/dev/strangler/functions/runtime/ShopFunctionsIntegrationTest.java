package dev.strangler.functions.runtime;

import static dev.strangler.functions.runtime.testing.LambdaClients.invoke;
import static dev.strangler.functions.runtime.testing.LambdaClients.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.strangler.functions.runtime.testing.AdminApi;
import dev.strangler.functions.runtime.testing.LambdaClients;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import tools.jackson.databind.JsonNode;

/**
 * The real deployment package of shop-functions, run from the project's own SAM template: typed
 * handlers on API Gateway 2.0 events, mapped by aws-lambda-java-serialization as on Lambda. There
 * is no database here: the thumbnail function needs none, and the order function is only asked what
 * it answers before it connects.
 */
class ShopFunctionsIntegrationTest {

  private static LocalLambdaRuntime runtime;
  private static LambdaAsyncClient lambda;

  @BeforeAll
  static void startRuntimeOnTheProjectTemplate() throws IOException {
    Path template = Path.of(System.getProperty("sam.template", "../template.yaml"));
    Path jar =
        template
            .toAbsolutePath()
            .getParent()
            .resolve("shop-functions/target/shop-functions-0.1.0-SNAPSHOT.jar");
    assumeTrue(Files.isRegularFile(jar), "shop-functions is packaged: " + jar);
    runtime =
        LocalLambdaRuntime.start(
            Config.defaults(template)
                .withPort(0)
                .withFunctionLogs(new PrintStream(OutputStream.nullOutputStream())));
    lambda = LambdaClients.signingClient(runtime.url());
  }

  @AfterAll
  static void stopRuntime() {
    if (runtime != null) {
      lambda.close();
      runtime.close();
    }
  }

  @Test
  void servesTheTemplatesFunctions() {
    assertThat(runtime.functionNames())
        .containsExactly(
            "shop-get-products", "shop-create-user", "shop-thumbnail", "shop-create-order");
  }

  @Test
  void thumbnailFunctionScalesAnImageSentAsAnApiGatewayEvent() throws IOException {
    String event =
        """
        {"version":"2.0","routeKey":"$default","rawPath":"/api/images/thumbnail",
         "rawQueryString":"width=16","headers":{"content-type":"image/png"},
         "queryStringParameters":{"width":"16"},
         "requestContext":{"http":{"method":"POST","path":"/api/images/thumbnail"}},
         "body":"%s","isBase64Encoded":true}
        """
            .formatted(Base64.getEncoder().encodeToString(png(64, 32)));

    InvokeResponse response =
        invoke(lambda, request("shop-thumbnail", event).qualifier("live").build());

    assertThat(response.functionError()).isNull();
    assertThat(response.executedVersion()).isEqualTo("1");
    JsonNode answer = AdminApi.parse(response.payload().asUtf8String());
    assertThat(answer.get("statusCode").asInt()).isEqualTo(200);
    assertThat(answer.get("headers").get("Content-Type").asString()).isEqualTo("image/png");
    assertThat(answer.get("isBase64Encoded").asBoolean()).isTrue();
    BufferedImage thumbnail =
        ImageIO.read(
            new ByteArrayInputStream(Base64.getDecoder().decode(answer.get("body").asString())));
    assertThat(thumbnail.getWidth()).isEqualTo(16);
    assertThat(thumbnail.getHeight()).isEqualTo(8);
  }

  @Test
  void thumbnailFunctionAnswersTheMonolithsProblemForAWrongContentType() {
    String event =
        """
        {"version":"2.0","rawPath":"/api/images/thumbnail","headers":{"content-type":"text/plain"},
         "requestContext":{"http":{"method":"POST","path":"/api/images/thumbnail"}},"body":"hi"}
        """;

    InvokeResponse response = invoke(lambda, request("shop-thumbnail", event).build());

    JsonNode answer = AdminApi.parse(response.payload().asUtf8String());
    assertThat(answer.get("statusCode").asInt()).isEqualTo(415);
    assertThat(answer.get("headers").get("Content-Type").asString())
        .isEqualTo("application/problem+json");
  }

  @Test
  void orderFunctionRejectsAnEmptyOrderBeforeItConnectsToTheDatabase() {
    String event =
        """
        {"version":"2.0","rawPath":"/api/orders","headers":{"content-type":"application/json"},
         "requestContext":{"http":{"method":"POST","path":"/api/orders"}},
         "body":"{\\"userId\\":1,\\"items\\":[]}"}
        """;

    InvokeResponse response =
        invoke(lambda, request("shop-create-order", event).qualifier("live").build());

    assertThat(response.functionError()).isNull();
    JsonNode answer = AdminApi.parse(response.payload().asUtf8String());
    assertThat(answer.get("statusCode").asInt()).isEqualTo(400);
    assertThat(answer.get("headers").get("Content-Type").asString())
        .isEqualTo("application/problem+json");
    assertThat(answer.get("body").asString())
        .contains("{\"field\":\"items\",\"message\":\"must contain at least one item\"}");
  }

  private static byte[] png(int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(image, "png", bytes);
    return bytes.toByteArray();
  }
}
