package dev.strangler.rules.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathPatternsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/**",
        "/api",
        "/api/products/",
        "/api/products/{id}",
        "/api/{tenant}/orders/{order_id}",
        "/api/admin/**",
        "/api/{id}/**",
        "/files/report.v2.json",
        "/a/%20b/%C3%A9",
        "/users/me@example.com",
        "/a/b-c_d~e!f$g&h'i(j)k+l,m=n:o",
        "/..a/a../...",
      })
  void acceptsWellFormedPatterns(String pattern) {
    assertThat(PathPatterns.problem(pattern)).isEmpty();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "api/products       | must start with '/'",
        "/api?x=1           | must not contain '?' or '#' (rules match paths, not queries)",
        "/api#top           | must not contain '?' or '#' (rules match paths, not queries)",
        "//api              | must not contain empty segments ('//')",
        "/api//products     | must not contain empty segments ('//')",
        "/api/**/x          | may use '/**' only at the end",
        "/api/*             | may use '*' only in a final '/**'",
        "/api/a**           | may use '*' only in a final '/**'",
        "/api/{id}.json     | must use '{name}' only as a whole segment",
        "/api/x{id}         | must use '{name}' only as a whole segment",
        "/api/{}            | has an invalid variable {} (a name is letters, digits and '_', not"
            + " starting with a digit)",
        "/api/{1d}          | has an invalid variable {1d} (a name is letters, digits and '_', not"
            + " starting with a digit)",
        "/api/{a-b}         | has an invalid variable {a-b} (a name is letters, digits and '_', not"
            + " starting with a digit)",
        "/a/{id}/b/{id}     | uses the variable {id} twice",
        "/a/./b             | must not contain '.' or '..' segments",
        "/a/../b            | must not contain '.' or '..' segments",
        "/a/%2e%2E          | must not contain '.' or '..' segments",
        "/a/..              | must not contain '.' or '..' segments",
        "/a%2Fb             | must not contain an encoded '/' (%2F)",
        "/a%2fb             | must not contain an encoded '/' (%2f)",
        "/a%zz              | has an invalid percent-encoding '%zz'",
        "/a%4               | has an invalid percent-encoding '%4'",
        "/a;v=1             | must not contain ';' (matrix parameters are ignored when matching)",
        "/a b               | contains ' ', which must be percent-encoded",
        "/a\"b              | contains '\"', which must be percent-encoded",
        "/a[0]              | contains '[', which must be percent-encoded",
        "/caf\u00e9         | contains '\u00e9', which must be percent-encoded",
        "/a\\b              | contains '\\', which must be percent-encoded",
      })
  void explainsMalformedPatterns(String pattern, String problem) {
    assertThat(PathPatterns.problem(pattern)).contains(problem);
  }

  @ParameterizedTest
  @CsvSource({
    "/a/{id}, /a/{x}, true",
    "/a/{id}/b, /a/{x}/b, true",
    "/a/{id}, /a/id, false",
    "/a/**, /a/{x}, false",
  })
  void patternsThatDifferOnlyInVariableNamesHaveOneShape(
      String first, String second, boolean same) {
    assertThat(PathPatterns.shape(first).equals(PathPatterns.shape(second))).isEqualTo(same);
  }
}
