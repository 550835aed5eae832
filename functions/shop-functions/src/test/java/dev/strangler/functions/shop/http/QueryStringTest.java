package dev.strangler.functions.shop.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryStringTest {

  @Test
  void decodesPlusAsSpaceAndPercentEscapesAsUtf8() {
    QueryString query = QueryString.parse("category=b%C3%B6oks+%26+more&size=%2B2");

    assertThat(query.values("category")).containsExactly("böoks & more");
    assertThat(query.values("size")).containsExactly("+2");
  }

  @Test
  void keepsRepeatedValuesInOrderAndGivesKeysWithoutEqualsAnEmptyValue() {
    QueryString query = QueryString.parse("size=1&&size=2&flag&size=");

    assertThat(query.values("size")).containsExactly("1", "2", "");
    assertThat(query.values("flag")).containsExactly("");
    assertThat(query.values("Size")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"size=%zz", "size=%2", "size=%C3", "=1", "a=1&=", "%G1=x"})
  void rejectsWhatTomcatRejects(String raw) {
    assertThatThrownBy(() -> QueryString.parse(raw))
        .isInstanceOfSatisfying(
            ApiProblem.class, problem -> assertThat(problem.status()).isEqualTo(400));
  }

  @Test
  void takesApiGatewaysDecodedMapWhenThereIsNoRawQuery() {
    QueryString query = QueryString.ofDecoded(Map.of("size", "1,2"));

    assertThat(query.values("size")).containsExactly("1,2");
    assertThat(QueryString.parse(null).values("size")).isEmpty();
  }
}
