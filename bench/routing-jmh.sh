#!/usr/bin/env bash
# Routing decision benchmark (JMH) of route-rules: RouteTable.decide at 10, 1,000 and 10,000
# rules, and compiling 10,000 rules. See "Routing decision (JMH)" in bench/README.md.
# Without arguments: every routing benchmark, bounded (-f 1 -wi 3 -i 5 -w 1s -r 1s, about 2 min).
# With arguments: passed to JMH as they are, e.g. RoutingBenchmark.decideLastRule -p rules=10000
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl route-rules test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
classpath="route-rules/target/test-classes:route-rules/target/classes:$(cat route-rules/target/test-classpath.txt)"
exec java -cp "$classpath" dev.strangler.rules.bench.RoutingBenchmarkMain "$@"
