package dev.strangler.proxy.lambda.event;

/**
 * How long UTF-8 text becomes as the contents of a JSON string, as the event's JSON generator
 * writes it: {@code "} and {@code \} and the short escapes {@code \b \t \n \f \r} take two bytes,
 * other control characters six (a {@code u00XX} escape), everything else stays as it is.
 */
final class JsonText {
  private JsonText() {}

  private static final int[] ASCII_LENGTH = new int[128];

  static {
    for (int c = 0; c < 128; c++) {
      ASCII_LENGTH[c] = 1;
    }
    for (int c = 0; c < 0x20; c++) {
      ASCII_LENGTH[c] = 6;
    }
    for (char c : new char[] {'\b', '\t', '\n', '\f', '\r', '"', '\\'}) {
      ASCII_LENGTH[c] = 2;
    }
  }

  /**
   * The escaped length of {@code utf8}, or {@code -1} when it is not well-formed UTF-8 (overlong
   * forms, surrogates, code points past U+10FFFF and cut-off sequences are all malformed), one pass
   * and no allocation.
   */
  static long escapedLengthOfUtf8(byte[] utf8) {
    long length = 0;
    int i = 0;
    int end = utf8.length;
    while (i < end) {
      int b = utf8[i] & 0xFF;
      if (b < 0x80) {
        length += ASCII_LENGTH[b];
        i++;
        continue;
      }
      int size;
      int secondMin = 0x80;
      int secondMax = 0xBF;
      if (b >= 0xC2 && b <= 0xDF) {
        size = 2;
      } else if (b >= 0xE0 && b <= 0xEF) {
        size = 3;
        if (b == 0xE0) {
          secondMin = 0xA0; // shorter forms are overlong
        } else if (b == 0xED) {
          secondMax = 0x9F; // above are the UTF-16 surrogates
        }
      } else if (b >= 0xF0 && b <= 0xF4) {
        size = 4;
        if (b == 0xF0) {
          secondMin = 0x90;
        } else if (b == 0xF4) {
          secondMax = 0x8F; // above is past U+10FFFF
        }
      } else {
        return -1;
      }
      if (i + size > end) {
        return -1;
      }
      int second = utf8[i + 1] & 0xFF;
      if (second < secondMin || second > secondMax) {
        return -1;
      }
      for (int k = 2; k < size; k++) {
        if ((utf8[i + k] & 0xC0) != 0x80) {
          return -1;
        }
      }
      length += size;
      i += size;
    }
    return length;
  }
}
