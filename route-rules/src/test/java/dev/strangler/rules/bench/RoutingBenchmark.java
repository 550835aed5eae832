package dev.strangler.rules.bench;

import dev.strangler.rules.routing.Decision;
import dev.strangler.rules.routing.RequestKey;
import dev.strangler.rules.routing.RouteTable;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time of one {@link RouteTable#decide} at 10, 1,000 and 10,000 rules: a request for the first rule
 * in the file, one for the last, and one that no rule claims. The setup checks every answer and
 * throws on a wrong one, so a fast but wrong index cannot report a number.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RoutingBenchmark {

  private static final int CHECKS = 100_000;

  @Param({"10", "1000", "10000"})
  public int rules;

  private RouteTable table;
  private RequestKey firstRule;
  private RequestKey lastRule;
  private RequestKey noRule;

  @Setup
  public void setUp() {
    table = RouteTable.compile(BenchmarkRules.of(rules), new SplittableRandom(1));
    int last = (rules - 1) / 3 * 3;
    firstRule = BenchmarkRules.orderOf(0);
    lastRule = BenchmarkRules.orderOf(last);
    noRule = BenchmarkRules.unclaimed();
    RequestKey literal = BenchmarkRules.request("/api/v1/s1/orders");
    RequestKey wildcard = BenchmarkRules.request("/api/v1/s2/static/css/app.css");
    // Checked many times over, which also gets the JIT past its first tiers on a busy machine.
    for (int i = 0; i < CHECKS; i++) {
      expectRule(firstRule, "rule-0");
      expectRule(lastRule, "rule-" + last);
      expectRule(literal, "rule-1");
      expectRule(wildcard, "rule-2");
      expectRule(noRule, null);
    }
  }

  private void expectRule(RequestKey request, String ruleId) {
    Decision decision = table.decide(request);
    String actual =
        decision instanceof Decision.ToLambda lambda
            ? lambda.rule().id()
            : decision instanceof Decision.ToMonolith monolith && monolith.rule() != null
                ? monolith.rule().id()
                : null;
    boolean noMatch =
        decision instanceof Decision.ToMonolith monolith
            && monolith.reason() == Decision.Reason.NO_MATCH;
    if (ruleId == null ? !noMatch : !ruleId.equals(actual)) {
      throw new IllegalStateException(
          "wrong decision for " + request.rawPath() + ": expected " + ruleId + ", got " + decision);
    }
  }

  /** The cost of the harness alone, to subtract by eye. */
  @Benchmark
  public void baseline() {}

  @Benchmark
  public Decision decideFirstRule() {
    return table.decide(firstRule);
  }

  @Benchmark
  public Decision decideLastRule() {
    return table.decide(lastRule);
  }

  @Benchmark
  public Decision decideNoRule() {
    return table.decide(noRule);
  }
}
