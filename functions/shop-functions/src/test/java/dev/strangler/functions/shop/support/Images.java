package dev.strangler.functions.shop.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Small generated images to upload, and a reader for the thumbnails that come back. */
public final class Images {

  private Images() {}

  /** Coloured stripes; with alpha the stripes are half transparent. */
  public static byte[] stripes(int width, int height, int imageType, String format) {
    BufferedImage image = new BufferedImage(width, height, imageType);
    Graphics2D g = image.createGraphics();
    for (int x = 0; x < width; x += 10) {
      g.setColor(new Color((x * 7) % 256, (x * 3) % 256, 200, 128 + x % 128));
      g.fillRect(x, 0, 10, height);
    }
    g.setColor(Color.ORANGE);
    g.fillOval(width / 4, height / 4, width / 2, height / 2);
    g.dispose();
    return encode(image, format);
  }

  public static byte[] png(int width, int height) {
    return stripes(width, height, BufferedImage.TYPE_INT_RGB, "png");
  }

  public static byte[] jpeg(int width, int height) {
    return stripes(width, height, BufferedImage.TYPE_INT_RGB, "jpg");
  }

  public static BufferedImage read(byte[] bytes) {
    try {
      return ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] encode(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalArgumentException("no writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
