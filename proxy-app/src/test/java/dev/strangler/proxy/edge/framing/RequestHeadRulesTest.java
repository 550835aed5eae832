package dev.strangler.proxy.edge.framing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestHeadRulesTest {

  /** Header lines as {@code Name: value}, separated by {@code |}. */
  @ParameterizedTest(name = "{0} {1} [{2}] -> {3}")
  @CsvSource(
      delimiter = ';',
      value = {
        "1.1; /a; Host: a; 0",
        "1.1; /a; Host: a|Transfer-Encoding: chunked; 0",
        "1.1; /a; Host: a|Content-Length: 5; 0",
        "1.0; /a; ; 0",
        "1.1; http://a:81/x; Host: b; 0",
        "1.1; /a; ; 400",
        "1.1; /a; Host: a|Host: a; 400",
        "1.1; /a; Host: a/b; 400",
        "1.0; /a; Host: a b; 400",
        "1.1; http://u@a/x; Host: a; 400",
        "1.1; https://; Host: a; 400",
        "1.1; /a; Host: a|Transfer-Encoding: chunked|Content-Length: 5; 400",
        "1.0; /a; Host: a|Transfer-Encoding: chunked; 400",
        "1.1; /a; Host: a|Transfer-Encoding: xchunked; 400",
        "1.1; /a; Host: a|Transfer-Encoding: gzip, chunked; 501",
        "1.1; /a; Host: a|Content-Length: 5|Content-Length: 5; 400",
        "1.1; /a; Host: a|Content-Length: -1; 400"
      })
  void judgesTheHead(String version, String target, String lines, int status) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    if (lines != null) {
      for (String line : lines.split("\\|")) {
        int colon = line.indexOf(':');
        headers
            .computeIfAbsent(
                line.substring(0, colon).toLowerCase(), name -> new java.util.ArrayList<>())
            .add(line.substring(colon + 1).trim());
      }
    }

    Rejection rejection =
        RequestHeadRules.check(
            version.equals("1.0"),
            target,
            name -> headers.getOrDefault(name.toLowerCase(), List.of()));

    assertThat(rejection == null ? 0 : rejection.status()).isEqualTo(status);
  }

  @Test
  void findsTheAuthorityOfAnAbsoluteTargetOnly() {
    assertThat(RequestHeadRules.absoluteFormAuthority("http://shop.example:8080/a?b"))
        .isEqualTo("shop.example:8080");
    assertThat(RequestHeadRules.absoluteFormAuthority("HTTPS://shop.example"))
        .isEqualTo("shop.example");
    assertThat(RequestHeadRules.absoluteFormAuthority("http://a?x")).isEqualTo("a");
    assertThat(RequestHeadRules.absoluteFormAuthority("/http://a")).isNull();
    assertThat(RequestHeadRules.absoluteFormAuthority("*")).isNull();
  }
}
