package dev.strangler.functions.shop.support;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** Reads handler responses as a client would receive them. */
public final class Responses {

  private Responses() {}

  /** The body bytes as they go on the wire: base64 decoded, or text as UTF-8. */
  public static byte[] bodyBytes(APIGatewayV2HTTPResponse response) {
    String body = response.getBody() == null ? "" : response.getBody();
    return response.getIsBase64Encoded()
        ? Base64.getDecoder().decode(body)
        : body.getBytes(StandardCharsets.UTF_8);
  }

  /** A response header by case-insensitive name, or null. */
  public static String header(APIGatewayV2HTTPResponse response, String name) {
    if (response.getHeaders() == null) {
      return null;
    }
    return response.getHeaders().entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }
}
