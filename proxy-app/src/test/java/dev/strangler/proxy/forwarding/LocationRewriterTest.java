package dev.strangler.proxy.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocationRewriterTest {

  @ParameterizedTest(name = "{0} + {1} -> {2}")
  @CsvSource({
    "http://legacy:8081, http://legacy:8081/account, https://shop.example.com/account",
    "http://legacy:8081, HTTP://LEGACY:8081/a?b=1, https://shop.example.com/a?b=1",
    "http://legacy:8081, http://legacy:8081, https://shop.example.com",
    "http://legacy:8081, http://legacy:8081?x, https://shop.example.com?x",
    "http://legacy:8081, http://legacy:80812/a, http://legacy:80812/a",
    "http://legacy:8081, http://legacy.evil:8081/a, http://legacy.evil:8081/a",
    "http://legacy:8081, https://legacy:8081/a, https://legacy:8081/a",
    "http://legacy:8081, /relative/path, /relative/path",
    "http://legacy:8081, https://accounts.example.org/login, https://accounts.example.org/login",
    "http://legacy, http://legacy/a, https://shop.example.com/a",
    "http://legacy, http://legacy:80/a, https://shop.example.com/a",
    "https://legacy, https://legacy:443/a, https://shop.example.com/a",
  })
  void rewritesOnlyTheMonolithsOwnOrigin(String monolith, String location, String expected) {
    LocationRewriter rewriter = new LocationRewriter(URI.create(monolith));

    assertThat(rewriter.rewrite(location, "https://shop.example.com")).isEqualTo(expected);
  }
}
