package dev.strangler.demo.monolith.image;

import dev.strangler.demo.monolith.error.ApiProblem;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.springframework.stereotype.Component;

/** Scales images with plain javax.imageio/Java2D, which is deterministic for a given JVM. */
@Component
class Thumbnailer {

  /** Refuse to decode anything larger: a tiny compressed file can expand to gigabytes. */
  static final long MAX_SOURCE_PIXELS = 40_000_000L;

  byte[] thumbnail(byte[] source, int width) {
    BufferedImage original = decode(source);
    int height =
        Math.max(1, (int) Math.round(original.getHeight() * (double) width / original.getWidth()));
    int type =
        original.getColorModel().hasAlpha()
            ? BufferedImage.TYPE_INT_ARGB
            : BufferedImage.TYPE_INT_RGB;
    BufferedImage scaled = new BufferedImage(width, height, type);
    Graphics2D g = scaled.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(original, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(scaled, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return png.toByteArray();
  }

  private static BufferedImage decode(byte[] source) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(source))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw unreadable("The body is not a PNG or JPEG image.");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels <= 0 || pixels > MAX_SOURCE_PIXELS) {
          throw unreadable(
              "The image has " + pixels + " pixels; at most " + MAX_SOURCE_PIXELS + ".");
        }
        return reader.read(0);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof ApiProblem problem) {
        throw problem;
      }
      throw unreadable("The image could not be decoded.");
    }
  }

  private static ApiProblem unreadable(String detail) {
    return ApiProblem.badRequest(detail);
  }
}
