package dev.strangler.demo.monolith.files;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The download content: byte i is (i % 251). 251 is prime, so the pattern does not line up with any
 * power-of-two buffer size and a dropped or repeated chunk shows up when checked.
 */
final class PatternBytes {

  static final int PERIOD = 251;

  /** A whole number of periods, so every full chunk continues the pattern where the last ended. */
  private static final byte[] CHUNK = new byte[PERIOD * 261]; // 65,511 bytes

  static {
    for (int i = 0; i < CHUNK.length; i++) {
      CHUNK[i] = (byte) (i % PERIOD);
    }
  }

  private PatternBytes() {}

  /** Writes {@code length} pattern bytes in chunks of ~64 KiB; nothing larger is held. */
  static void write(OutputStream out, long length) throws IOException {
    long remaining = length;
    while (remaining > 0) {
      int n = (int) Math.min(CHUNK.length, remaining);
      out.write(CHUNK, 0, n);
      remaining -= n;
    }
  }
}
