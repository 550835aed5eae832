package dev.strangler.rules.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the routing benchmarks with JMH. Without arguments it runs every benchmark in this package
 * in bounded time ({@code -f 1 -wi 3 -i 5 -w 1s -r 1s}); any arguments are passed to JMH as they
 * are (e.g. {@code RoutingBenchmark.decideLastRule -p rules=10000}). See bench/README.md.
 */
public final class RoutingBenchmarkMain {

  private RoutingBenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    List<String> jmhArgs = new ArrayList<>(List.of(args));
    if (jmhArgs.isEmpty()) {
      jmhArgs.addAll(
          List.of(
              "-f",
              "1",
              "-wi",
              "3",
              "-i",
              "5",
              "-w",
              "1s",
              "-r",
              "1s",
              "dev.strangler.rules.bench"));
    }
    org.openjdk.jmh.Main.main(jmhArgs.toArray(String[]::new));
  }
}
