package dev.strangler.proxy.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.proxy.support.Proxy;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * The same flow against LocalStack's Lambda: the built function deployed from its artifact, the
 * proxy pointed at LocalStack with ordinary (dummy) credentials. Needs a Docker engine; skipped
 * cleanly without one.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackIntegrationTest {

  @Container
  static final LocalStackContainer LOCALSTACK =
      new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.0.3"))
          .withServices("lambda");

  @TempDir static Path dir;
  private static Proxy proxy;

  @BeforeAll
  static void deployAndStart() throws Exception {
    Path jar =
        Path.of(System.getProperty("functions.template"))
            .resolveSibling("shop-functions/target/shop-functions-0.1.0-SNAPSHOT.jar");
    SdkBytes code = SdkBytes.fromByteArray(Files.readAllBytes(jar));
    try (LambdaAsyncClient admin =
        LambdaAsyncClient.builder()
            .endpointOverride(LOCALSTACK.getEndpoint())
            .region(Region.of(LOCALSTACK.getRegion()))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(
                        LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
            .build()) {
      admin
          .createFunction(
              f ->
                  f.functionName("shop-thumbnail")
                      .runtime(Runtime.JAVA17)
                      .handler("dev.strangler.functions.shop.ThumbnailHandler::handleRequest")
                      .role("arn:aws:iam::000000000000:role/lambda-role")
                      .memorySize(512)
                      .timeout(30)
                      .publish(true)
                      .code(c -> c.zipFile(code)))
          .join();
      admin.waiter().waitUntilFunctionActiveV2(w -> w.functionName("shop-thumbnail")).join();
      admin
          .createAlias(a -> a.functionName("shop-thumbnail").name("live").functionVersion("1"))
          .join();
    }
    Path rules =
        Files.writeString(
            dir.resolve("routes.yaml"),
            """
            version: 1
            routes:
              - id: thumbnails
                match: { methods: [POST], paths: [/api/images/thumbnail] }
                lambda: { function: shop-thumbnail, qualifier: live, timeout: 30s }
                canary: { percent: 100 }
            """);
    // The proxy signs with the SDK's default chain, here from system properties.
    System.setProperty("aws.accessKeyId", LOCALSTACK.getAccessKey());
    System.setProperty("aws.secretAccessKey", LOCALSTACK.getSecretKey());
    proxy =
        Proxy.start(
            URI.create("http://127.0.0.1:9"),
            Map.of(
                "strangler.rules.file", rules.toString(),
                "strangler.lambda.endpoint", LOCALSTACK.getEndpoint().toString(),
                "strangler.lambda.region", LOCALSTACK.getRegion(),
                "strangler.lambda.credentials", "default"));
  }

  @AfterAll
  static void stop() {
    if (proxy != null) {
      proxy.close();
    }
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  @Test
  void servesARuleWithTheFunctionDeployedToLocalStack() throws Exception {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(256, 128, BufferedImage.TYPE_INT_RGB), "png", png);

    HttpResponse<byte[]> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(proxy.url().resolve("/api/images/thumbnail"))
                    .header("Content-Type", "image/png")
                    .POST(BodyPublishers.ofByteArray(png.toByteArray()))
                    .build(),
                BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(ImageIO.read(new ByteArrayInputStream(response.body())).getWidth()).isEqualTo(64);
  }
}
