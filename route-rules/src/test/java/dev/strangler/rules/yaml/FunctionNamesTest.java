package dev.strangler.rules.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FunctionNamesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "shop get",
        "shop.get",
        ":live",
        "shop:",
        "shop:live:extra",
        "shop:0",
        "shop:007",
        "shop:$latest",
        "12345678901:function:shop",
        "123456789012:func:shop",
        "arn:aws:lambda:us-east-1:123456789012:function:",
        "arn:aws:lambda:useast1:123456789012:function:shop",
        "arn:aws:s3:us-east-1:123456789012:function:shop",
        "arn:aws:lambda:us-east-1:12345678901:function:shop",
      })
  void rejectsWhatTheInvokeApiRejects(String function) {
    assertThat(FunctionNames.isFunction(function)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a",
        "shop-get_products-1",
        "shop:live",
        "shop:12",
        "shop:$LATEST",
        "shop:v2",
        "123456789012:function:shop",
        "arn:aws:lambda:ap-southeast-2:123456789012:function:shop:live",
        "arn:aws-iso-b:lambda:us-isob-east-1:123456789012:function:shop",
      })
  void acceptsEveryFormTheInvokeApiAccepts(String function) {
    assertThat(FunctionNames.isFunction(function)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {64, 65})
  void limitsNamesTo64Characters(int length) {
    assertThat(FunctionNames.isFunction("f".repeat(length))).isEqualTo(length <= 64);
  }

  @ParameterizedTest
  @CsvSource({
    "shop, ''",
    "shop:live, live",
    "shop:7, 7",
    "123456789012:function:shop, ''",
    "123456789012:function:shop:$LATEST, $LATEST",
    "arn:aws:lambda:eu-west-1:123456789012:function:shop, ''",
    "arn:aws:lambda:eu-west-1:123456789012:function:shop:blue, blue",
  })
  void findsTheQualifierAFunctionEndsWith(String function, String qualifier) {
    assertThat(FunctionNames.qualifierOf(function).orElse("")).isEqualTo(qualifier);
  }

  @ParameterizedTest
  @CsvSource({
    "$LATEST, true",
    "1, true",
    "42, true",
    "live, true",
    "blue-green_2, true",
    "v1, true",
    "0, false",
    "01, false",
    "$latest, false",
    "a b, false",
    "a:b, false",
  })
  void acceptsVersionsAndAliasesAsQualifiers(String qualifier, boolean valid) {
    assertThat(FunctionNames.isQualifier(qualifier)).isEqualTo(valid);
  }
}
