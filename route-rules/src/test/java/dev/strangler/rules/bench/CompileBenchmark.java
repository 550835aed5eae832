package dev.strangler.rules.bench;

import dev.strangler.rules.model.RuleSet;
import dev.strangler.rules.routing.Decision;
import dev.strangler.rules.routing.RouteTable;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Time to compile a rule set into a {@link RouteTable}, checked for a right answer first. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CompileBenchmark {

  @Param({"10000"})
  public int rules;

  private RuleSet ruleSet;

  @Setup
  public void setUp() {
    ruleSet = BenchmarkRules.of(rules);
    int last = (rules - 1) / 3 * 3;
    Decision decision = RouteTable.compile(ruleSet).decide(BenchmarkRules.orderOf(last));
    if (!(decision instanceof Decision.ToLambda || decision instanceof Decision.ToMonolith)
        || decision.forwardPath() == null
        || !("rule-" + last).equals(ruleOf(decision))) {
      throw new IllegalStateException("wrong decision after compiling: " + decision);
    }
  }

  private static String ruleOf(Decision decision) {
    if (decision instanceof Decision.ToLambda lambda) {
      return lambda.rule().id();
    }
    Decision.ToMonolith monolith = (Decision.ToMonolith) decision;
    return monolith.rule() == null ? null : monolith.rule().id();
  }

  @Benchmark
  public RouteTable compile() {
    return RouteTable.compile(ruleSet);
  }
}
