package dev.strangler.rules.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuggestionsTest {

  @ParameterizedTest
  @CsvSource({
    "percnt, percent",
    "Percent, percent",
    "percentage, ''",
    "sticky, stickyBy",
    "stickyby, stickyBy",
    "stikyBi, stickyBy",
    "weight, ''",
  })
  void suggestsTheClosestKeyWithinTwoEdits(String typed, String suggestion) {
    assertThat(Suggestions.closest(typed, List.of("percent", "stickyBy")).orElse(""))
        .isEqualTo(suggestion);
  }

  @ParameterizedTest
  @CsvSource({"kitten, sitting, 3", "'', abc, 3", "same, same, 0", "flaw, lawn, 2"})
  void countsInsertionsDeletionsAndSubstitutions(String a, String b, int distance) {
    assertThat(Suggestions.distance(a, b)).isEqualTo(distance);
  }
}
