package dev.strangler.proxy.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The literal parser against a table. Expected values are written in their plainest form and turned
 * into bytes by the JDK, so the table is checked against an independent parser.
 */
class IpLiteralTest {

  @ParameterizedTest(name = "address \"{0}\" is {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "none",
      value = {
        "0.0.0.0              | 0.0.0.0",
        "127.0.0.1            | 127.0.0.1",
        "255.255.255.255      | 255.255.255.255",
        "10.20.30.40          | 10.20.30.40",
        "::                   | 0:0:0:0:0:0:0:0",
        "::1                  | 0:0:0:0:0:0:0:1",
        "1::                  | 1:0:0:0:0:0:0:0",
        "fd12:3456::1         | fd12:3456:0:0:0:0:0:1",
        "FE80::AbCd           | fe80:0:0:0:0:0:0:abcd",
        "1:2:3:4:5:6:7:8      | 1:2:3:4:5:6:7:8",
        "1:2:3:4:5:6::8       | 1:2:3:4:5:6:0:8",
        "::2:3:4:5:6:7:8      | 0:2:3:4:5:6:7:8",
        "2001:db8::0:1        | 2001:db8:0:0:0:0:0:1",
        "::ffff:10.0.0.1      | 10.0.0.1", // IPv4-mapped: the IPv4 address, as the JDK has it
        "0:0:0:0:0:ffff:1.2.3.4 | 1.2.3.4",
        "::ffff:a00:1         | 10.0.0.1",
        "::1.2.3.4            | 0:0:0:0:0:0:102:304", // IPv4-compatible stays IPv6
        "64:ff9b::192.0.2.33  | 64:ff9b:0:0:0:0:c000:221",
        // garbage
        "''                   | none",
        "localhost            | none",
        "example.com          | none",
        "zz:1                 | none",
        "unknown              | none",
        "_hidden              | none",
        "256.1.1.1            | none",
        "1.2.3                | none",
        "1.2.3.4.5            | none",
        "1.2.3.                | none",
        ".1.2.3               | none",
        "1..2.3               | none",
        "010.0.0.1            | none", // octal to some parsers
        "1.2.3.4a             | none",
        "-1.2.3.4             | none",
        "1.2.3.4 5            | none",
        "1.2.3.1234           | none",
        ":                    | none",
        ":::                  | none",
        ":1                   | none",
        "1:                   | none",
        "1:::2                | none",
        "1::2::3              | none",
        "12345::              | none",
        "g::1                 | none",
        "1:2:3:4:5:6:7        | none",
        "1:2:3:4:5:6:7:8:9    | none",
        "1:2:3:4:5:6:7::8     | none", // '::' must stand for at least one word
        "1:2:3:4:5:6:7:1.2.3.4 | none",
        "::ffff:1.2.3         | none",
        "::ffff:1.2.3.256     | none",
        "::1.2.3.4:5          | none",
        "[::1]                | none", // brackets are for hops only
        "fe80::1%eth0         | none", // zone ids are for hops only
      })
  void readsBareAddresses(String text, String expected) throws UnknownHostException {
    assertThat(IpLiteral.address(text == null ? "" : text)).isEqualTo(bytes(expected));
  }

  @ParameterizedTest(name = "hop \"{0}\" is {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "none",
      value = {
        "10.0.0.1             | 10.0.0.1",
        "10.0.0.1:4711        | 10.0.0.1",
        "10.0.0.1:0           | 10.0.0.1",
        "10.0.0.1:65535       | 10.0.0.1",
        "::1                  | 0:0:0:0:0:0:0:1",
        "[::1]                | 0:0:0:0:0:0:0:1",
        "[::1]:4711           | 0:0:0:0:0:0:0:1",
        "[2001:db8::7]:443    | 2001:db8:0:0:0:0:0:7",
        "[::ffff:10.0.0.1]:80 | 10.0.0.1",
        "fe80::1%eth0         | fe80:0:0:0:0:0:0:1",
        "fe80::1%25           | fe80:0:0:0:0:0:0:1",
        "[fe80::1%en0]:8080   | fe80:0:0:0:0:0:0:1",
        // garbage
        "zz:1                 | none",
        "10.0.0.1:            | none",
        "10.0.0.1:65536       | none",
        "10.0.0.1:123456      | none",
        "10.0.0.1:-1          | none",
        "10.0.0.1:http        | none",
        "host:80              | none",
        "[::1                 | none",
        "::1]                 | none",
        "[::1]:               | none",
        "[::1]x               | none",
        "[::1]:80:80          | none",
        "[10.0.0.1]           | none",
        "[]                   | none",
        "fe80::1%             | none",
        "fe80::1%eth 0        | none",
        "fe80::1%eth0%1       | none",
        "10.0.0.1%eth0        | none",
        "unknown              | none",
        "_gazonk              | none",
      })
  void readsForwardingHops(String text, String expected) throws UnknownHostException {
    assertThat(IpLiteral.hop(text)).isEqualTo(bytes(expected));
  }

  @Test
  void answersEveryOneOfManyRandomStringsWithoutThrowing() {
    java.util.Random random = new java.util.Random(12);
    String alphabet = "0123456789abcdefABCDEF:.[]%/ xz-";
    for (int n = 0; n < 50_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(46);
      for (int i = 0; i < length; i++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      byte[] hop = IpLiteral.hop(text.toString());
      byte[] address = IpLiteral.address(text.toString());
      assertThat(hop == null || hop.length == 4 || hop.length == 16).as(text.toString()).isTrue();
      assertThat(address == null || address.length == 4 || address.length == 16)
          .as(text.toString())
          .isTrue();
    }
  }

  /** The JDK's reading of a canonical literal (parsed as a literal: it contains no names). */
  private static byte[] bytes(String canonical) throws UnknownHostException {
    return canonical == null ? null : InetAddress.getByName(canonical).getAddress();
  }
}
