package dev.strangler.functions.shop;

import static dev.strangler.functions.shop.support.Exchange.request;

import dev.strangler.functions.shop.support.Exchange;
import dev.strangler.functions.shop.support.Images;
import dev.strangler.functions.shop.support.Parity;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code shop-thumbnail} answers every one of these uploads as the monolith, down to the PNG bytes
 * of the thumbnail.
 */
class ThumbnailParityIntegrationTest {

  private static final ThumbnailHandler handler = new ThumbnailHandler();

  @BeforeAll
  static void start() {
    Parity.startMonolith();
  }

  private static Exchange upload(String query, String contentType, byte[] body) {
    return request("POST", "/api/images/thumbnail" + query)
        .header("Content-Type", contentType)
        .bytes(body);
  }

  static Stream<Exchange> uploads() {
    byte[] png = Images.png(400, 200);
    return Stream.of(
        upload("?width=100", "image/png", png),
        upload("", "image/png", png),
        upload("?width=1", "image/png", png),
        upload("?width=1024", "image/png", png),
        upload("?width=0x20", "image/png", png),
        upload(
            "?width=33", "image/png", Images.stripes(77, 51, BufferedImage.TYPE_INT_ARGB, "png")),
        upload(
            "?width=40", "image/png", Images.stripes(90, 60, BufferedImage.TYPE_BYTE_GRAY, "png")),
        upload(
            "?width=40",
            "image/png",
            Images.stripes(90, 60, BufferedImage.TYPE_BYTE_INDEXED, "png")),
        upload(
            "?width=50", "image/png", Images.stripes(10, 1000, BufferedImage.TYPE_INT_RGB, "png")),
        upload("?width=7", "image/png", Images.png(1, 1)),
        upload("", "image/jpeg", Images.jpeg(300, 600)),
        upload("?width=90", "image/png", Images.jpeg(300, 200)),
        upload("", "IMAGE/PNG; charset=utf-8", png),
        upload("", "image/png;q=1", png),
        upload("", "image/png;", png),
        upload("?width=0", "image/png", png),
        upload("?width=1025", "image/png", png),
        upload("?width=-1", "image/png", png),
        upload("?width=abc", "image/png", png),
        upload("?width=abc", "image/png", new byte[0]),
        upload("?width=0", "image/png", new byte[0]),
        upload("", "image/png", "definitely not a png".getBytes(StandardCharsets.UTF_8)),
        upload("", "image/png", Arrays.copyOf(png, 100)),
        upload("", "image/png", withClaimedSize(png, 10_000, 10_000)),
        upload("?x=%zz", "image/png", png),
        upload("?width=abc", "text/plain", png),
        upload("", "Text/Plain; Foo=Bar", png),
        upload("", "image/*", png),
        upload("", "*/*", png),
        upload("", "image/gif", png),
        upload("", "garbage", png),
        upload("", "image/png; charset=x", png),
        upload("?x=%zz", "text/plain", png),
        request("POST", "/api/images/thumbnail").bytes(png),
        request("GET", "/api/images/thumbnail"),
        request("HEAD", "/api/images/thumbnail"),
        request("OPTIONS", "/api/images/thumbnail"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("uploads")
  void answersAsTheMonolith(Exchange exchange) {
    Parity.assertSameAnswer(
        exchange, exchange.toEvent(Map.of()), handler::handleRequest, "shop-thumbnail");
  }

  /** A PNG whose header claims other dimensions: too many pixels to be decoded. */
  private static byte[] withClaimedSize(byte[] png, int width, int height) {
    byte[] changed = png.clone();
    // Signature (8 bytes), IHDR length and type (8 bytes), then width and height.
    ByteBuffer.wrap(changed, 16, 8).putInt(width).putInt(height);
    return changed;
  }
}
