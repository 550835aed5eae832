package dev.strangler.functions.shop.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContentTypeTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "application/json | application/json",
        "Text/Plain; Foo=Bar | text/plain;Foo=Bar",
        "text/plain;a=\"x;y\" ; b=c | text/plain;a=\"x;y\";b=c",
        "application/json; orphan | application/json",
        "* | */*",
        "text/plain; Q=2 | text/plain;Q=2",
      })
  void printsAsSpringPrintsIt(String header, String printed) {
    assertThat(ContentType.parse(header)).hasToString(printed);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "garbage",
        "text/",
        "*/json",
        "/json",
        "text/plain/x",
        "text/plain; charset=foo",
        "text/plain; Charset=foo",
        "text/plain; charset=",
        "text/plain; q=2",
        "text/plain; a=é",
        "text/pl ain",
        ""
      })
  void rejectsWhatSpringCannotParse(String header) {
    assertThatThrownBy(() -> ContentType.parse(header))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void findsTheCharsetWhateverTheParametersCase() {
    assertThat(ContentType.parse("text/plain; Charset=latin1").charset())
        .contains(StandardCharsets.ISO_8859_1);
    assertThat(ContentType.parse("text/plain").charset()).isEmpty();
  }

  @Test
  void addsACharsetLast() {
    assertThat(ContentType.parse("text/plain;a=b").withCharset("UTF-8"))
        .hasToString("text/plain;a=b;charset=UTF-8");
  }

  @Test
  void knowsWildcards() {
    assertThat(ContentType.parse("*/*").isWildcard()).isTrue();
    assertThat(ContentType.parse("application/*+json").isWildcard()).isTrue();
    assertThat(ContentType.parse("application/json").isWildcard()).isFalse();
  }
}
