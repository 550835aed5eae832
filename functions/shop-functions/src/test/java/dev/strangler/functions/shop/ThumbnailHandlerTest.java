package dev.strangler.functions.shop;

import static dev.strangler.functions.shop.support.Responses.bodyBytes;
import static dev.strangler.functions.shop.support.Responses.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.strangler.functions.shop.support.Events;
import dev.strangler.functions.shop.support.Images;
import dev.strangler.functions.shop.support.TestContext;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ThumbnailHandlerTest {

  private final ThumbnailHandler handler = new ThumbnailHandler();

  private APIGatewayV2HTTPResponse upload(String query, String contentType, byte[] body) {
    Events.Builder event = Events.request("POST", "/api/images/thumbnail" + query).binaryBody(body);
    if (contentType != null) {
      event.header("Content-Type", contentType);
    }
    return handler.handleRequest(event.build(), new TestContext("shop-thumbnail"));
  }

  @Test
  void scalesAPngToTheRequestedWidthKeepingTheAspectRatio() {
    APIGatewayV2HTTPResponse response = upload("?width=100", "image/png", Images.png(400, 200));

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(header(response, "Content-Type")).isEqualTo("image/png");
    assertThat(response.getIsBase64Encoded()).isTrue();
    BufferedImage thumbnail = Images.read(bodyBytes(response));
    assertThat(thumbnail.getWidth()).isEqualTo(100);
    assertThat(thumbnail.getHeight()).isEqualTo(50);
  }

  @Test
  void scalesAJpegToSixtyFourPixelsByDefault() {
    BufferedImage thumbnail =
        Images.read(bodyBytes(upload("", "image/jpeg", Images.jpeg(300, 600))));

    assertThat(thumbnail.getWidth()).isEqualTo(64);
    assertThat(thumbnail.getHeight()).isEqualTo(128);
  }

  @Test
  void keepsTransparency() {
    byte[] translucent = Images.stripes(80, 40, BufferedImage.TYPE_INT_ARGB, "png");

    BufferedImage thumbnail = Images.read(bodyBytes(upload("?width=20", "image/png", translucent)));

    assertThat(thumbnail.getColorModel().hasAlpha()).isTrue();
  }

  @Test
  void producesTheSameBytesEveryTime() {
    byte[] original = Images.png(123, 77);

    assertThat(bodyBytes(upload("?width=31", "image/png", original)))
        .isEqualTo(bodyBytes(upload("?width=31", "image/png", original)));
  }

  @Test
  void rejectsOtherMediaTypesWith415ListingTheAcceptedOnesBeforeLookingAtTheWidth() {
    APIGatewayV2HTTPResponse response = upload("?width=abc", "text/plain", Images.png(10, 10));

    assertThat(response.getStatusCode()).isEqualTo(415);
    assertThat(header(response, "Accept")).isEqualTo("image/png, image/jpeg");
    assertThat(response.getBody())
        .isEqualTo(
            "{\"detail\":\"Content-Type 'text/plain' is not supported.\",\"instance\":"
                + "\"/api/images/thumbnail\",\"status\":415,\"title\":\"Unsupported Media Type\"}");
    assertThat(upload("", null, Images.png(10, 10)).getBody())
        .contains("\"detail\":\"Content-Type 'null' is not supported.\"");
  }

  @Test
  void ignoresMediaTypeParametersAndCase() {
    assertThat(upload("", "IMAGE/PNG; charset=utf-8", Images.png(10, 10)).getStatusCode())
        .isEqualTo(200);
  }

  @Test
  void rejectsWidthsOutsideOneTo1024() {
    assertThat(upload("?width=1025", "image/png", Images.png(10, 10)).getBody())
        .isEqualTo(
            "{\"detail\":\"Query parameter 'width' must be between 1 and 1024, was 1025.\","
                + "\"instance\":\"/api/images/thumbnail\",\"status\":400,\"title\":\"Bad Request\"}");
    assertThat(upload("?width=x", "image/png", Images.png(10, 10)).getBody())
        .contains("\"detail\":\"Failed to convert 'width' with value: 'x'\"");
  }

  @Test
  void rejectsAnEmptyBodyBeforeTheWidthRange() {
    assertThat(upload("?width=0", "image/png", new byte[0]).getBody())
        .contains("\"detail\":\"Failed to read request\"");
  }

  @Test
  void rejectsBytesThatAreNoImage() {
    byte[] text = "definitely not a png".getBytes(StandardCharsets.UTF_8);

    assertThat(upload("", "image/png", text).getBody())
        .contains("\"detail\":\"The body is not a PNG or JPEG image.\"");
  }

  @Test
  void answersWithoutALambdaContext() {
    APIGatewayV2HTTPResponse response =
        handler.handleRequest(
            Events.request("POST", "/api/images/thumbnail")
                .header("Content-Type", "image/png")
                .binaryBody(Images.png(20, 20))
                .build(),
            null);

    assertThat(response.getStatusCode()).isEqualTo(200);
  }
}
