#!/usr/bin/env bash
# The Lambda path's own overhead: the same function invoked with a bare LambdaAsyncClient and
# through the proxy, against one loopback Invoke API endpoint, interleaved in one JVM run.
# Settings: BENCH_CONCURRENCY (4), BENCH_SECONDS per round (10), BENCH_ROUNDS (3).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests -pl route-rules,proxy-app -am test-compile \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
cp="proxy-app/target/test-classes:proxy-app/target/classes:$(cat proxy-app/target/test-classpath.txt)"
exec java -Xms256m -Xmx256m -Daws.disableEc2Metadata=true -Dsun.net.httpserver.nodelay=true \
  -Dbench.concurrency="${BENCH_CONCURRENCY:-4}" -Dbench.seconds="${BENCH_SECONDS:-10}" \
  -Dbench.rounds="${BENCH_ROUNDS:-3}" \
  -cp "$cp" dev.strangler.proxy.bench.LambdaPathBenchmark
