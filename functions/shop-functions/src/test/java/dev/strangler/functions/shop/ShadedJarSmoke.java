package dev.strangler.functions.shop;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.strangler.functions.shop.support.Events;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Run by {@link ShadedJarIT} in a JVM whose classpath is the shaded jar (plus this class): builds
 * each handler as the Lambda runtime does, through its no-argument constructor with the database
 * from the environment, invokes it once and prints one line per answer.
 */
public final class ShadedJarSmoke {

  private ShadedJarSmoke() {}

  public static void main(String[] args) throws Exception {
    print(
        "products",
        invoke(
            "GetProductsHandler",
            Events.request("GET", "/api/products/9").pathParameter("id", "9").build()));
    print(
        "user",
        invoke(
            "CreateUserHandler",
            Events.request("POST", "/api/users")
                .header("content-type", "application/json")
                .textBody("{\"name\":\"Smoke\",\"email\":\"smoke@example.com\"}")
                .build()));
    print(
        "invalid-user",
        invoke(
            "CreateUserHandler",
            Events.request("POST", "/api/users")
                .header("content-type", "application/json")
                .textBody("{\"name\":\"\",\"email\":\"smoke\"}")
                .build()));
    print(
        "order",
        invoke(
            "CreateOrderHandler",
            Events.request("POST", "/api/orders")
                .header("content-type", "application/json")
                .textBody("{\"userId\":1,\"items\":[{\"productId\":9,\"quantity\":2}]}")
                .build()));
    print(
        "unknown-product",
        invoke(
            "CreateOrderHandler",
            Events.request("POST", "/api/orders")
                .header("content-type", "application/json")
                .textBody("{\"userId\":1,\"items\":[{\"productId\":5555,\"quantity\":1}]}")
                .build()));
    print(
        "thumbnail",
        invoke(
            "ThumbnailHandler",
            Events.request("POST", "/api/images/thumbnail?width=8")
                .header("content-type", "image/png")
                .binaryBody(png())
                .build()));
  }

  @SuppressWarnings("unchecked")
  private static APIGatewayV2HTTPResponse invoke(String handler, APIGatewayV2HTTPEvent event)
      throws ReflectiveOperationException {
    Object instance =
        Class.forName("dev.strangler.functions.shop." + handler).getConstructor().newInstance();
    return ((RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) instance)
        .handleRequest(event, null);
  }

  private static void print(String name, APIGatewayV2HTTPResponse response) {
    String body =
        response.getIsBase64Encoded()
            ? "base64:" + response.getBody().length()
            : response.getBody();
    System.out.println(name + " " + response.getStatusCode() + " " + body);
  }

  private static byte[] png() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB), "png", out);
    return out.toByteArray();
  }
}
