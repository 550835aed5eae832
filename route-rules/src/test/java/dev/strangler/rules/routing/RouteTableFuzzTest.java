package dev.strangler.rules.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.strangler.rules.model.Canary;
import dev.strangler.rules.model.StickyKey;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Decides generated requests, both arbitrary strings and paths built from the tokens that matter to
 * canonicalisation, from fixed seeds so that a failure reproduces.
 */
class RouteTableFuzzTest {

  private static final String[] TOKENS = {
    "/",
    "/",
    "/",
    "a",
    "api",
    "products",
    "42",
    ".",
    "..",
    ";",
    ";x=1",
    "%2e",
    "%2E",
    "%2f",
    "%5C",
    "\\",
    "%",
    "%4",
    "%41",
    "%7e",
    "%c3%a9",
    "%00",
    "%7F",
    "\u0000",
    "\t",
    "\u00e9",
    "\uD83D",
    "~",
    "-",
    "_",
    "*",
    "{id}",
    "?",
    "#",
    " ",
    "%25",
    "//",
    "/..",
    "/.",
    "..;",
  };

  private final RouteTable table =
      TestRules.rules()
          .add("exact", "GET", "/api/products", "")
          .add("by-id", "GET", "/api/products/{id}", "")
          .add("beta", "GET", "/api/products/{id}", "x-beta=1")
          .add("deep", "", "/a/{x}/{y}/{z}/a", "")
          .add("rest", "POST", "/api/**", "")
          .add("sticky", "", "/a/**", "", new Canary(5_000, new StickyKey.Cookie("s")))
          .add("root", "", "/", "")
          .compile();

  @Test
  void decidesArbitraryRequestsWithoutThrowing() {
    SplittableRandom random = new SplittableRandom(20_240_601);
    for (int run = 0; run < 100_000; run++) {
      String path = run % 2 == 0 ? arbitraryText(random, 40) : tokenPath(random);
      String method = random.nextInt(4) == 0 ? arbitraryText(random, 6) : "GET";
      Map<String, String> headers =
          Map.of("x-beta", arbitraryText(random, 3), "cookie", "s=" + arbitraryText(random, 8));
      Backend forced = random.nextInt(10) == 0 ? Backend.values()[random.nextInt(2)] : null;
      RequestKey request =
          new RequestKey(method, path, headers::get, arbitraryText(random, 5), forced);

      assertThatCode(() -> checkInvariants(table.decide(request)))
          .as("path %s, method %s", PathCanonicalizer.quote(path), PathCanonicalizer.quote(method))
          .doesNotThrowAnyException();
    }
  }

  @Test
  void canonicalFormsAreFixedPointsAndFreeOfDotAndEmptySegments() {
    SplittableRandom random = new SplittableRandom(99);
    int accepted = 0;
    for (int run = 0; run < 100_000; run++) {
      String raw = tokenPath(random);
      if (!(PathCanonicalizer.canonicalize(raw) instanceof CanonicalPath path)) {
        continue;
      }
      accepted++;
      assertThat(PathCanonicalizer.canonicalize(path.forwardPath()))
          .as("canonicalising %s twice", raw)
          .isEqualTo(path);
      assertThat(path.matchPath()).doesNotContain(";").doesNotContain("//").startsWith("/");
      assertThat(("/" + path.matchPath() + "/").split("/"))
          .as("segments of %s", raw)
          .doesNotContain(".", "..");
    }
    assertThat(accepted).as("enough accepted paths to mean something").isGreaterThan(10_000);
  }

  private static void checkInvariants(Decision decision) {
    assertThat(decision).isNotNull();
    if (decision instanceof Decision.Rejected rejected) {
      assertThat(rejected.detail()).isNotBlank();
      assertThat(rejected.forwardPath()).isNull();
    } else if (decision instanceof Decision.ToLambda lambda) {
      assertThat(lambda.bucket()).isBetween(-1, 9_999);
      assertThat(lambda.rule().match().paths()).contains(lambda.pattern());
      assertThat(PathCanonicalizer.canonicalize(lambda.forwardPath()))
          .isInstanceOf(CanonicalPath.class);
    } else {
      Decision.ToMonolith monolith = (Decision.ToMonolith) decision;
      assertThat(monolith.bucket()).isBetween(-1, 9_999);
      assertThat(PathCanonicalizer.canonicalize(monolith.forwardPath()))
          .isInstanceOf(CanonicalPath.class);
    }
  }

  private static String tokenPath(SplittableRandom random) {
    StringBuilder path = new StringBuilder(random.nextInt(8) == 0 ? "" : "/");
    int tokens = random.nextInt(12);
    for (int i = 0; i < tokens; i++) {
      path.append(TOKENS[random.nextInt(TOKENS.length)]);
    }
    return path.toString();
  }

  /** Any UTF-16 text, biased towards ASCII and the characters that delimit paths. */
  private static String arbitraryText(SplittableRandom random, int maxLength) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(maxLength + 1);
    for (int i = 0; i < length; i++) {
      text.append(
          switch (random.nextInt(4)) {
            case 0 -> "/.;%".charAt(random.nextInt(4));
            case 1 -> (char) random.nextInt(0x80);
            case 2 -> (char) random.nextInt(0x10000);
            default -> (char) ('a' + random.nextInt(26));
          });
    }
    return text.toString();
  }
}
