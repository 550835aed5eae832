package dev.strangler.demo.monolith;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageApiTests extends HttpTestSupport {

  private static byte[] png(int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    for (int x = 0; x < width; x += 10) {
      g.setColor(new Color((x * 7) % 256, (x * 3) % 256, 200));
      g.fillRect(x, 0, 10, height);
    }
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private HttpResponse<byte[]> thumbnail(String query, String contentType, byte[] body) {
    return send(
        request("/api/images/thumbnail" + query)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void scalesPngToRequestedWidthKeepingAspectRatio() throws IOException {
    byte[] original = png(400, 200);

    var response = thumbnail("?width=100", "image/png", original);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(header(response, "Content-Type")).isEqualTo("image/png");
    BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(response.body()));
    assertThat(thumb).isNotNull();
    assertThat(thumb.getWidth()).isEqualTo(100);
    assertThat(thumb.getHeight()).isEqualTo(50);
    assertThat(response.body().length).isLessThan(original.length);
  }

  @Test
  void usesDefaultWidthOf64ForJpeg() throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png(300, 600)));
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(image, "jpg", jpeg);

    var response = thumbnail("", "image/jpeg", jpeg.toByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(response.body()));
    assertThat(thumb.getWidth()).isEqualTo(64);
    assertThat(thumb.getHeight()).isEqualTo(128);
  }

  @Test
  void rejectsUnreadableImageWith400ProblemJson() {
    var response =
        send(
            request("/api/images/thumbnail")
                .header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofString("definitely not a png"))
                .build());

    assertProblem(response, 400);
  }

  @Test
  void rejectsOtherContentTypesWith415() {
    var response =
        send(
            request("/api/images/thumbnail")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello"))
                .build());

    assertProblem(response, 415);
  }

  @Test
  void rejectsWidthOutOfRange() throws IOException {
    var response =
        send(
            request("/api/images/thumbnail?width=0")
                .header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(png(20, 20)))
                .build());

    assertProblem(response, 400);
  }
}
