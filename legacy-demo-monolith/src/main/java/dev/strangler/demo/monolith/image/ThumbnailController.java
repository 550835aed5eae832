package dev.strangler.demo.monolith.image;

import dev.strangler.demo.monolith.error.ApiProblem;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ThumbnailController {

  static final int MAX_WIDTH = 1024;

  private final Thumbnailer thumbnailer;

  ThumbnailController(Thumbnailer thumbnailer) {
    this.thumbnailer = thumbnailer;
  }

  // No "produces": errors must still be able to answer with problem+json.
  @PostMapping(
      path = "/api/images/thumbnail",
      consumes = {MediaType.IMAGE_PNG_VALUE, MediaType.IMAGE_JPEG_VALUE})
  ResponseEntity<byte[]> thumbnail(
      @RequestParam(defaultValue = "64") int width, @RequestBody byte[] image) {
    if (width < 1 || width > MAX_WIDTH) {
      throw ApiProblem.badRequest(
          "Query parameter 'width' must be between 1 and " + MAX_WIDTH + ", was " + width + ".");
    }
    return ResponseEntity.ok()
        .contentType(MediaType.IMAGE_PNG)
        .body(thumbnailer.thumbnail(image, width));
  }
}
