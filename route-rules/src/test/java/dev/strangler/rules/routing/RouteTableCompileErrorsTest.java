package dev.strangler.rules.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.strangler.rules.model.RuleError;
import dev.strangler.rules.model.RuleSetException;
import dev.strangler.rules.model.SourcePosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTableCompileErrorsTest {

  @ParameterizedTest(name = "{0} {1} [{2}] and {3} {4} [{5}]: ambiguous {6}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # same shape, overlapping methods, same headers
          GET      | /a/{id}  | -          | GET      | /a/{key} | -       | true
          -        | /a/{id}  | -          | POST     | /a/{id}  | -       | true
          GET,POST | /a       | -          | POST,PUT | /a       | -       | true
          GET      | /a/**    | -          | GET      | /a/**    | -       | true
          GET      | /%7Ea    | -          | GET      | /~a      | -       | true
          GET      | /a/{x}   | x=1        | GET      | /a/{y}   | x=1     | true
          # headers that neither contradict nor extend each other
          GET      | /a/{x}   | x=1        | GET      | /a/{y}   | y=1     | true
          GET      | /a/{x}   | x=1;y=2    | GET      | /a/{y}   | x=1;z=3 | true
          # different methods
          GET      | /a/{id}  | -          | POST     | /a/{key} | -       | false
          # contradictory headers
          GET      | /a/{x}   | x=1        | GET      | /a/{y}   | x=2     | false
          # one header set strictly extends the other
          GET      | /a/{x}   | x=1;y=2    | GET      | /a/{y}   | x=1     | false
          GET      | /a/{x}   | -          | GET      | /a/{y}   | x=1     | false
          # different shapes
          GET      | /a       | -          | GET      | /a/      | -       | false
          GET      | /a/**    | -          | GET      | /a/{x}   | -       | false
          GET      | /a/b     | -          | GET      | /a/{b}   | -       | false
          GET      | /a/{x}/b | -          | GET      | /a/b/{x} | -       | false
          GET      | /a       | -          | GET      | /A       | -       | false
          """)
  void refusesTwoRulesThatClaimTheSameRequestWithEqualSpecificity(
      String firstMethods,
      String firstPath,
      String firstHeaders,
      String secondMethods,
      String secondPath,
      String secondHeaders,
      boolean ambiguous) {
    TestRules rules =
        TestRules.rules()
            .add("first", firstMethods, firstPath, firstHeaders)
            .add("second", secondMethods, secondPath, secondHeaders);

    if (ambiguous) {
      assertThatThrownBy(rules::compile)
          .isInstanceOfSatisfying(
              RuleSetException.class,
              e ->
                  assertThat(e.errors())
                      .singleElement()
                      .satisfies(
                          error -> {
                            assertThat(error.ruleId()).isEqualTo("second");
                            assertThat(error.message())
                                .contains("is also claimed by rule 'first'")
                                .contains("(routes.yaml:10:5) with the same specificity");
                          }));
    } else {
      assertThat(rules.compile().rules().routes()).hasSize(2);
    }
  }

  @Test
  void namesBothRulesAndPointsAtTheSecond() {
    RuleSetException e =
        catchThrowableOfType(
            RuleSetException.class,
            () ->
                TestRules.rules()
                    .add("other", "GET", "/api/products/{id}", "")
                    .add("mine", "", "/api/products/{id}", "")
                    .compile());

    assertThat(e.errors())
        .containsExactly(
            new RuleError(
                "path '/api/products/{id}' is also claimed by rule 'other' (routes.yaml:10:5) with"
                    + " the same specificity; make one more specific or merge them",
                "mine",
                new SourcePosition("routes.yaml", 20, 5)));
    assertThat(e.getMessage())
        .isEqualTo(
            "path '/api/products/{id}' is also claimed by rule 'other' (routes.yaml:10:5) with the"
                + " same specificity; make one more specific or merge them (rule 'mine',"
                + " routes.yaml:20:5)");
  }

  @Test
  void quotesTheOtherPatternWhenItIsWrittenDifferently() {
    RuleSetException e =
        catchThrowableOfType(
            RuleSetException.class,
            () ->
                TestRules.rules()
                    .add("other", "GET", "/api/{id}", "")
                    .add("mine", "GET", "/api/{productId}", "")
                    .compile());

    assertThat(e.errors().get(0).message())
        .startsWith(
            "path '/api/{productId}' is also claimed by rule 'other' as '/api/{id}'"
                + " (routes.yaml:10:5)");
  }

  @Test
  void listsEveryProblemInFileOrder() {
    RuleSetException e =
        catchThrowableOfType(
            RuleSetException.class,
            () ->
                TestRules.rules()
                    .add("a", "GET", "/x", "")
                    .add("b", "GET", "/x", "")
                    .add("c", "GET", "/y/*", "")
                    .add("d", "GET", "/x /z", "")
                    .compile());

    assertThat(e.errors()).extracting(RuleError::ruleId).containsExactly("b", "c", "d", "d");
    assertThat(e.getMessage()).startsWith("4 problems in the rules:");
  }

  @ParameterizedTest(name = "one rule listing {0} is refused: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          /a/{x} /a/{y}      | paths '/a/{x}' and '/a/{y}' match the same requests; list one of them
          /a /a              | path '/a' is listed twice
          /a/** /%61/**      | paths '/a/**' and '/%61/**' match the same requests
          """)
  void refusesOneRuleListingTwoPathsOfTheSameShape(String paths, String message) {
    assertThatThrownBy(() -> TestRules.rules().add("r", "GET", paths, "").compile())
        .isInstanceOf(RuleSetException.class)
        .hasMessageContaining(message)
        .hasMessageEndingWith("(rule 'r', routes.yaml:10:5)");
  }

  @ParameterizedTest(name = "pattern {0} is refused: {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          api/products      | must start with '/'
          /a//b             | has an empty segment ('//')
          /a/*              | uses '*'; use '{name}' for one segment or a final '/**' for the rest
          /a/**/b           | uses '*'
          /a*               | uses '*'
          /{id              | must be a whole-segment variable like '{id}'
          /a{id}            | must be a whole-segment variable like '{id}'
          /{}               | must be a whole-segment variable like '{id}'
          /{id:[0-9]+}      | must be a name of letters, digits and '_', not starting with a digit
          /{1st}            | must be a name of letters, digits and '_', not starting with a digit
          /{a}/{a}          | uses variable '{a}' twice
          /a;v=1            | has matrix parameters (';'), which matching ignores
          /a/../b           | has a dot segment '..'
          /a/./b            | has a dot segment '.'
          /a/%2e%2e         | has a dot segment '%2e%2e'
          /a%2Fb            | has encoded '/' (%2F) in the path
          /a%zz             | has invalid percent-encoding '%zz'
          /a^b              | has character '^' in the path; it must be percent-encoded
          """)
  void refusesPatternsItCannotIndex(String pattern, String reason) {
    assertThatThrownBy(() -> TestRules.rules().add("r", "GET", pattern, "").compile())
        .isInstanceOf(RuleSetException.class)
        .hasMessageStartingWith("path '" + pattern + "' ")
        .hasMessageContaining(reason);
  }

  @Test
  void refusesARuleIdUsedTwice() {
    assertThatThrownBy(
            () -> TestRules.rules().add("r", "GET", "/a", "").add("r", "GET", "/b", "").compile())
        .hasMessage(
            "id 'r' is already used by the rule at routes.yaml:10:5 (rule 'r', routes.yaml:20:5)");
  }
}
