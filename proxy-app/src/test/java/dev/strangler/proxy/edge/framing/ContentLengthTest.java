package dev.strangler.proxy.edge.framing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentLengthTest {

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"0", "5", "0005", "123456789012345678"})
  void acceptsOneValueOfDigits(String value) {
    assertThat(ContentLength.isValid(List.of(value))).isTrue();
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {"", "+5", "-5", "5a", "0x5", "5, 5", "5,6", " 5", "5.0", "1234567890123456789"})
  void refusesAnythingElse(String value) {
    assertThat(ContentLength.isValid(List.of(value))).isFalse();
  }

  @Test
  void noFieldIsValidAndTwoFieldsNeverAre() {
    assertThat(ContentLength.isValid(List.of())).isTrue();
    assertThat(ContentLength.isValid(List.of("5", "5"))).isFalse();
    assertThat(ContentLength.isValid(List.of("5", "6"))).isFalse();
  }
}
