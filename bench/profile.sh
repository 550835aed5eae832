#!/usr/bin/env bash
# profile.sh - CPU profiles of the proxy under wrk load, one per path, with async-profiler.
#
# Paths (each against one nginx on 127.0.0.1 serving the same 100-byte body as proxy-bench.sh):
#   passthrough - proxy-app, no rule matches: straight to the monolith (nginx)
#   open        - proxy-app, a Lambda rule whose endpoint refuses connections, breaker opened
#                 (proxy-bench.sh's contender (e))
#   lambda      - proxy-app, a Lambda rule whose Invoke API endpoint is an nginx server block that
#                 answers at once (a second proxy-app process, since the endpoint is global)
#   scg         - bench/plain-gateway on the passthrough path, for the difference
# Per path: PROFILE_WARMUP s of wrk, then async-profiler is attached (event PROFILE_EVENT) for
# PROFILE_SECONDS s of wrk; writes NAME.html (flame graph), NAME.collapsed and NAME.txt (top
# self/inclusive frames, bench/profile-top.py) into PROFILE_OUT.
#
# async-profiler comes from Maven Central (tools.profiler:async-profiler:4.1:jar:linux-x64) via
# ./mvnw dependency:get; nothing is installed system-wide. Only loopback; every wrk run is bounded.
#
# Environment (defaults in brackets):
#   PROFILE_PATHS ["scg passthrough open lambda"]  PROFILE_SECONDS [30]  PROFILE_WARMUP [15]
#   PROFILE_CONNECTIONS [32]  PROFILE_THREADS [2]  PROFILE_EVENT [cpu] (itimer if perf events
#   are not permitted)  PROFILE_INTERVAL [1ms]  PROFILE_OUT [bench/profiles]
#   PROFILE_JVM_OPTS ["-Xms256m -Xmx256m"]  PROFILE_PROXY_JAR, PROFILE_PLAIN_JAR (target/ jars)
#   PROFILE_PROXY_ARGS: extra proxy-app arguments  PROFILE_RATE: if set, wrk is paced at this
#   many req/s (bench/wrk-fixed-rate.lua) instead of running flat out
#   PROFILE_KEEP_TMP [0]: 1 = keep the temp dir (logs, access log)
set -Eeuo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PATHS=${PROFILE_PATHS:-scg passthrough open lambda}
SECS=${PROFILE_SECONDS:-30}
WARM=${PROFILE_WARMUP:-15}
CONNS=${PROFILE_CONNECTIONS:-32}
THREADS=${PROFILE_THREADS:-2}
EVENT=${PROFILE_EVENT:-cpu}
INTERVAL=${PROFILE_INTERVAL:-1ms}
OUT=${PROFILE_OUT:-$ROOT/bench/profiles}
read -r -a JVM_FLAGS <<<"${PROFILE_JVM_OPTS:--Xms256m -Xmx256m}"
read -r -a EXTRA <<<"${PROFILE_PROXY_ARGS:-}"
PROXY_JAR=${PROFILE_PROXY_JAR:-$ROOT/proxy-app/target/proxy-app-0.1.0-SNAPSHOT.jar}
PLAIN_JAR=${PROFILE_PLAIN_JAR:-$ROOT/bench/plain-gateway/target/plain-gateway-0.1.0-SNAPSHOT.jar}
RATE=${PROFILE_RATE:-}
AP_VERSION=4.1
BODY='{"service":"legacy-monolith","status":"ok","items":[1,2,3,4,5],"note":"small fixed bench body 100B"}'
# No backslashes: nginx would unescape them inside return's string.
ANSWER='{"statusCode":200,"headers":{"Content-Type":"text/plain"},"body":"lambda-ok"}'

log() { printf '[profile] %s\n' "$*" >&2; }
die() { printf '[profile] ERROR: %s\n' "$*" >&2; exit 1; }
for tool in wrk nginx java curl python3; do command -v "$tool" >/dev/null || die "missing $tool"; done
for n in SECS WARM CONNS THREADS; do
  [[ ${!n} =~ ^[0-9]+$ && ${!n} -gt 0 && ${!n} -le 600 ]] || die "$n must be 1..600 (got '${!n}')"
done
[[ -f $PROXY_JAR ]] || die "no $PROXY_JAR (./mvnw -B -q package -DskipTests)"
[[ " $PATHS " != *" scg "* || -f $PLAIN_JAR ]] || die "no $PLAIN_JAR"

