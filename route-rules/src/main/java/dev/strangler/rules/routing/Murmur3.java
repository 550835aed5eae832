package dev.strangler.rules.routing;

/**
 * MurmurHash3, x86 32-bit variant (Austin Appleby's public-domain algorithm), as used for canary
 * buckets: the same input gives the same hash on every replica and every JVM.
 */
final class Murmur3 {

  private static final int C1 = 0xcc9e2d51;
  private static final int C2 = 0x1b873593;

  private Murmur3() {}

  /** The hash of {@code data}. */
  static int hash32(byte[] data, int seed) {
    int h = seed;
    int blocks = data.length / 4;
    for (int i = 0; i < blocks; i++) {
      int k =
          data[4 * i] & 0xFF
              | (data[4 * i + 1] & 0xFF) << 8
              | (data[4 * i + 2] & 0xFF) << 16
              | (data[4 * i + 3] & 0xFF) << 24;
      h = mixBlock(h, k);
    }
    int k = 0;
    for (int i = data.length - 1; i >= blocks * 4; i--) {
      k = k << 8 | data[i] & 0xFF;
    }
    if (data.length % 4 != 0) {
      h ^= mixK(k);
    }
    return finish(h, data.length);
  }

  /**
   * The hash of {@code prefix} followed by the UTF-8 bytes of {@code text[from, to)}, without
   * building that byte array. Unpaired surrogates count as {@code '?'}, as {@link
   * String#getBytes(java.nio.charset.Charset)} encodes them.
   */
  static int hash32(byte[] prefix, CharSequence text, int from, int to, int seed) {
    int h = seed;
    int k = 0;
    int filled = 0;
    for (byte b : prefix) {
      k |= (b & 0xFF) << (filled << 3);
      if (++filled == 4) {
        h = mixBlock(h, k);
        k = 0;
        filled = 0;
      }
    }
    int length = prefix.length;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      int utf8;
      int count;
      if (c < 0x80) {
        utf8 = c;
        count = 1;
      } else if (c < 0x800) {
        utf8 = (0xC0 | c >>> 6) | (0x80 | c & 0x3F) << 8;
        count = 2;
      } else if (!Character.isSurrogate(c)) {
        utf8 = (0xE0 | c >>> 12) | (0x80 | c >>> 6 & 0x3F) << 8 | (0x80 | c & 0x3F) << 16;
        count = 3;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < to
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, text.charAt(++i));
        utf8 =
            (0xF0 | cp >>> 18)
                | (0x80 | cp >>> 12 & 0x3F) << 8
                | (0x80 | cp >>> 6 & 0x3F) << 16
                | (0x80 | cp & 0x3F) << 24;
        count = 4;
      } else {
        utf8 = '?';
        count = 1;
      }
      length += count;
      for (int j = 0; j < count; j++, utf8 >>>= 8) {
        k |= (utf8 & 0xFF) << (filled << 3);
        if (++filled == 4) {
          h = mixBlock(h, k);
          k = 0;
          filled = 0;
        }
      }
    }
    if (filled > 0) {
      h ^= mixK(k);
    }
    return finish(h, length);
  }

  private static int mixK(int k) {
    return Integer.rotateLeft(k * C1, 15) * C2;
  }

  private static int mixBlock(int h, int k) {
    return Integer.rotateLeft(h ^ mixK(k), 13) * 5 + 0xe6546b64;
  }

  private static int finish(int h, int length) {
    h ^= length;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    return h ^ h >>> 16;
  }
}
