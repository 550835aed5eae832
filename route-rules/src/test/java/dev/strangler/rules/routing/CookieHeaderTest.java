package dev.strangler.rules.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CookieHeaderTest {

  @ParameterizedTest(name = "[{0}] gives {1} the value [{2}]")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      nullValues = "<none>",
      textBlock =
          """
          session=abc                   | session | abc
          a=1; session=abc; b=2         | session | abc
          a=1;session=abc               | session | abc
          session=first; session=second | session | first
          '  session  =  abc  ; x=1'    | session | abc
          session="quoted value"        | session | quoted value
          session=                      | session | ''
          session=a=b                   | session | a=b
          Session=abc                   | session | <none>
          sessionid=abc                 | session | <none>
          xsession=abc                  | session | <none>
          session                       | session | <none>
          novalue; session=abc          | session | abc
          ;;;                           | session | <none>
          ''                            | session | <none>
          <none>                        | session | <none>
          a=1; b=2                      | b       | 2
          """)
  void findsTheFirstCookieWithExactlyThatName(String header, String name, String value) {
    assertThat(CookieHeader.value(header, name)).isEqualTo(value);
  }
}
