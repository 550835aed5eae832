package dev.strangler.functions.shop.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestParametersTest {

  private static int size(String rawQuery) {
    return RequestParameters.intParameter(QueryString.parse(rawQuery), "size", 20);
  }

  @ParameterizedTest
  @CsvSource({
    "'', 20",
    "size=, 20",
    "size, 20",
    "size=7, 7",
    "size=007, 7",
    "size=%2B7, 7",
    "size=+7+, 7",
    "size=1%200, 10",
    "size=0x10, 16",
    "size=%2310, 16",
    "size=-0x1, -1",
    "size=%E2%80%837, 7",
    "size=5&size=abc, 5",
  })
  void convertsIntegersAsSpringDoes(String rawQuery, int expected) {
    assertThat(size(rawQuery)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"size=abc", "size=1.5", "size=%20", "size=0x", "size=%2B0x2", "size=99999999999"})
  void reportsTheValueThatDidNotConvert(String rawQuery) {
    String value = QueryString.parse(rawQuery).values("size").get(0);

    assertThatThrownBy(() -> size(rawQuery))
        .isInstanceOfSatisfying(
            ApiProblem.class,
            problem ->
                assertThat(problem.body("/x").detail())
                    .isEqualTo("Failed to convert 'size' with value: '" + value + "'"));
  }

  @Test
  void reportsTheWholeArrayWhenTheFirstOfSeveralValuesFails() {
    assertThatThrownBy(() -> size("size=&size=1"))
        .isInstanceOfSatisfying(
            ApiProblem.class,
            problem ->
                assertThat(problem.body("/x").detail())
                    .startsWith("Failed to convert 'size' with value: '[Ljava.lang.String;@"));
  }

  @Test
  void joinsRepeatedTextValuesWithCommas() {
    assertThat(RequestParameters.stringParameter(QueryString.parse("c=a&c=&c=b"), "c"))
        .contains("a,,b");
    assertThat(RequestParameters.stringParameter(QueryString.parse(""), "c")).isEmpty();
  }

  @Test
  void convertsPathVariablesToLongs() {
    assertThat(RequestParameters.longPathVariable("id", "+9")).isEqualTo(9);
    assertThat(RequestParameters.longPathVariable("id", "#9")).isEqualTo(9);
    assertThatThrownBy(() -> RequestParameters.longPathVariable("id", "99999999999999999999"))
        .isInstanceOf(ApiProblem.class);
  }
}
