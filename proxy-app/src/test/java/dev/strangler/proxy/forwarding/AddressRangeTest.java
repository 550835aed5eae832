package dev.strangler.proxy.forwarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressRangeTest {

  @ParameterizedTest(name = "{0} contains {1}: {2}")
  @CsvSource({
    "10.0.0.0/8, 10.255.3.4, true",
    "10.0.0.0/8, 11.0.0.1, false",
    "127.0.0.1, 127.0.0.1, true",
    "127.0.0.1, 127.0.0.2, false",
    "192.168.1.128/25, 192.168.1.200, true",
    "192.168.1.128/25, 192.168.1.100, false",
    "0.0.0.0/0, 8.8.8.8, true",
    "::1, ::1, true",
    "fd00::/8, fd12:3456::1, true",
    "fd00::/8, fe80::1, false",
    "10.0.0.0/8, ::1, false",
  })
  void matchesAddressesInsideTheRange(String range, String address, boolean expected)
      throws Exception {
    assertThat(AddressRange.parse(range).contains(InetAddress.getByName(address)))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"localhost", "10.0.0.0/33", "256.1.1.1", "10.0.0/8", "::1/129", "", "10.0.0.0/x"})
  void rejectsWhatIsNotANumericRange(String text) {
    assertThatThrownBy(() -> AddressRange.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + text + "'");
  }
}
