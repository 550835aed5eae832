package dev.strangler.functions.runtime.invoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FunctionReferenceTest {

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "orders, -, orders, -",
        "orders, live, orders, live",
        "orders:live, -, orders, live",
        "orders:$LATEST, $LATEST, orders, $LATEST",
        "123456789012:function:orders, 1, orders, 1",
        "arn:aws:lambda:us-east-1:123456789012:function:orders, -, orders, -",
        "arn:aws:lambda:eu-west-1:123456789012:function:orders:7, -, orders, 7",
      })
  void acceptsEveryFormOfFunctionNameThatLambdaAccepts(
      String function, String qualifier, String name, String expectedQualifier) {
    FunctionReference.Result result = FunctionReference.parse(function, qualifier);

    assertThat(result.reference())
        .isEqualTo(new FunctionReference(name, Optional.ofNullable(expectedQualifier)));
  }

  @Test
  void rejectsAQualifierThatContradictsTheOneInTheName() {
    FunctionReference.Result result = FunctionReference.parse("orders:live", "1");

    assertThat(result.isValid()).isFalse();
    assertThat(result.problem().errorType()).isEqualTo("InvalidParameterValueException");
  }

  @Test
  void rejectsANameThatIsNoFunctionName() {
    FunctionReference.Result result = FunctionReference.parse("orders/../admin", null);

    assertThat(result.problem().errorType()).isEqualTo("ValidationException");
    assertThat(result.problem().message())
        .startsWith("1 validation error detected: Value 'orders/../admin'");
  }
}
