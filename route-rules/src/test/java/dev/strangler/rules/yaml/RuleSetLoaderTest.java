package dev.strangler.rules.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.strangler.rules.model.Canary;
import dev.strangler.rules.model.Fallback;
import dev.strangler.rules.model.Fallback.CircuitBreaker;
import dev.strangler.rules.model.Fallback.ThrottleRetry;
import dev.strangler.rules.model.LambdaTarget;
import dev.strangler.rules.model.Match;
import dev.strangler.rules.model.PayloadFormat;
import dev.strangler.rules.model.RouteRule;
import dev.strangler.rules.model.RuleError;
import dev.strangler.rules.model.RuleSet;
import dev.strangler.rules.model.RuleSetException;
import dev.strangler.rules.model.SourcePosition;
import dev.strangler.rules.model.StickyKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RuleSetLoaderTest {

  @Test
  void readsAValidFileIntoRecordsWithDefaultsApplied() {
    RuleSet rules =
        RuleSetLoader.parse(
            """
            version: 1
            defaults:
              lambda: { payloadFormat: "1.0", timeout: 5s }
            routes:
              - id: product-reads
                match:
                  methods: [get, Head]
                  paths:
                    - /api/products
                    - /api/products/{id}
                  headers: { X-Tenant: acme }
                lambda:
                  function: shop-get-products
                  qualifier: live
                canary:
                  percent: 12.34
                  stickyBy: header:X-User-Id
              - id: thumbnails
                match:
                  paths: [/api/images/thumbnail]
                lambda:
                  function: arn:aws:lambda:eu-west-1:123456789012:function:shop-thumbnail:7
                  payloadFormat: 2.0
                  timeout: 250ms
                canary:
                  percent: 100
            """,
            "routes.yaml");

    assertThat(rules)
        .isEqualTo(
            new RuleSet(
                1,
                "routes.yaml",
                List.of(
                    new RouteRule(
                        "product-reads",
                        new Match(
                            Set.of("GET", "HEAD"),
                            List.of("/api/products", "/api/products/{id}"),
                            Map.of("x-tenant", "acme")),
                        new LambdaTarget(
                            "shop-get-products", "live", PayloadFormat.V1_0, Duration.ofSeconds(5)),
                        new Canary(1234, new StickyKey.Header("X-User-Id")),
                        Fallback.DEFAULT,
                        new SourcePosition("routes.yaml", 5, 5)),
                    new RouteRule(
                        "thumbnails",
                        new Match(Set.of(), List.of("/api/images/thumbnail"), Map.of()),
                        new LambdaTarget(
                            "arn:aws:lambda:eu-west-1:123456789012:function:shop-thumbnail:7",
                            null,
                            PayloadFormat.V2_0,
                            Duration.ofMillis(250)),
                        new Canary(10_000, new StickyKey.None()),
                        Fallback.DEFAULT,
                        new SourcePosition("routes.yaml", 18, 5)))));
  }

  @ParameterizedTest(name = "defaults ''{0}'', rule ''{1}'' -> {2} {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "                                           |                       | V2_0 | PT3S",
        "{lambda: {payloadFormat: \"1.0\"}}            |                       | V1_0 | PT3S",
        "{lambda: {timeout: 1m}}                     |                       | V2_0 | PT1M",
        "{lambda: {payloadFormat: 1, timeout: 9s}}   | timeout: 900s         | V1_0 | PT15M",
        "{lambda: {payloadFormat: \"1.0\"}}            | payloadFormat: \"2.0\" | V2_0 | PT3S",
        "{}                                          | timeout: 1ms          | V2_0 | PT0.001S",
      })
  void ruleSettingsWinOverFileDefaultsWhichWinOverBuiltInDefaults(
      String defaults, String ruleSetting, PayloadFormat payloadFormat, Duration timeout) {
    String yaml =
        "version: 1\n"
            + (defaults == null ? "" : "defaults: " + defaults + "\n")
            + "routes:\n"
            + "  - id: r\n"
            + "    match: {paths: [/a]}\n"
            + "    lambda:\n"
            + "      function: f\n"
            + (ruleSetting == null ? "" : "      " + ruleSetting + "\n")
            + "    canary: {percent: 1}\n";

    LambdaTarget lambda = RuleSetLoader.parse(yaml, "routes.yaml").routes().get(0).lambda();

    assertThat(lambda.payloadFormat()).isEqualTo(payloadFormat);
    assertThat(lambda.timeout()).isEqualTo(timeout);
  }

  @Test
  void readsEveryFallbackSetting() {
    Fallback fallback =
        fallbackOf(
            null,
            """
            {idempotent: true, idempotencyKeyHeader: Idempotency-Key, onStatus: [503, 500],
             maxConcurrent: 20, circuitBreaker: {failureRate: 40, slowCallRate: 80,
             slowCall: 1500ms, window: 50, minimumCalls: 50, openFor: 1m, halfOpenCalls: 5},
             throttleRetry: {attempts: 5, backoff: 50ms, maxBackoff: 1s}}""");

    assertThat(fallback)
        .isEqualTo(
            new Fallback(
                true,
                "Idempotency-Key",
                Set.of(500, 503),
                20,
                new CircuitBreaker(
                    40, 80, Duration.ofMillis(1500), 50, 50, Duration.ofMinutes(1), 5),
                new ThrottleRetry(5, Duration.ofMillis(50), Duration.ofSeconds(1))));
  }

  @Test
  void usesTheBuiltInFallbackWithoutDefaultsOrRuleSettings() {
    assertThat(fallbackOf(null, null)).isEqualTo(Fallback.DEFAULT);
    assertThat(fallbackOf("{}", "{circuitBreaker: {}}")).isEqualTo(Fallback.DEFAULT);
  }

  @Test
  void keepsTheBuiltInSlowCallDurationWhateverTheLambdaTimeout() {
    String yaml =
        "version: 1\ndefaults: {lambda: {timeout: 10s}}\nroutes:\n  - id: r\n"
            + "    match: {paths: [/a]}\n    lambda: {function: f, timeout: 30s}\n"
            + "    canary: {percent: 1}\n    fallback: {circuitBreaker: {window: 30}}\n";

    CircuitBreaker breaker =
        RuleSetLoader.parse(yaml, "routes.yaml").routes().get(0).fallback().circuitBreaker();

    assertThat(breaker.slowCallDuration()).isEqualTo(Duration.ofSeconds(2));
    assertThat(breaker.window()).isEqualTo(30);
  }

  @Test
  void ruleFallbackSettingsWinOverFileDefaultsKeyByKey() {
    String defaults =
        """
        {idempotencyKeyHeader: Idempotency-Key, onStatus: [503], maxConcurrent: 50,
         circuitBreaker: {failureRate: 25, slowCall: 1s, window: 40, minimumCalls: 20,
         openFor: 30s}}""";
    String rule =
        "{idempotent: true, maxConcurrent: 5, circuitBreaker: {failureRate: 75, window: 20}}";

    assertThat(fallbackOf(defaults, null))
        .isEqualTo(
            new Fallback(
                false,
                "Idempotency-Key",
                Set.of(503),
                50,
                new CircuitBreaker(
                    25, 100, Duration.ofSeconds(1), 40, 20, Duration.ofSeconds(30), 3),
                ThrottleRetry.DEFAULT));
    assertThat(fallbackOf(defaults, rule))
        .isEqualTo(
            new Fallback(
                true,
                "Idempotency-Key",
                Set.of(503),
                5,
                new CircuitBreaker(
                    75, 100, Duration.ofSeconds(1), 20, 20, Duration.ofSeconds(30), 3),
                ThrottleRetry.DEFAULT));
  }

  @Test
  void ruleThrottleRetryOverridesTheDefaultsKeyByKey() {
    String defaults = "{throttleRetry: {attempts: 4, maxBackoff: 500ms}}";

    assertThat(fallbackOf(defaults, "{throttleRetry: {backoff: 100ms}}").throttleRetry())
        .isEqualTo(new ThrottleRetry(4, Duration.ofMillis(100), Duration.ofMillis(500)));
    assertThat(fallbackOf(defaults, "{throttleRetry: {attempts: 1}}").throttleRetry())
        .isEqualTo(new ThrottleRetry(1, Duration.ofMillis(20), Duration.ofMillis(500)));
  }

  @Test
  void ruleOnStatusReplacesTheDefaultListAndAnEmptyListClearsIt() {
    String defaults = "{onStatus: [502, 503], idempotent: true}";

    assertThat(fallbackOf(defaults, "{onStatus: [500]}").onStatus()).containsExactly(500);
    assertThat(fallbackOf(defaults, "{onStatus: []}").onStatus()).isEmpty();
    assertThat(fallbackOf(defaults, "{idempotent: false}").idempotent()).isFalse();
    assertThat(fallbackOf(defaults, "{idempotent: false}").onStatus())
        .containsExactlyInAnyOrder(502, 503);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "maxConcurrent: 1           | 1",
        "maxConcurrent: 10000       | 10000",
        "maxConcurrent: \"007\"     | 7",
      })
  void readsIntegersFromTheirText(String setting, int maxConcurrent) {
    assertThat(fallbackOf(null, "{" + setting + "}").maxConcurrent()).isEqualTo(maxConcurrent);
  }

  @ParameterizedTest
  @CsvSource({"1s, PT1S", "60m, PT1H", "3600s, PT1H", "1000ms, PT1S"})
  void acceptsOpenForFromOneSecondToOneHour(String openFor, Duration expected) {
    assertThat(
            fallbackOf(null, "{circuitBreaker: {openFor: " + openFor + "}}")
                .circuitBreaker()
                .openFor())
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0",
    "100, 10000",
    "25, 2500",
    "12.5, 1250",
    "0.01, 1",
    "33.33, 3333",
    "99.99, 9999",
    "'\"7.50\"', 750",
    "100.00, 10000",
    "007, 700"
  })
  void readsPercentExactlyAsBasisPoints(String percent, int basisPoints) {
    assertThat(canaryOf("{percent: " + percent + "}").basisPoints()).isEqualTo(basisPoints);
  }

  @Test
  void readsStickyKeys() {
    assertThat(canaryOf("{percent: 1, stickyBy: header:X-User-Id}").stickyBy())
        .isEqualTo(new StickyKey.Header("x-user-id"));
    assertThat(canaryOf("{percent: 1, stickyBy: cookie:SESSION}").stickyBy())
        .isEqualTo(new StickyKey.Cookie("SESSION"));
  }

  @Test
  void readsStickyKeysWithoutAName() {
    assertThat(canaryOf("{percent: 1, stickyBy: client-ip}").stickyBy())
        .isEqualTo(new StickyKey.ClientIp());
    assertThat(canaryOf("{percent: 1, stickyBy: none}").stickyBy()).isEqualTo(new StickyKey.None());
    assertThat(canaryOf("{percent: 1}").stickyBy()).isEqualTo(new StickyKey.None());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "shop-get-products",
        "Shop_Get_Products",
        "shop-get-products:live",
        "shop-get-products:7",
        "shop-get-products:$LATEST",
        "123456789012:function:shop-get-products",
        "123456789012:function:shop-get-products:live",
        "arn:aws:lambda:us-east-1:123456789012:function:shop-get-products",
        "arn:aws:lambda:eu-west-1:123456789012:function:shop-get-products:live",
        "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:f",
        "arn:aws-cn:lambda:cn-north-1:123456789012:function:f:1",
      })
  void acceptsEveryFunctionFormTheInvokeApiAccepts(String function) {
    String yaml =
        "version: 1\nroutes:\n  - id: r\n    match: {paths: [/a]}\n"
            + "    lambda: {function: '"
            + function
            + "'}\n    canary: {percent: 1}\n";

    assertThat(RuleSetLoader.parse(yaml, "routes.yaml").routes().get(0).lambda().function())
        .isEqualTo(function);
  }

  @Test
  void acceptsAQualifierThatRepeatsTheOneInTheFunction() {
    String yaml =
        "version: 1\nroutes:\n  - id: r\n    match: {paths: [/a]}\n"
            + "    lambda: {function: 'f:live', qualifier: live}\n    canary: {percent: 1}\n";

    assertThat(RuleSetLoader.parse(yaml, "routes.yaml").routes().get(0).lambda().qualifier())
        .isEqualTo("live");
  }

  @ParameterizedTest
  @ValueSource(strings = {"version: 1", "version: 1\nroutes:", "version: 1\nroutes: []"})
  void sendsEverythingToTheMonolithWithoutRules(String yaml) {
    assertThat(RuleSetLoader.parse(yaml, "routes.yaml")).isEqualTo(RuleSet.empty("routes.yaml"));
  }

  @Test
  void reportsEveryProblemInFileOrderNotJustTheFirst() {
    RuleSetException failure =
        catchThrowableOfType(
            RuleSetException.class,
            () ->
                RuleSetLoader.parse(
                    """
                    version: 1
                    routes:
                      - match: {paths: [/a]}
                        lambda: {function: f}
                        canary: {percent: 101}
                      - id: b
                        match: {paths: [/b], methods: [FETCH]}
                        lambda: {function: f, timeout: 3h}
                        canary: {percent: 1, stickyBy: user}
                    """,
                    "routes.yaml"));

    assertThat(failure.errors())
        .map(RuleError::toString)
        .containsExactly(
            "routes[0].id is required (routes.yaml:3:5)",
            "routes[0].canary.percent must be between 0 and 100, but was 101 (routes.yaml:5:23)",
            "match.methods[0] must be one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, but was"
                + " 'FETCH' (rule 'b', routes.yaml:7:36)",
            "lambda.timeout must be a duration such as 250ms, 3s or 1m, but was 3h (rule 'b',"
                + " routes.yaml:8:36)",
            "canary.stickyBy must be header:NAME, cookie:NAME, client-ip or none, but was 'user'"
                + " (rule 'b', routes.yaml:9:36)");
    assertThat(failure).hasMessageStartingWith("5 problems in the rules:");
  }

  @Test
  void namesTheFileByItsFileNameWhenLoadingFromDisk(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("my-routes.yaml");
    Files.writeString(file, "version: 3\n", StandardCharsets.UTF_8);

    RuleSetException failure =
        catchThrowableOfType(RuleSetException.class, () -> RuleSetLoader.load(file));

    assertThat(failure.errors())
        .map(RuleError::toString)
        .containsExactly("version must be 1, but was 3 (my-routes.yaml:1:10)");
  }

  @Test
  void loadsAFileWithAByteOrderMark(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("routes.yaml");
    Files.writeString(file, "\uFEFFversion: 1\n", StandardCharsets.UTF_8);

    assertThat(RuleSetLoader.load(file)).isEqualTo(RuleSet.empty("routes.yaml"));
  }

  @Test
  void saysWhyAFileCannotBeRead(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("missing.yaml");
    Path notUtf8 = dir.resolve("latin1.yaml");
    Files.write(notUtf8, new byte[] {'i', 'd', ':', ' ', (byte) 0xE9});

    assertThat(catchThrowableOfType(RuleSetException.class, () -> RuleSetLoader.load(missing)))
        .hasMessage("cannot read " + missing + ": no such file");
    assertThat(catchThrowableOfType(RuleSetException.class, () -> RuleSetLoader.load(notUtf8)))
        .hasMessage("cannot read " + notUtf8 + ": it is not UTF-8 text");
  }

  /** The fallback of a rule, with {@code defaults.fallback} and the rule's own, each optional. */
  private static Fallback fallbackOf(String defaults, String fallback) {
    String yaml =
        "version: 1\n"
            + (defaults == null ? "" : "defaults:\n  fallback: " + indented(defaults) + "\n")
            + "routes:\n  - id: r\n    match: {paths: [/a]}\n    lambda: {function: f}\n"
            + "    canary: {percent: 1}\n"
            + (fallback == null ? "" : "    fallback: " + indented(fallback) + "\n");
    return RuleSetLoader.parse(yaml, "routes.yaml").routes().get(0).fallback();
  }

  /** Flow mappings continued on further lines stay inside the key they belong to. */
  private static String indented(String flow) {
    return flow.replace("\n", "\n      ");
  }

  private static Canary canaryOf(String canary) {
    String yaml =
        "version: 1\nroutes:\n  - id: r\n    match: {paths: [/a]}\n    lambda: {function: f}\n"
            + "    canary: "
            + canary
            + "\n";
    return RuleSetLoader.parse(yaml, "routes.yaml").routes().get(0).canary();
  }
}
