package dev.strangler.rules.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Murmur3Test {

  /** Published MurmurHash3_x86_32 test vectors (SMHasher's reference implementation). */
  @ParameterizedTest(name = "bytes [{0}] seed {1} hash to {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
                          | 00000000 | 00000000
                          | 00000001 | 514E28B7
                          | FFFFFFFF | 81F16F39
          FFFFFFFF        | 00000000 | 76293B50
          21436587        | 00000000 | F55B516B
          21436587        | 5082EDEE | 2362F9DE
          214365          | 00000000 | 7E4A8634
          2143            | 00000000 | A0F7B07A
          21              | 00000000 | 72661CF4
          00000000        | 00000000 | 2362F9DE
          000000          | 00000000 | 85F0B427
          0000            | 00000000 | 30F4C306
          00              | 00000000 | 514E28B7
          """)
  void matchesTheReferenceForByteVectors(String hex, String seed, String expected) {
    byte[] data = hex == null ? new byte[0] : HexFormat.of().parseHex(hex);
    assertThat(Murmur3.hash32(data, Integer.parseUnsignedInt(seed, 16)))
        .isEqualTo(Integer.parseUnsignedInt(expected, 16));
  }

  @ParameterizedTest(name = "\"{0}\" hashes to {1} with seed 0x9747b28c")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          a                                           | 7FA09EA6
          aa                                          | 5D211726
          aaa                                         | 283E0130
          aaaa                                        | 5A97808A
          ab                                          | 74875592
          abc                                         | C84A62DD
          abcd                                        | F0478627
          Hello, world!                               | 24884CBA
          The quick brown fox jumps over the lazy dog | 2FA826CD
          ππππππππ                                    | D58063C1
          """)
  void matchesTheReferenceForTextVectors(String text, String expected) {
    int seed = 0x9747b28c;
    int want = Integer.parseUnsignedInt(expected, 16);
    assertThat(Murmur3.hash32(text.getBytes(StandardCharsets.UTF_8), seed)).isEqualTo(want);
    assertThat(Murmur3.hash32(new byte[0], text, 0, text.length(), seed)).isEqualTo(want);
  }

  @Test
  void matchesTheReferenceForALongInput() {
    String text = "a".repeat(256);
    assertThat(Murmur3.hash32(text.getBytes(StandardCharsets.UTF_8), 0x9747b28c))
        .isEqualTo(0x37405BDC);
  }

  @Test
  void hashesPrefixAndTextAsTheirConcatenatedUtf8Bytes() {
    SplittableRandom random = new SplittableRandom(42);
    for (int run = 0; run < 20_000; run++) {
      String prefix = randomText(random);
      String text = randomText(random);
      int from = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
      int to = from + random.nextInt(text.length() - from + 1);
      int seed = random.nextInt();
      byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
      byte[] tail = text.substring(from, to).getBytes(StandardCharsets.UTF_8);
      byte[] whole = Arrays.copyOf(head, head.length + tail.length);
      System.arraycopy(tail, 0, whole, head.length, tail.length);
      assertThat(Murmur3.hash32(head, text, from, to, seed))
          .as("prefix %s, text %s[%d, %d)", escaped(prefix), escaped(text), from, to)
          .isEqualTo(Murmur3.hash32(whole, seed));
    }
  }

  private static String escaped(String text) {
    StringBuilder out = new StringBuilder();
    text.chars().forEach(c -> out.append(String.format("\\u%04X", c)));
    return out.toString();
  }

  /** Short strings mixing ASCII, 2- and 3-byte characters, surrogate pairs and lone surrogates. */
  static String randomText(SplittableRandom random) {
    char[][] pools = {
      {'a', 'Z', '0', '\u0000', '~'},
      {'\u00e9', '\u03c0', '\u07ff'},
      {'\u0800', '\u20ac', '\uffff'},
      {'\uD83D', '\uDE00', '\uDBFF', '\uDC00'}
    };
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(12);
    for (int i = 0; i < length; i++) {
      char[] pool = pools[random.nextInt(pools.length)];
      text.append(pool[random.nextInt(pool.length)]);
    }
    return text.toString();
  }
}