# async-profiler's native library, from the local Maven repository (fetched once).
AP_JAR=~/.m2/repository/tools/profiler/async-profiler/$AP_VERSION/async-profiler-$AP_VERSION-linux-x64.jar
[[ -f $AP_JAR ]] || (cd "$ROOT" && ./mvnw -B -q -ntp dependency:get \
  -Dartifact="tools.profiler:async-profiler:$AP_VERSION:jar:linux-x64") || die "cannot fetch async-profiler"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/profile.XXXXXX")
chmod 755 "$TMP"
PIDS=()
cleanup() {
  local rc=$?
  trap - EXIT
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  [[ ${PROFILE_KEEP_TMP:-0} == 1 ]] && log "kept $TMP" || rm -rf "$TMP"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

unzip -q -o -j "$AP_JAR" linux-x64/libasyncProfiler.so -d "$TMP"
LIB=$TMP/libasyncProfiler.so
# jcmd's JVMTI.agent_load splits "key=value" options, so attach through the Attach API.
cat >"$TMP/Attach.java" <<'EOF'
public class Attach {
  public static void main(String[] a) throws Exception {
    var vm = com.sun.tools.attach.VirtualMachine.attach(a[0]);
    try { vm.loadAgentPath(a[1], a[2]); } finally { vm.detach(); }
  }
}
EOF
javac -d "$TMP" "$TMP/Attach.java"
profiler() { java -cp "$TMP" Attach "$1" "$LIB" "$2" >/dev/null; }

port() { # a free loopback port below the ephemeral range
  local p
  for _ in $(seq 1 200); do
    p=$((20000 + RANDOM % 12000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
  die "no free port"
}
PORT_UP=$(port)
PORT_STUB=$(port)
PORT_REFUSED=$(port) # nothing ever listens here
mkdir -p "$TMP/nginx"
cat >"$TMP/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $TMP/nginx/cb; proxy_temp_path $TMP/nginx/p;
  fastcgi_temp_path $TMP/nginx/f; uwsgi_temp_path $TMP/nginx/u; scgi_temp_path $TMP/nginx/s;
  keepalive_requests 1000000;
  keepalive_timeout 75s;
  server {
    listen 127.0.0.1:$PORT_UP;
    location / { default_type application/json; return 200 '$BODY'; }
  }
  # Lambda Invoke API stub: every invocation of "bench" returns the same answer at once.
  server {
    listen 127.0.0.1:$PORT_STUB;
    location = /2015-03-31/functions/bench/invocations {
      default_type application/json;
      add_header X-Amz-Executed-Version 7;
      return 200 '$ANSWER';
    }
  }
}
EOF
nginx -p "$TMP/nginx" -c "$TMP/nginx.conf" -e "$TMP/nginx/error.log" >"$TMP/nginx.log" 2>&1 &
PIDS+=($!)

cat >"$TMP/routes.yaml" <<'EOF'
version: 1
routes:
  - id: open-breaker
    match: { paths: ["/bench/fallback/**"] }
    lambda: { function: bench-unreachable, timeout: 1s }
    canary: { percent: 100 }
    fallback:
      circuitBreaker: { window: 2, minimumCalls: 2, openFor: 60m }
      throttleRetry: { attempts: 1 }
  - id: lambda
    match: { paths: ["/bench/lambda/**"] }
    lambda: { function: bench }
    canary: { percent: 100 }
EOF

wait_ok() { # url pid expected-body-substring
  for _ in $(seq 1 240); do
    kill -0 "$2" 2>/dev/null || die "process exited (logs in $TMP)"
    curl -fsS -m 2 "$1" 2>/dev/null | grep -qF "$3" && return 0
    sleep 0.5
  done
  die "not ready: $1"
}
wait_ok "http://127.0.0.1:$PORT_UP/" "${PIDS[0]}" legacy-monolith

APP_PID=
start_proxy() { # name lambda-endpoint
  local p m
  p=$(port)
  m=$(port)
  java "${JVM_FLAGS[@]}" -jar "$PROXY_JAR" --server.port="$p" --management.server.port="$m" \
    --strangler.monolith.url="http://127.0.0.1:$PORT_UP" --strangler.rules.file="$TMP/routes.yaml" \
    --strangler.lambda.endpoint="$2" --strangler.lambda.credentials=anonymous \
    --strangler.lambda.prime=false \
    --strangler.admin.viewer.username=bench --strangler.admin.viewer.password='{noop}bench' \
    "${EXTRA[@]}" >"$TMP/$1.log" 2>&1 &
  APP_PID=$!
  PIDS+=($!)
  APP_URL=http://127.0.0.1:$p
  APP_MGMT=http://127.0.0.1:$m
  wait_ok "$APP_URL/bench/small" "$APP_PID" legacy-monolith
}
start_scg() {
  local p
  p=$(port)
  java "${JVM_FLAGS[@]}" -jar "$PLAIN_JAR" --server.port="$p" --upstream.url="http://127.0.0.1:$PORT_UP" \
    >"$TMP/scg.log" 2>&1 &
  APP_PID=$!
  PIDS+=($!)
  APP_URL=http://127.0.0.1:$p
  wait_ok "$APP_URL/bench/small" "$APP_PID" legacy-monolith
}
stop_app() {
  kill -TERM "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
}

wrk_run() { # seconds url outfile
  local pace=()
  [[ -n $RATE ]] && pace=(-s "$ROOT/bench/wrk-fixed-rate.lua" -- "$RATE" "$THREADS")
  timeout $(($1 + 30)) wrk -t"$THREADS" -c"$CONNS" -d"$1s" --latency "$2" "${pace[@]}" >"$3" 2>&1 ||
    { cat "$3" >&2; die "wrk failed"; }
  # Timeouts on a machine busy with other work are not fatal to a profile: say so and go on.
  if grep -qE 'Socket errors|Non-2xx' "$3"; then
    log "WARNING: $(grep -E 'Socket errors|Non-2xx' "$3" | tr -s ' ' | paste -sd ';') ($2)"
  fi
  return 0
}

profile() { # name url pid
  log "$1: warm-up ${WARM}s"
  wrk_run "$WARM" "$2" "$TMP/$1-warmup.txt"
  log "$1: profiling ${SECS}s (event $EVENT, interval $INTERVAL)"
  profiler "$3" "start,event=$EVENT,interval=$INTERVAL,threads"
  wrk_run "$SECS" "$2" "$OUT/$1.wrk.txt"
  profiler "$3" "dump,collapsed,file=$OUT/$1.collapsed"
  profiler "$3" "stop,title=$1,file=$OUT/$1.html"
  local requests
  requests=$(awk '/requests in/ { print $1 }' "$OUT/$1.wrk.txt")
  python3 "$ROOT/bench/profile-top.py" "$OUT/$1.collapsed" "$requests" >"$OUT/$1.txt"
  if [[ $1 != scg && -f $OUT/scg.collapsed ]]; then # what ours spends per request that SCG does not
    python3 "$ROOT/bench/profile-top.py" --diff "$OUT/$1.collapsed" "$requests" \
      "$OUT/scg.collapsed" "$(awk '/requests in/ { print $1 }' "$OUT/scg.wrk.txt")" >"$OUT/$1-vs-scg.txt"
  fi
  log "$1: $(awk '/^Requests\/sec:/ { print $2 }' "$OUT/$1.wrk.txt") req/s while profiled"
}

mkdir -p "$OUT"
log "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ " $PATHS " == *" scg "* ]]; then
  start_scg
  profile scg "$APP_URL/bench/small" "$APP_PID"
  stop_app
fi
if [[ " $PATHS " == *" passthrough "* || " $PATHS " == *" open "* ]]; then
  start_proxy proxy "http://127.0.0.1:$PORT_REFUSED"
  [[ " $PATHS " == *" passthrough "* ]] && profile passthrough "$APP_URL/bench/small" "$APP_PID"
  if [[ " $PATHS " == *" open "* ]]; then
    for _ in 1 2 3; do curl -fsS -m 5 -o /dev/null "$APP_URL/bench/fallback/small" || die "open path failed"; done
    curl -fsS -m 2 -u bench:bench "$APP_MGMT/actuator/prometheus" |
      grep -qE 'strangler_fallbacks_total\{reason="circuit_open",route="open-breaker"\} [1-9]' ||
      die "the breaker did not open"
    profile open "$APP_URL/bench/fallback/small" "$APP_PID"
  fi
  stop_app
fi
if [[ " $PATHS " == *" lambda "* ]]; then
  start_proxy proxy-lambda "http://127.0.0.1:$PORT_STUB"
  wait_ok "$APP_URL/bench/lambda/x" "$APP_PID" lambda-ok
  profile lambda "$APP_URL/bench/lambda/x" "$APP_PID"
  stop_app
fi
log "load average at end: $(cut -d' ' -f1-3 /proc/loadavg); results in $OUT"
