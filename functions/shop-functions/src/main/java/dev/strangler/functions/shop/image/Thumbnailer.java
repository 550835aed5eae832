package dev.strangler.functions.shop.image;

import dev.strangler.functions.shop.http.ApiProblem;
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

/**
 * Scales an image with the monolith's steps exactly (javax.imageio decode, bilinear Java2D draw
 * into RGB or ARGB, default PNG encoder): deterministic for a given JVM, so both backends return
 * the same bytes for the same upload.
 */
public final class Thumbnailer {

  /** Refuse to decode anything larger: a tiny compressed file can expand to gigabytes. */
  public static final long MAX_SOURCE_PIXELS = 40_000_000L;

  private Thumbnailer() {}

  /**
   * @throws ApiProblem 400 when the bytes are not a readable PNG or JPEG, or too large
   */
  public static byte[] thumbnail(byte[] source, int width) {
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
        throw ApiProblem.badRequest("The body is not a PNG or JPEG image.");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels <= 0 || pixels > MAX_SOURCE_PIXELS) {
          throw ApiProblem.badRequest(
              "The image has " + pixels + " pixels; at most " + MAX_SOURCE_PIXELS + ".");
        }
        return reader.read(0);
      } finally {
        reader.dispose();
      }
    } catch (ApiProblem problem) {
      throw problem;
    } catch (IOException | RuntimeException e) {
      throw ApiProblem.badRequest("The image could not be decoded.");
    }
  }
}
