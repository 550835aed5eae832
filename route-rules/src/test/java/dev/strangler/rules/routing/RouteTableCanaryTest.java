package dev.strangler.rules.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.strangler.rules.model.Canary;
import dev.strangler.rules.model.RuleSet;
import dev.strangler.rules.model.StickyKey;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Properties of the canary split, checked over many generated keys from fixed seeds (so a failure
 * reproduces).
 */
class RouteTableCanaryTest {

  private static final int KEYS = 100_000;

  /** Fails the test if a sticky request ever asks for randomness. */
  private static final RandomGenerator NO_RANDOMNESS =
      () -> {
        throw new AssertionError("a request with a sticky key must not draw a random bucket");
      };

  private static RuleSet oneRule(String id, int basisPoints, StickyKey stickyBy) {
    return TestRules.rules()
        .add(id, "", "/api/**", "", new Canary(basisPoints, stickyBy))
        .ruleSet();
  }

  private static RequestKey userRequest(String user) {
    return new RequestKey("GET", "/api/cart", Map.of("x-user-id", user)::get, null, null);
  }

  private static String randomKey(SplittableRandom random) {
    return Long.toHexString(random.nextLong()) + "-" + random.nextInt(1000);
  }

  @Test
  void sendsTheSameKeyToTheSameBackendOnEveryReplica() {
    RuleSet rules = oneRule("cart", 3_000, new StickyKey.Header("X-User-Id"));
    RouteTable replicaA = RouteTable.compile(rules, NO_RANDOMNESS);
    RouteTable replicaB = RouteTable.compile(rules, NO_RANDOMNESS);
    SplittableRandom random = new SplittableRandom(7);

    for (int i = 0; i < 20_000; i++) {
      RequestKey request = userRequest(randomKey(random));
      Decision first = replicaA.decide(request);

      assertThat(replicaA.decide(request)).isEqualTo(first);
      assertThat(replicaB.decide(request)).isEqualTo(first);
    }
  }

  @Test
  void bucketIsMurmur3OfRuleIdNulAndStickyValueModuloTenThousand() {
    RouteTable table =
        RouteTable.compile(
            oneRule("cart", 5_000, new StickyKey.Header("x-user-id")), NO_RANDOMNESS);
    SplittableRandom random = new SplittableRandom(11);

    for (int i = 0; i < 2_000; i++) {
      String user = Murmur3Test.randomText(random) + randomKey(random);
      byte[] input = ("cart\u0000" + user).getBytes(StandardCharsets.UTF_8);
      int expected = (int) (Integer.toUnsignedLong(Murmur3.hash32(input, 0)) % 10_000);

      assertThat(bucketOf(table.decide(userRequest(user)))).isEqualTo(expected);
    }
  }

