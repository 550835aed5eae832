package dev.strangler.functions.shop.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.functions.shop.http.ApiProblem.FieldProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestBodyValidatorTest {

  record Basket(
      @NotNull(message = "must not be null") String owner,
      @NotEmpty(message = "must not be empty")
          List<@Valid @NotNull(message = "must not be null") Line> lines) {}

  record Line(@Min(value = 1, message = "must be at least 1") int quantity) {}

  @Test
  void acceptsAValidBody() {
    assertThat(RequestBodyValidator.problems(new Basket("ada", List.of(new Line(1))))).isEmpty();
  }

  @Test
  void namesListElementsAndTheirPropertiesAsSpringDoes() {
    Basket basket = new Basket("ada", Arrays.asList(new Line(0), null));

    assertThat(RequestBodyValidator.problems(basket))
        .containsExactly(
            new FieldProblem("lines[0].quantity", "must be at least 1"),
            new FieldProblem("lines[1]", "must not be null"));
  }

  @Test
  void sortsByFieldTextThenMessage() {
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      lines.add(new Line(0));
    }

    assertThat(RequestBodyValidator.problems(new Basket(null, lines)))
        .extracting(FieldProblem::field)
        .startsWith("lines[0].quantity", "lines[10].quantity", "lines[1].quantity")
        .endsWith("lines[9].quantity", "owner");
  }
}
