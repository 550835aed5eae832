package dev.strangler.rules.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.strangler.rules.model.RuleError;
import dev.strangler.rules.model.RuleSetException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of error, with its full message and position. Most cases change one line of {@link
 * #VALID}, so the positions can be read off it.
 */
class RuleSetLoaderErrorsTest {

  /** Line numbers on the right; the rule starts at 3:5. */
  static final String VALID =
      """
      version: 1
      routes:
        - id: product-reads
          match:
            methods: [GET, HEAD]
            paths: [/api/products, "/api/products/{id}"]
            headers: {X-Tenant: acme}
          lambda:
            function: shop-get-products
            timeout: 3s
          canary:
            percent: 25
            stickyBy: header:X-User-Id
          fallback:
            idempotent: true
            idempotencyKeyHeader: Idempotency-Key
            onStatus: [500, 503]
            maxConcurrent: 20
            circuitBreaker:
              failureRate: 50
              slowCallRate: 100
              slowCall: 2s
              window: 20
              minimumCalls: 10
              openFor: 10s
              halfOpenCalls: 3
      """;

  static final String RULE = " (rule 'product-reads', routes.yaml:";

  /** A valid one-rule file of six lines, for a line 7 to add to rule 'a'. */
  static final String RULE_A =
      "version: 1\nroutes:\n  - id: a\n    match: {paths: [/a]}\n    lambda: {function: f}\n"
          + "    canary: {percent: 1}\n";

  @ParameterizedTest(name = "line {0}: {1}")
  @MethodSource
  void reportsRuleErrorsAtTheBadValue(int line, String replacement, List<String> expected) {
    assertThat(errors(replacing(line, replacement))).containsExactlyElementsOf(expected);
  }

  static Stream<Arguments> reportsRuleErrorsAtTheBadValue() {
    return Stream.of(
        // id
        error(
            3,
            "  - id: Product_Reads",
            "id must be 1 to 63 lower-case letters, digits and '-', starting with a letter or"
                + " digit, but was 'Product_Reads' (rule 'Product_Reads', routes.yaml:3:9)"),
        error(
            3,
            "  - id: " + "a".repeat(64),
            "id must be 1 to 63 lower-case letters, digits and '-', starting with a letter or"
                + " digit, but was '"
                + "a".repeat(64)
                + "' (rule '"
                + "a".repeat(64)
                + "', routes.yaml:3:9)"),
        // match
        error(
            5,
            "      methods: [GET, FETCH]",
            "match.methods[1] must be one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, but was"
                + " 'FETCH'"
                + RULE
                + "5:22)"),
        error(
            5,
            "      methods: [GET, get]",
            "match.methods[1] repeats GET, already given at match.methods[0]" + RULE + "5:22)"),
        error(
            5,
            "      methods: []",
            "match.methods must not be empty; leave it out to match any method" + RULE + "5:16)"),
        error(
            5,
            "      methods: GET",
            "match.methods must be a list, but was 'GET'" + RULE + "5:16)"),
        error(
            5,
            "      methods: [[GET]]",
            "match.methods[0] must be a string, but was a list" + RULE + "5:17)"),
        error(6, "      # no paths", "match.paths is required" + RULE + "4:5)"),
        error(6, "      paths: []", "match.paths must not be empty" + RULE + "6:14)"),
        error(6, "      paths:", "match.paths must not be empty" + RULE + "6:7)"),
        error(
            6,
            "      paths: [/api/products, /api//products]",
            "match.paths[1] must not contain empty segments ('//'), but was '/api//products'"
                + RULE
                + "6:30)"),
        error(
            6,
            "      paths: [api/products]",
            "match.paths[0] must start with '/', but was 'api/products'" + RULE + "6:15)"),
        error(
            6,
            "      paths: [/api/products, /api/products]",
            "match.paths[1] repeats '/api/products', already given at match.paths[0]"
                + RULE
                + "6:30)"),
        error(
            6,
            "      paths: [\"/a/{id}\", \"/a/{x}\"]",
            "match.paths[1] matches the same paths as match.paths[0] '/a/{id}', but was '/a/{x}'"
                + RULE
                + "6:26)"),
        error(
            7,
            "      headers: {X Tenant: acme}",
            "match.headers must use HTTP header names (letters, digits and !#$%&'*+-.^_`|~), but"
                + " was 'X Tenant'"
                + RULE
                + "7:17)"),
        error(
            7,
            "      headers: {X-Tenant: acme, x-tenant: acme}",
            "match.headers.x-tenant is given twice (header names are case-insensitive), first at"
                + " routes.yaml:7:17"
                + RULE
                + "7:33)"),
        error(
            7,
            "      headers: {X-Tenant: \"\"}",
            "match.headers.X-Tenant must not be empty" + RULE + "7:17)"),
        error(
            7,
            "      headers: [X-Tenant]",
            "match.headers must be a mapping, but was a list" + RULE + "7:16)"),
        // lambda
        error(
            9,
            "      function: shop get",
            "lambda.function must be a function name (up to 64 letters, digits, '-' and '_'),"
                + " name:alias, 123456789012:function:name or a full Lambda ARN, but was 'shop get'"
                + RULE
                + "9:17)"),
        error(
            9,
            "      function: 12345:function:shop",
            "lambda.function must be a function name (up to 64 letters, digits, '-' and '_'),"
                + " name:alias, 123456789012:function:name or a full Lambda ARN, but was"
                + " '12345:function:shop'"
                + RULE
                + "9:17)"),
        error(
            9,
            "      function: " + "f".repeat(141),
            "lambda.function must be at most 140 characters, but was 141 characters long"
                + RULE
                + "9:17)"),
        error(9, "      qualifier: live", "lambda.function is required" + RULE + "8:5)"),
        error(9, "      function:", "lambda.function must not be empty" + RULE + "9:7)"),
        error(
            9,
            "      function: shop-get-products:beta\n      qualifier: live",
            "lambda.qualifier must match the qualifier in lambda.function ('beta'), but was"
                + " 'live'"
                + RULE
                + "10:18)"),
        error(
            9,
            "      function: shop-get-products\n      qualifier: \"007\"",
            "lambda.qualifier must be $LATEST, a version number or an alias (up to 128 letters,"
                + " digits, '-' and '_', not only digits), but was 007"
                + RULE
                + "10:18)"),
        error(
            10,
            "      payloadFormat: \"3.0\"",
            "lambda.payloadFormat must be \"1.0\" or \"2.0\", but was 3.0" + RULE + "10:22)"),
        error(
            10,
            "      payloadFormat: v2",
            "lambda.payloadFormat must be \"1.0\" or \"2.0\", but was 'v2'" + RULE + "10:22)"),
        error(
            10,
            "      timeout: 3",
            "lambda.timeout must be a duration such as 250ms, 3s or 1m, but was 3"
                + RULE
                + "10:16)"),
        error(
            10,
            "      timeout: 3 s",
            "lambda.timeout must be a duration such as 250ms, 3s or 1m, but was '3 s'"
                + RULE
                + "10:16)"),
        error(
            10,
            "      timeout: 0ms",
            "lambda.timeout must be between 1ms and 900s, but was 0ms" + RULE + "10:16)"),
        error(
            10,
            "      timeout: 16m",
            "lambda.timeout must be between 1ms and 900s, but was 16m" + RULE + "10:16)"),
        // canary
        error(
            12,
            "      percent: 120",
            "canary.percent must be between 0 and 100, but was 120" + RULE + "12:16)"),
        error(
            12,
            "      percent: -1",
            "canary.percent must be between 0 and 100, but was -1" + RULE + "12:16)"),
        error(
            12,
            "      percent: 12.345",
            "canary.percent must have at most two decimals, but was 12.345" + RULE + "12:16)"),
        error(
            12,
            "      percent: 25%",
            "canary.percent must be a number between 0 and 100 with at most two decimals, but was"
                + " '25%'"
                + RULE
                + "12:16)"),
        error(
            12,
            "      percent: [25]",
            "canary.percent must be a number, but was a list" + RULE + "12:16)"),
        error(12, "      # no percent", "canary.percent is required" + RULE + "11:5)"),
        error(
            12,
            "      percnt: 25",
            "canary.percent is required" + RULE + "11:5)",
            "canary.percnt is not a known key, did you mean 'percent'? Allowed keys in canary:"
                + " percent, stickyBy"
                + RULE
                + "12:7)"),
        error(
            12,
            "      percent: 25\n      weight: 25",
            "canary.weight is not a known key; allowed keys in canary: percent, stickyBy"
                + RULE
                + "13:7)"),
        error(
            12,
            "      percent: 25\n      percent: 30",
            "canary.percent is given twice, first at routes.yaml:12:7" + RULE + "13:7)"),
        error(
            13,
            "      stickyBy: user",
            "canary.stickyBy must be header:NAME, cookie:NAME, client-ip or none, but was 'user'"
                + RULE
                + "13:17)"),
        error(
            13,
            "      stickyBy: \"header:X User\"",
            "canary.stickyBy must name a valid header, like header:X-User-Id, but was 'header:X"
                + " User'"
                + RULE
                + "13:17)"),
        error(
            13,
            "      stickyBy: \"cookie:\"",
            "canary.stickyBy must name a valid cookie, like cookie:session, but was 'cookie:'"
                + RULE
                + "13:17)"),
        error(
            11,
            "    canry:",
            "canary is required" + RULE + "3:5)",
            "canry is not a known key, did you mean 'canary'? Allowed keys in a rule: id, match,"
                + " lambda, canary, fallback"
                + RULE
                + "11:5)"),
        // fallback
        error(
            15,
            "      idempotent: yes",
            "fallback.idempotent must be true or false, but was 'yes'" + RULE + "15:19)"),
        error(
            15,
            "      idempotent: [true]",
            "fallback.idempotent must be true or false, but was a list" + RULE + "15:19)"),
        error(
            15,
            "      idempotnt: true",
            "fallback.idempotnt is not a known key, did you mean 'idempotent'? Allowed keys in"
                + " fallback: idempotent, idempotencyKeyHeader, onStatus, maxConcurrent,"
                + " circuitBreaker, throttleRetry"
                + RULE
                + "15:7)"),
        error(
            16,
            "      idempotencyKeyHeader: Idempotency Key",
            "fallback.idempotencyKeyHeader must be an HTTP header name (letters, digits and"
                + " !#$%&'*+-.^_`|~), but was 'Idempotency Key'"
                + RULE
                + "16:29)"),
        error(
            16,
            "      idempotencyKeyHeader:",
            "fallback.idempotencyKeyHeader must not be empty" + RULE + "16:7)"),
        error(
            17,
            "      onStatus: [500, 404]",
            "fallback.onStatus[1] must be a server error status from 500 to 599, but was 404"
                + RULE
                + "17:23)"),
        error(
            17,
            "      onStatus: [x500]",
            "fallback.onStatus[0] must be a server error status from 500 to 599, but was 'x500'"
                + RULE
                + "17:18)"),
        error(
            17,
            "      onStatus: [503, 503]",
            "fallback.onStatus[1] repeats 503, already given at fallback.onStatus[0]"
                + RULE
                + "17:23)"),
        error(
            17,
            "      onStatus: 503",
            "fallback.onStatus must be a list, but was 503" + RULE + "17:17)"),
        error(
            18,
            "      maxConcurrent: 0",
            "fallback.maxConcurrent must be between 1 and 10000, but was 0" + RULE + "18:22)"),
        error(
            18,
            "      maxConcurrent: 99999999999",
            "fallback.maxConcurrent must be between 1 and 10000, but was 99999999999"
                + RULE
                + "18:22)"),
        error(
            18,
            "      maxConcurrent: 2.5",
            "fallback.maxConcurrent must be an integer between 1 and 10000, but was 2.5"
                + RULE
                + "18:22)"),
        error(
            20,
            "        failureRate: 0",
            "fallback.circuitBreaker.failureRate must be between 1 and 100, but was 0"
                + RULE
                + "20:22)"),
        error(
            20,
            "        failurRate: 50",
            "fallback.circuitBreaker.failurRate is not a known key, did you mean 'failureRate'?"
                + " Allowed keys in fallback.circuitBreaker: failureRate, slowCallRate, slowCall,"
                + " window, minimumCalls, openFor, halfOpenCalls"
                + RULE
                + "20:9)"),
        error(
            21,
            "        slowCallRate: 101",
            "fallback.circuitBreaker.slowCallRate must be between 1 and 100, but was 101"
                + RULE
                + "21:23)"),
        error(
            22,
            "        slowCall: 2",
            "fallback.circuitBreaker.slowCall must be a duration such as 250ms, 3s or 1m, but"
                + " was 2"
                + RULE
                + "22:19)"),
        error(
            22,
            "        slowCall: 16m",
            "fallback.circuitBreaker.slowCall must be between 1ms and 900s, but was 16m"
                + RULE
                + "22:19)"),
        error(
            23,
            "        window: 1001",
            "fallback.circuitBreaker.window must be between 1 and 1000, but was 1001"
                + RULE
                + "23:17)"),
        error(
            23,
            "        window: 5",
            "fallback.circuitBreaker.minimumCalls must be at most window (5), but was 10"
                + RULE
                + "24:23)"),
        error(
            24,
            "        minimumCalls: 30",
            "fallback.circuitBreaker.minimumCalls must be at most window (20), but was 30"
                + RULE
                + "24:23)"),
        error(
            24,
            "        minimumCalls: 0",
            "fallback.circuitBreaker.minimumCalls must be between 1 and 1000, but was 0"
                + RULE
                + "24:23)"),
        error(
            25,
            "        openFor: 500ms",
            "fallback.circuitBreaker.openFor must be between 1s and 60m, but was 500ms"
                + RULE
                + "25:18)"),
        error(
            25,
            "        openFor: 2h",
            "fallback.circuitBreaker.openFor must be a duration such as 250ms, 3s or 1m, but was"
                + " 2h"
                + RULE
                + "25:18)"),
        error(
            26,
            "        halfOpenCalls: 0",
            "fallback.circuitBreaker.halfOpenCalls must be between 1 and 100, but was 0"
                + RULE
                + "26:24)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void reportsFileErrorsWithAbsoluteFieldPaths(String yaml, List<String> expected) {
    assertThat(errors(yaml)).containsExactlyElementsOf(expected);
  }

  static Stream<Arguments> reportsFileErrorsWithAbsoluteFieldPaths() {
    return Stream.of(
        file(replacing(1, "version: 2"), "version must be 1, but was 2 (routes.yaml:1:10)"),
        file(replacing(1, "version: [1]"), "version must be 1, but was a list (routes.yaml:1:10)"),
        file(replacing(1, "# version: 1"), "version is required (routes.yaml:2:1)"),
        file(
            replacing(1, "version: 1\nrouts: []"),
            "routs is not a known key, did you mean 'routes'? Allowed keys in the file: version,"
                + " defaults, routes (routes.yaml:2:1)"),
        file(
            replacing(1, "version: 1\nowner: shop-team"),
            "owner is not a known key; allowed keys in the file: version, defaults, routes"
                + " (routes.yaml:2:1)"),
        file(
            replacing(1, "version: 1\nversion: 1"),
            "version is given twice, first at routes.yaml:1:1 (routes.yaml:2:1)"),
        file(
            replacing(1, "version: 1\ndefaults:\n  lambda: {timeout: 20m}"),
            "defaults.lambda.timeout must be between 1ms and 900s, but was 20m (routes.yaml:3:21)"),
        file(
            replacing(1, "version: 1\ndefaults:\n  lambda: {payloadFormat: \"3.0\"}"),
            "defaults.lambda.payloadFormat must be \"1.0\" or \"2.0\", but was 3.0"
                + " (routes.yaml:3:27)"),
        file(
            replacing(1, "version: 1\ndefaults:\n  lambda: {function: f}"),
            "defaults.lambda.function is not a known key; allowed keys in defaults.lambda:"
                + " payloadFormat, timeout (routes.yaml:3:12)"),
        file(
            replacing(1, "version: 1\ndefaults:\n  lamda: {}"),
            "defaults.lamda is not a known key, did you mean 'lambda'? Allowed keys in defaults:"
                + " lambda, fallback (routes.yaml:3:3)"),
        file(
            replacing(1, "version: 1\ndefaults: [lambda]"),
            "defaults must be a mapping, but was a list (routes.yaml:2:11)"),
        file("", "the file is empty, but must contain at least 'version: 1' (routes.yaml:1:1)"),
        file(
            "# nothing\n",
            "the file is empty, but must contain at least 'version: 1' (routes.yaml:1:1)"),
        file(
            "- version: 1\n",
            "the file must be a mapping of version, defaults and routes, but was a list"
                + " (routes.yaml:1:1)"),
        file(
            "version: 1\nroutes: {}\n",
            "routes must be a list, but was a mapping (routes.yaml:2:9)"),
        file(
            "version: 1\nroutes:\n  - product-reads\n",
            "routes[0] must be a mapping, but was 'product-reads' (routes.yaml:3:5)"),
        file(
            "version: 1\nroutes:\n  - match: {paths: [/a]}\n    lambda: {function: f}\n"
                + "    canary: {percent: 1}\n",
            "routes[0].id is required (routes.yaml:3:5)"),
        file(
            "version: 1\nroutes:\n  - id: [a]\n    match: {paths: [/a]}\n    lambda: {function: f}\n"
                + "    canary: {percnt: 1}\n",
            "routes[0].id must be a string, but was a list (routes.yaml:3:9)",
            "routes[0].canary.percent is required (routes.yaml:6:5)",
            "routes[0].canary.percnt is not a known key, did you mean 'percent'? Allowed keys in"
                + " routes[0].canary: percent, stickyBy (routes.yaml:6:14)"),
        file(
            VALID + VALID.substring(VALID.indexOf("  - id:")),
            "id 'product-reads' is already used by the rule at routes.yaml:3:5 (rule"
                + " 'product-reads', routes.yaml:27:9)"),
        file(
            "version: 1\nroutes:\n  - id: a\n    lambda:\n    canary: []\n",
            "match is required (rule 'a', routes.yaml:3:5)",
            "lambda must not be empty (rule 'a', routes.yaml:4:5)",
            "canary must be a mapping, but was a list (rule 'a', routes.yaml:5:13)"),
        file(
            "version: 1\nroutes:\n  - id: \"a\\nb\"\n    match: {paths: [/a]}\n"
                + "    lambda: {function: f}\n    canary: {percent: 1}\n",
            "routes[0].id must be 1 to 63 lower-case letters, digits and '-', starting with a"
                + " letter or digit, but was 'a\\nb' (routes.yaml:3:9)"),
        file(
            "version: 1\nroutes:\n  - id: a\n    match: {paths: [\"/a b"
                + "c".repeat(200)
                + "\"]}\n    lambda: {function: f}\n    canary: {percent: 1}\n",
            "match.paths[0] contains ' ', which must be percent-encoded, but was '/a b"
                + "c".repeat(96)
                + "...' (rule 'a', routes.yaml:4:21)"),
        file(
            "version: 1\nroutes:\n  - id: a\n    match: /a\n    lambda: {function: f}\n"
                + "    canary: {percent: 1}\n",
            "match must be a mapping, but was '/a' (rule 'a', routes.yaml:4:12)"),
        file(
            RULE_A + "    fallback: [idempotent]\n",
            "fallback must be a mapping, but was a list (rule 'a', routes.yaml:7:15)"),
        file(RULE_A + "    fallback:\n", "fallback must not be empty (rule 'a', routes.yaml:7:5)"),
        file(
            RULE_A + "    fallback: {circuitBreaker: 3}\n",
            "fallback.circuitBreaker must be a mapping, but was 3 (rule 'a', routes.yaml:7:32)"),
        file(
            RULE_A + "    fallback: {circuitBreaker: {window: 5}}\n",
            "fallback.circuitBreaker.window must be at least minimumCalls (10, inherited), but"
                + " was 5 (rule 'a', routes.yaml:7:41)"),
        file(
            "version: 1\ndefaults:\n  fallback: {circuitBreaker: {minimumCalls: 50, window: 100}}\n"
                + RULE_A.substring("version: 1\n".length())
                + "    fallback: {circuitBreaker: {window: 40}}\n",
            "fallback.circuitBreaker.window must be at least minimumCalls (50, inherited), but"
                + " was 40 (rule 'a', routes.yaml:9:41)"),
        file(
            "version: 1\ndefaults:\n  fallback: {circuitBreaker: {window: 40}}\n"
                + RULE_A.substring("version: 1\n".length())
                + "    fallback: {circuitBreaker: {minimumCalls: 50}}\n",
            "fallback.circuitBreaker.minimumCalls must be at most window (40, inherited), but"
                + " was 50 (rule 'a', routes.yaml:9:47)"),
        file(
            "version: 1\ndefaults:\n  fallback: {maxConcurrent: 0, onStatus: [404]}\n",
            "defaults.fallback.maxConcurrent must be between 1 and 10000, but was 0"
                + " (routes.yaml:3:29)",
            "defaults.fallback.onStatus[0] must be a server error status from 500 to 599, but"
                + " was 404 (routes.yaml:3:43)"),
        file(
            "version: 1\ndefaults:\n  fallback:\n    circuitBreaker: {window: 5, openFor: 2h}\n",
            "defaults.fallback.circuitBreaker.window must be at least minimumCalls (10,"
                + " inherited), but was 5 (routes.yaml:4:30)",
            "defaults.fallback.circuitBreaker.openFor must be a duration such as 250ms, 3s or 1m,"
                + " but was 2h (routes.yaml:4:42)"),
        file(
            "version: 1\ndefaults:\n  fallback: {circuitBreakr: {}}\n",
            "defaults.fallback.circuitBreakr is not a known key, did you mean 'circuitBreaker'?"
                + " Allowed keys in defaults.fallback: idempotent, idempotencyKeyHeader, onStatus,"
                + " maxConcurrent, circuitBreaker, throttleRetry (routes.yaml:3:14)"),
        file(
            RULE_A + "    fallback: {throttleRetry: {attempts: 11, backoff: 20s}}\n",
            "fallback.throttleRetry.attempts must be between 1 and 10, but was 11 (rule 'a',"
                + " routes.yaml:7:42)",
            "fallback.throttleRetry.backoff must be between 1ms and 10s, but was 20s (rule 'a',"
                + " routes.yaml:7:55)"),
        file(
            RULE_A + "    fallback: {throttleRetry: {backoff: 300ms}}\n",
            "fallback.throttleRetry.backoff must be at most maxBackoff (200ms, inherited), but"
                + " was 300ms (rule 'a', routes.yaml:7:41)"),
        file(
            "version: 1\ndefaults:\n  fallback: {throttleRetry: {backoff: 100ms}}\n"
                + RULE_A.substring("version: 1\n".length())
                + "    fallback: {throttleRetry: {maxBackoff: 50ms}}\n",
            "fallback.throttleRetry.maxBackoff must be at least backoff (100ms, inherited), but"
                + " was 50ms (rule 'a', routes.yaml:9:44)"),
        file(
            RULE_A + "    fallback: {throttleRetry: {retry: 2}}\n",
            "fallback.throttleRetry.retry is not a known key; allowed keys in"
                + " fallback.throttleRetry: attempts, backoff, maxBackoff (rule 'a',"
                + " routes.yaml:7:32)"),
        file(
            "version: 1\nroutes:\n  - match: {paths: [/a]}\n    lambda: {function: f}\n"
                + "    canary: {percent: 1}\n    fallback: {idempotent: 1}\n",
            "routes[0].id is required (routes.yaml:3:5)",
            "routes[0].fallback.idempotent must be true or false, but was 1 (routes.yaml:6:28)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void reportsYamlSyntaxErrorsWithTheirPosition(String yaml, String expected) {
    assertThat(errors(yaml)).containsExactly(expected);
  }

  static Stream<Arguments> reportsYamlSyntaxErrorsWithTheirPosition() {
    return Stream.of(
        arguments(
            replacing(4, "\tmatch:"),
            "invalid YAML: a tab cannot be used for indentation, use spaces (routes.yaml:4:1)"),
        arguments(
            replacing(6, "      paths: [/api/products, /api/products/{id}]"),
            "invalid YAML: expected ',' or ']', but got {, while parsing a flow sequence that"
                + " starts at routes.yaml:6:14; inside [ ] or { }, put values that contain { } [ ] ,"
                + " or ? in quotes (routes.yaml:6:44)"),
        arguments(
            "version: 1\nroutes: [\n",
            "invalid YAML: expected the node content, but found '<stream end>', while parsing a"
                + " flow node that starts at routes.yaml:3:1 (routes.yaml:3:1)"),
        arguments(
            "version: 1\n---\nversion: 1\n",
            "invalid YAML: expected a single document in the stream, but found another document"
                + " (routes.yaml:2:1)"),
        arguments(
            "version: 1\nroutes: *rules\n",
            "invalid YAML: found undefined alias rules (routes.yaml:2:9)"),
        arguments(
            "version: 1\n  routes: []\n",
            "invalid YAML: mapping values are not allowed here (routes.yaml:2:9)"));
  }

  /** {@link #VALID} with one line (1-based) replaced by one or more lines. */
  static String replacing(int line, String replacement) {
    List<String> lines = new ArrayList<>(VALID.lines().toList());
    lines.set(line - 1, replacement);
    return String.join("\n", lines) + "\n";
  }

  static List<String> errors(String yaml) {
    RuleSetException failure =
        catchThrowableOfType(
            RuleSetException.class, () -> RuleSetLoader.parse(yaml, "routes.yaml"));
    assertThat(failure).as("loading fails").isNotNull();
    return failure.errors().stream().map(RuleError::toString).toList();
  }

  private static Arguments error(int line, String replacement, String... expected) {
    return arguments(line, replacement, List.of(expected));
  }

  private static Arguments file(String yaml, String... expected) {
    return arguments(yaml, List.of(expected));
  }
}
