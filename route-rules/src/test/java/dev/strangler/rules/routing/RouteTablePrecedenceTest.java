package dev.strangler.rules.routing;

import static dev.strangler.rules.routing.TestRules.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTablePrecedenceTest {

  /** File order is deliberately the reverse of precedence: it must not matter. */
  private final RouteTable table =
      TestRules.rules()
          .add("everything-beta", "", "/**", "x-beta=1")
          .add("root", "GET", "/", "")
          .add("docs-index", "GET", "/docs/", "")
          .add("users-rest", "", "/users/**", "")
          .add("user-orders", "", "/users/{userId}/orders", "")
          .add("my-orders", "", "/users/me/orders", "")
          .add("api-reads", "GET", "/api/**", "")
          .add("api-writes", "POST,PUT", "/api/**", "")
          .add("product-beta", "GET", "/api/products/{id}", "x-beta=1")
          .add("product-beta-eu", "GET", "/api/products/{id}", "x-beta=1;x-region=eu")
          .add("product", "GET", "/api/products/{id}", "")
          .add("featured", "", "/api/products/featured", "")
          .add("collide-Aa", "GET", "/hash/Aa", "")
          .add("collide-BB", "GET", "/hash/BB", "")
          .compile();

  @ParameterizedTest(name = "{0} {1} [{2}] goes to {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # a literal beats a variable, whatever the method
          GET    | /api/products/featured      |                         | featured
          POST   | /api/products/featured      |                         | featured
          # a variable beats a wildcard
          GET    | /api/products/42            |                         | product
          # more header conditions first
          GET    | /api/products/42            | x-beta=1                | product-beta
          GET    | /api/products/42            | x-beta=1;x-region=eu    | product-beta-eu
          GET    | /api/products/42            | x-beta=1;x-region=us    | product-beta
          GET    | /api/products/42            | x-beta=2                | product
          GET    | /api/products/42            | x-region=eu             | product
          # method filtering backtracks to less specific patterns
          POST   | /api/products/42            |                         | api-writes
          PUT    | /api/products/42            |                         | api-writes
          DELETE | /api/products/42            |                         | <monolith>
          DELETE | /api/products/42            | x-beta=1                | everything-beta
          # a wildcard matches zero or more segments
          GET    | /api                        |                         | api-reads
          GET    | /api/                       |                         | api-reads
          GET    | /api/products               |                         | api-reads
          GET    | /api/products/42/reviews/7  |                         | api-reads
          GET    | /api/products/42/           |                         | api-reads
          # deeper literals and variables beat a shallower wildcard
          GET    | /users/me/orders            |                         | my-orders
          GET    | /users/7/orders             |                         | user-orders
          GET    | /users/7/orders/1           |                         | users-rest
          GET    | /users/7                    |                         | users-rest
          GET    | /users                      |                         | users-rest
          # trailing slash and case are significant
          GET    | /docs/                      |                         | docs-index
          GET    | /docs                       |                         | <monolith>
          GET    | /API/products/42            |                         | <monolith>
          GET    | /                           |                         | root
          POST   | /                           |                         | <monolith>
          GET    | /other                      | x-beta=1                | everything-beta
          # matching happens on the canonical path
          GET    | /public/..;/api/products/42 |                         | product
          GET    | /api;v=1/products/42        |                         | product
          GET    | //api/./products/%34%32     |                         | product
          GET    | /users/me/orders/.          |                         | users-rest
          # segments with equal hash codes
          GET    | /hash/Aa                    |                         | collide-Aa
          GET    | /hash/BB                    |                         | collide-BB
          GET    | /hash/AaBB                  |                         | <monolith>
          """)
  void picksTheMostSpecificRuleWhoseConditionsHold(
      String method, String path, String headers, String expected) {
    Decision decision = table.decide(request(method, path, headers));

    assertThat(ruleOf(decision)).isEqualTo(expected);
  }

  @Test
  void reportsThePatternAsWrittenAndDecodedPathParameters() {
    RouteTable table =
        TestRules.rules()
            .add("review", "GET", "/shops/{shop}/items/{item}/reviews/{review}", "")
            .add("item", "GET", "/items/{name}/**", "")
            .compile();

    Decision.ToLambda three =
        (Decision.ToLambda) table.decide(request("GET", "/shops/caf%C3%A9/items/a%20b/reviews/7"));
    Decision.ToLambda rest =
        (Decision.ToLambda) table.decide(request("GET", "/items/x%2By;v=1/more/stuff"));

    assertThat(three.pattern()).isEqualTo("/shops/{shop}/items/{item}/reviews/{review}");
    assertThat(three.pathParameters())
        .isEqualTo(Map.of("shop", "café", "item", "a b", "review", "7"));
    assertThat(three.forwardPath()).isEqualTo("/shops/caf%C3%A9/items/a%20b/reviews/7");
    assertThat(rest.pathParameters()).isEqualTo(Map.of("name", "x+y"));
    assertThat(rest.forwardPath()).isEqualTo("/items/x%2By;v=1/more/stuff");
  }

  @Test
  void matchesPatternLiteralsInCanonicalForm() {
    RouteTable table =
        TestRules.rules()
            .add("home", "GET", "/%7Euser/caf\u00e9", "")
            .add("encoded", "GET", "/a%3bb", "")
            .compile();

    assertThat(ruleOf(table.decide(request("GET", "/~user/caf%c3%a9")))).isEqualTo("home");
    assertThat(ruleOf(table.decide(request("GET", "/%7euser/caf%C3%A9")))).isEqualTo("home");
    assertThat(ruleOf(table.decide(request("GET", "/a%3Bb")))).isEqualTo("encoded");
    assertThat(ruleOf(table.decide(request("GET", "/a;b")))).isEqualTo("<monolith>");
  }

  @Test
  void sendsUnmatchedRequestsToTheMonolithWithTheCanonicalPath() {
    Decision decision = table.decide(request("GET", "/static//app.js;v=3"));

    assertThat(decision)
        .isEqualTo(
            new Decision.ToMonolith(null, "/static/app.js;v=3", -1, Decision.Reason.NO_MATCH));
  }

  @Test
  void rejectsPathsThatCannotBeReadOneWay() {
    assertThat(table.decide(request("GET", "/api/products%2F42")))
        .isEqualTo(new Decision.Rejected("encoded '/' (%2F) in the path"));
    assertThat(table.decide(request("GET", "/public/%2e%2e/api")).forwardPath()).isNull();
  }

  @Test
  void answersEverythingWithTheMonolithWhenThereAreNoRules() {
    RouteTable empty = RouteTable.compile(dev.strangler.rules.model.RuleSet.empty("routes.yaml"));

    assertThat(empty.decide(request("GET", "/api/products/1")))
        .isEqualTo(new Decision.ToMonolith(null, "/api/products/1", -1, Decision.Reason.NO_MATCH));
  }

  static String ruleOf(Decision decision) {
    if (decision instanceof Decision.ToLambda lambda) {
      return lambda.rule().id();
    }
    if (decision instanceof Decision.ToMonolith monolith && monolith.rule() != null) {
      return "monolith via " + monolith.rule().id();
    }
    if (decision instanceof Decision.Rejected rejected) {
      return "rejected: " + rejected.detail();
    }
    return "<monolith>";
  }
}