  @Test
  void raisingThePercentOnlyMovesKeysFromTheMonolithToLambda() {
    SplittableRandom random = new SplittableRandom(3);
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      keys.add(randomKey(random));
    }
    for (int run = 0; run < 50; run++) {
      int lower = random.nextInt(Canary.ALL + 1);
      int higher = lower + random.nextInt(Canary.ALL - lower + 1);
      BitSet atLower = lambdaKeys(oneRule("cart", lower, stickyByUser()), keys);
      BitSet atHigher = lambdaKeys(oneRule("cart", higher, stickyByUser()), keys);

      BitSet lostWhenRaised = (BitSet) atLower.clone();
      lostWhenRaised.andNot(atHigher);
      assertThat(lostWhenRaised.isEmpty()).as("raising %d -> %d", lower, higher).isTrue();
      // Lowering again moves back exactly the keys that raising moved: the sets are nested.
      BitSet moved = (BitSet) atHigher.clone();
      moved.andNot(atLower);
      BitSet back = (BitSet) atHigher.clone();
      back.andNot(moved);
      assertThat(back).isEqualTo(atLower);
    }
  }

  @ParameterizedTest(name = "{0}% of 100,000 keys go to Lambda, within 0.5 pp")
  @CsvSource({"0.01", "1", "10", "25", "50", "99.99", "0", "100"})
  void splitsKeysAsConfigured(String percent) {
    int basisPoints = new BigDecimal(percent).movePointRight(2).intValueExact();
    SplittableRandom random = new SplittableRandom(basisPoints);
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < KEYS; i++) {
      keys.add(randomKey(random));
    }

    int toLambda = lambdaKeys(oneRule("checkout", basisPoints, stickyByUser()), keys).cardinality();

    assertThat(100.0 * toLambda / KEYS).isCloseTo(basisPoints / 100.0, within(0.5));
  }

  @Test
  void readsTheStickyValueFromAHeaderACookieOrTheClientAddress() {
    RouteTable byCookie =
        RouteTable.compile(oneRule("c", 5_000, new StickyKey.Cookie("session")), NO_RANDOMNESS);
    RouteTable byIp =
        RouteTable.compile(oneRule("c", 5_000, new StickyKey.ClientIp()), NO_RANDOMNESS);
    RouteTable byHeader =
        RouteTable.compile(oneRule("c", 5_000, new StickyKey.Header("X-Session")), NO_RANDOMNESS);
    int expected =
        (int)
            (Integer.toUnsignedLong(
                    Murmur3.hash32("c\u0000s-42".getBytes(StandardCharsets.UTF_8), 0))
                % 10_000);

    RequestKey cookie =
        new RequestKey(
            "GET", "/api/x", Map.of("cookie", "theme=dark; session=s-42; x=1")::get, null, null);
    RequestKey ip = new RequestKey("GET", "/api/x", name -> null, "s-42", null);
    RequestKey header =
        new RequestKey("GET", "/api/x", Map.of("x-session", "s-42")::get, null, null);

    assertThat(bucketOf(byCookie.decide(cookie))).isEqualTo(expected);
    assertThat(bucketOf(byIp.decide(ip))).isEqualTo(expected);
    assertThat(bucketOf(byHeader.decide(header))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "sticky by {0} with {1} draws a random bucket")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          none   | any request
          header | no header
          header | an empty header
          cookie | no cookie header
          cookie | no such cookie
          cookie | an empty cookie
          ip     | no client address
          """)
  void drawsARandomBucketWhenThereIsNoStickyValue(String sticky, String situation) {
    StickyKey key =
        switch (sticky) {
          case "header" -> new StickyKey.Header("x-user-id");
          case "cookie" -> new StickyKey.Cookie("session");
          case "ip" -> new StickyKey.ClientIp();
          default -> new StickyKey.None();
        };
    Map<String, String> headers =
        switch (situation) {
          case "an empty header" -> Map.of("x-user-id", "");
          case "no such cookie" -> Map.of("cookie", "other=1");
          case "an empty cookie" -> Map.of("cookie", "session=; other=1");
          default -> Map.of();
        };
    AtomicInteger draws = new AtomicInteger();
    RandomGenerator fixed =
        new RandomGenerator() {
          @Override
          public long nextLong() {
            throw new AssertionError("expected nextInt(10000)");
          }

          @Override
          public int nextInt(int bound) {
            assertThat(bound).isEqualTo(10_000);
            draws.incrementAndGet();
            return 1_234;
          }
        };
    RouteTable table = RouteTable.compile(oneRule("r", 1_000, key), fixed);

    Decision decision = table.decide(new RequestKey("GET", "/api/x", headers::get, null, null));

    assertThat(decision)
        .isEqualTo(
            new Decision.ToMonolith(
                table.rules().routes().get(0), "/api/x", 1_234, Decision.Reason.CANARY));
    assertThat(draws).hasValue(1);
  }

  @Test
  void aForcedBackendOverridesTheCanaryOfAMatchedRule() {
    RouteTable none = RouteTable.compile(oneRule("r", 0, new StickyKey.None()), NO_RANDOMNESS);
    RouteTable all =
        RouteTable.compile(oneRule("r", Canary.ALL, new StickyKey.None()), NO_RANDOMNESS);

    Decision forcedLambda =
        none.decide(new RequestKey("GET", "/api/x", n -> null, null, Backend.LAMBDA));
    Decision forcedMonolith =
        all.decide(new RequestKey("GET", "/api/x", n -> null, null, Backend.MONOLITH));

    assertThat(forcedLambda)
        .isEqualTo(
            new Decision.ToLambda(
                none.rules().routes().get(0),
                "/api/**",
                Map.of(),
                "/api/x",
                -1,
                Decision.Reason.FORCED));
    assertThat(forcedMonolith)
        .isEqualTo(
            new Decision.ToMonolith(
                all.rules().routes().get(0), "/api/x", -1, Decision.Reason.FORCED));
  }

  @Test
  void aForcedBackendNeverSendsAnUnmatchedRequestToLambda() {
    RouteTable table =
        RouteTable.compile(oneRule("r", Canary.ALL, new StickyKey.None()), NO_RANDOMNESS);

    assertThat(table.decide(new RequestKey("GET", "/other", n -> null, null, Backend.LAMBDA)))
        .isEqualTo(new Decision.ToMonolith(null, "/other", -1, Decision.Reason.NO_MATCH));
  }

  @Test
  void withoutAnInjectedRandomSourceEachRequestThreadDrawsItsOwnBuckets() throws Exception {
    RouteTable table = RouteTable.compile(oneRule("r", 5_000, new StickyKey.None()));
    Map<Integer, Boolean> buckets = new ConcurrentHashMap<>();
    AtomicInteger toLambda = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      threads.add(
          new Thread(
              () -> {
                for (int i = 0; i < 2_500; i++) {
                  Decision decision = table.decide(userRequest("ignored"));
                  buckets.put(bucketOf(decision), Boolean.TRUE);
                  toLambda.addAndGet(decision instanceof Decision.ToLambda ? 1 : 0);
                }
              }));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(buckets.size()).isGreaterThan(8_000);
    assertThat(toLambda.get() / 200.0).isCloseTo(50.0, within(2.0));
  }

  private static StickyKey stickyByUser() {
    return new StickyKey.Header("x-user-id");
  }

  private static BitSet lambdaKeys(RuleSet rules, List<String> keys) {
    RouteTable table = RouteTable.compile(rules, NO_RANDOMNESS);
    BitSet lambda = new BitSet(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      if (table.decide(userRequest(keys.get(i))) instanceof Decision.ToLambda) {
        lambda.set(i);
      }
    }
    return lambda;
  }

  private static int bucketOf(Decision decision) {
    if (decision instanceof Decision.ToLambda lambda) {
      return lambda.bucket();
    }
    return ((Decision.ToMonolith) decision).bucket();
  }
}
