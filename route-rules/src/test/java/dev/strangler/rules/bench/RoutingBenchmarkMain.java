package dev.strangler.rules.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the routing benchmarks with JMH in bounded time. Arguments go to JMH as they are; the run
 * options it leaves out default to {@code -f 1 -wi 3 -i 5 -w 1s -r 1s}, and without a benchmark
 * pattern every benchmark in this package runs (about 2½ minutes). Example: {@code
 * RoutingBenchmark.decideLastRule -p rules=10000 -prof gc}. See bench/README.md.
 */
public final class RoutingBenchmarkMain {

  private static final List<String> BOUNDED =
      List.of("-f", "1", "-wi", "3", "-i", "5", "-w", "1s", "-r", "1s");

  private RoutingBenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    org.openjdk.jmh.Main.main(withDefaults(List.of(args)).toArray(String[]::new));
  }

  static List<String> withDefaults(List<String> args) {
    List<String> jmhArgs = new ArrayList<>();
    for (int i = 0; i < BOUNDED.size(); i += 2) {
      if (!args.contains(BOUNDED.get(i))) {
        jmhArgs.addAll(BOUNDED.subList(i, i + 2));
      }
    }
    jmhArgs.addAll(args);
    boolean hasPattern = false;
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).startsWith("-")) {
        i++; // the option's value
      } else {
        hasPattern = true;
      }
    }
    if (!hasPattern) {
      jmhArgs.add(RoutingBenchmarkMain.class.getPackageName());
    }
    return jmhArgs;
  }
}
