#!/usr/bin/env bash
# proxy-bench.sh - loopback throughput/latency benchmark of the strangler proxy against baselines.
#
# Contenders (all on 127.0.0.1, all serving the same ~100-byte body from one nginx server block):
#   (a) direct  - the upstream nginx server block itself (no proxy)
#   (b) ours    - proxy-app jar, --strangler.monolith.url pointing at (a)
#   (c) scg     - bench/plain-gateway: out-of-the-box Spring Cloud Gateway, one /** route to (a)
#   (d) nginx   - a second nginx server block: proxy_pass to (a) over keepalive connections
#   (e) open    - the same proxy-app process as (b), on a path that a route rule sends to a Lambda
#                 function whose circuit breaker is open (the Lambda endpoint refuses connections;
#                 the breaker is opened before measuring and stays open for an hour): the fallback
#                 path, compared with (b)'s plain passthrough in the same run
#   (f) before  - only with BENCH_BASELINE_JAR: another proxy-app jar (e.g. main before a change),
#                 started with (b)'s exact arguments, so a change's cost is a same-run ratio (b)/(f)
#
# Phase 1: after one warm-up wrk run per JVM, BENCH_ROUNDS rounds of a->b->c->d at full load
#          (fixed connections/threads/duration); per contender the median of the rounds is
#          reported for each figure (req/s, p50, p99) separately.
# Phase 2: BENCH_RATE_ROUNDS rounds of a->b->c->d at a fixed request rate = BENCH_RATE_FRACTION
#          (default 0.5) of the slowest contender's phase-1 median req/s, paced by
#          bench/wrk-fixed-rate.lua (wrk2 is not packaged in Debian); reports median p99 and the
#          p99 added over (a).
#
# Needs: wrk, nginx, java 17, curl (apt-get install -y wrk nginx). Installs nothing.
# Exits non-zero if any wrk run saw socket errors or non-2xx/3xx responses, or on any setup error.
#
# Environment (defaults in brackets):
#   BENCH_CONNECTIONS [32]  BENCH_THREADS [2]  BENCH_DURATION [10] (s per measured run)
#   BENCH_WARMUP [30] (s, one wrk run per JVM before measuring)   BENCH_ROUNDS [3]
#   BENCH_RATE_ROUNDS [3]  BENCH_RATE_DURATION [10] (s)  BENCH_RATE_FRACTION [0.5]
#   BENCH_RATE_HEADROOM_MS [20]: phase-2 connections = max(BENCH_CONNECTIONS, rate * this / 1000)
#   BENCH_NGINX_WORKERS [1]: worker_processes of the one nginx that runs (a) and (d) ("auto" ok)
#   BENCH_JVM_OPTS ["-Xms256m -Xmx256m"]: identical flags for both JVMs
#   BENCH_SKIP_PROXY [0]: 1 = skip (b) (e.g. while proxy-app does not build yet)
#   BENCH_PROXY_JAR, BENCH_PLAIN_JAR: jar paths (defaults: the modules' target/ jars)
#   BENCH_PROXY_ARGS: extra arguments for the proxy-app jar
#   BENCH_REBUILD [0]: 1 = rebuild the jars even if present
#   BENCH_MAX_SECONDS [540]: hard limit on the measuring part (the build is not counted)
#   BENCH_KEEP_TMP [0]: 1 = keep the temp dir (nginx.conf, logs, raw wrk output)
#   BENCH_BASELINE_JAR: a second proxy-app jar, contender (f) (added to BENCH_CONTENDERS' default)
#   BENCH_CONTENDERS ["a b c d e", plus f with BENCH_BASELINE_JAR]: which contenders to run (a is
#                    always run: it is the baseline)
set -Eeuo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_DIR="$ROOT/bench"

CONNS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}
DURATION=${BENCH_DURATION:-10}
WARMUP=${BENCH_WARMUP:-30}
ROUNDS=${BENCH_ROUNDS:-3}
RATE_ROUNDS=${BENCH_RATE_ROUNDS:-3}
RATE_DURATION=${BENCH_RATE_DURATION:-10}
RATE_FRACTION=${BENCH_RATE_FRACTION:-0.5}
RATE_HEADROOM_MS=${BENCH_RATE_HEADROOM_MS:-20}
NGINX_WORKERS=${BENCH_NGINX_WORKERS:-1}
JVM_OPTS=${BENCH_JVM_OPTS:--Xms256m -Xmx256m}
SKIP_PROXY=${BENCH_SKIP_PROXY:-0}
PROXY_JAR=${BENCH_PROXY_JAR:-$ROOT/proxy-app/target/proxy-app-0.1.0-SNAPSHOT.jar}
PLAIN_JAR=${BENCH_PLAIN_JAR:-$ROOT/bench/plain-gateway/target/plain-gateway-0.1.0-SNAPSHOT.jar}
PROXY_ARGS=${BENCH_PROXY_ARGS:-}
REBUILD=${BENCH_REBUILD:-0}
MAX_SECONDS=${BENCH_MAX_SECONDS:-540}
KEEP_TMP=${BENCH_KEEP_TMP:-0}
BASELINE_JAR=${BENCH_BASELINE_JAR:-}
DEFAULT_CONTENDERS="a b c d e"
[[ -n $BASELINE_JAR ]] && DEFAULT_CONTENDERS+=" f"
WANTED=" ${BENCH_CONTENDERS:-$DEFAULT_CONTENDERS} a "
wanted() { [[ $WANTED == *" $1 "* ]]; }

REQUEST_PATH=/bench/small
OPEN_BREAKER_PATH=/bench/fallback/small
# 100 bytes, served with Content-Type application/json by the upstream server block.
BODY='{"service":"legacy-monolith","status":"ok","items":[1,2,3,4,5],"note":"small fixed bench body 100B"}'

log() { printf '[bench] %s\n' "$*" >&2; }
die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------
# Preconditions
# ---------------------------------------------------------------------------------------------
missing=()
for tool in wrk nginx java curl; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if ((${#missing[@]})); then
  log "missing tool(s): ${missing[*]}"
  [[ " ${missing[*]} " == *" wrk "* || " ${missing[*]} " == *" nginx "* ]] \
    && log "install them with:  apt-get install -y wrk nginx"
  exit 1
fi
for n in CONNS THREADS DURATION WARMUP ROUNDS RATE_ROUNDS RATE_DURATION RATE_HEADROOM_MS; do
  [[ ${!n} =~ ^[0-9]+$ && ${!n} -gt 0 ]] || die "$n must be a positive integer (got '${!n}')"
done
((CONNS >= THREADS)) || die "BENCH_CONNECTIONS must be >= BENCH_THREADS"
[[ $RATE_FRACTION =~ ^0?\.[0-9]+$|^1(\.0*)?$ ]] || die "BENCH_RATE_FRACTION must be in (0,1]"

# ---------------------------------------------------------------------------------------------
# Build the jars if missing
# ---------------------------------------------------------------------------------------------
modules=()
if [[ $SKIP_PROXY != 1 ]] && [[ $REBUILD == 1 || ! -f $PROXY_JAR ]]; then modules+=(proxy-app); fi
if [[ $REBUILD == 1 || ! -f $PLAIN_JAR ]]; then modules+=(bench/plain-gateway); fi
if ((${#modules[@]})); then
  pl=$(IFS=,; echo "${modules[*]}")
  log "building ${pl} (./mvnw -B -q -DskipTests package -pl ${pl} -am) ..."
  if ! (cd "$ROOT" && ./mvnw -B -q -DskipTests package -pl "$pl" -am); then
    [[ " ${modules[*]} " == *" proxy-app "* ]] &&
      log "hint: if proxy-app does not build yet, run with BENCH_SKIP_PROXY=1 to skip contender (b)"
    die "build failed"
  fi
fi
[[ -f $PLAIN_JAR ]] || die "plain gateway jar not found: $PLAIN_JAR"
if [[ $SKIP_PROXY == 1 ]]; then
  log "BENCH_SKIP_PROXY=1: contender (b) 'ours' (proxy-app) is SKIPPED"
elif [[ ! -f $PROXY_JAR ]]; then
  die "proxy jar not found: $PROXY_JAR (set BENCH_SKIP_PROXY=1 to benchmark without it)"
fi

# ---------------------------------------------------------------------------------------------
# Temp dir, process bookkeeping, cleanup
# ---------------------------------------------------------------------------------------------
TMP=$(mktemp -d "${TMPDIR:-/tmp}/proxy-bench.XXXXXX")
chmod 755 "$TMP" # nginx workers may run as another user when started by root
PIDS=()
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  for pid in "${PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [[ $KEEP_TMP == 1 ]]; then
    log "kept $TMP"
  else
    rm -rf "$TMP"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

START_TS=$SECONDS
check_budget() { # seconds about to be spent
  local need=$1
  if ((SECONDS - START_TS + need > MAX_SECONDS)); then
    die "time budget BENCH_MAX_SECONDS=${MAX_SECONDS}s would be exceeded; lower the durations/rounds"
  fi
}

# Free loopback port below the ephemeral range (so no outgoing connection can be holding it).
USED_PORTS=" "
free_port() {
  local lo=20000 hi=32767 p
  if read -r eph_lo _ </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null && ((eph_lo > lo + 1000)); then
    hi=$((eph_lo - 1))
  fi
  for _ in $(seq 1 200); do
    p=$((lo + RANDOM % (hi - lo)))
    [[ $USED_PORTS == *" $p "* ]] && continue
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      USED_PORTS+="$p "
      echo "$p"
      return 0
    fi
  done
  die "no free port found"
}

wait_ready() { # name url pid seconds
  local name=$1 url=$2 pid=$3 limit=$4 body
  local end=$((SECONDS + limit))
  while ((SECONDS < end)); do
    kill -0 "$pid" 2>/dev/null || die "$name exited during start-up (log: $TMP/$name.log)"
    if body=$(curl -fsS -m 2 "$url" 2>/dev/null) && [[ $body == "$BODY" ]]; then
      return 0
    fi
    sleep 0.5
  done
  [[ -f $TMP/$name.log ]] && tail -n 40 "$TMP/$name.log" >&2
  die "$name not ready (200 with the upstream body) at $url within ${limit}s"
}

# ---------------------------------------------------------------------------------------------
# Start nginx: (a) upstream server block and (d) reverse-proxy server block
# ---------------------------------------------------------------------------------------------
PORT_A=$(free_port)
PORT_D=$(free_port)
mkdir -p "$TMP/nginx"
cat >"$TMP/nginx.conf" <<EOF
# generated by bench/proxy-bench.sh
worker_processes $NGINX_WORKERS;
daemon off;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/error.log warn;

events {
  worker_connections 4096;
}

http {
  access_log off;
  client_body_temp_path $TMP/nginx/client_body;
  proxy_temp_path $TMP/nginx/proxy;
  fastcgi_temp_path $TMP/nginx/fastcgi;
  uwsgi_temp_path $TMP/nginx/uwsgi;
  scgi_temp_path $TMP/nginx/scgi;
  # Keep wrk's and the proxies' connections open for the whole run (nginx closes after 1000
  # requests by default, which would add reconnects to every contender's figures).
  keepalive_requests 1000000;
  keepalive_timeout 75s;

  # (a) the upstream: small fixed body
  server {
    listen 127.0.0.1:$PORT_A;
    location / {
      default_type application/json;
      return 200 '$BODY';
    }
  }

  upstream bench_origin {
    server 127.0.0.1:$PORT_A;
    keepalive 64;
    keepalive_requests 1000000;
  }

  # (d) plain nginx reverse proxy in front of (a)
  server {
    listen 127.0.0.1:$PORT_D;
    location / {
      proxy_pass http://bench_origin;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
EOF
nginx -p "$TMP/nginx" -c "$TMP/nginx.conf" -e "$TMP/nginx/error.log" -t -q ||
  die "nginx config test failed"
nginx -p "$TMP/nginx" -c "$TMP/nginx.conf" -e "$TMP/nginx/error.log" >"$TMP/nginx.log" 2>&1 &
PIDS+=($!)
NGINX_PID=$!

URL_A="http://127.0.0.1:$PORT_A$REQUEST_PATH"
URL_D="http://127.0.0.1:$PORT_D$REQUEST_PATH"
wait_ready nginx "$URL_A" "$NGINX_PID" 15
wait_ready nginx "$URL_D" "$NGINX_PID" 15

# ---------------------------------------------------------------------------------------------
# Start the JVMs (same flags for both), each from a copy of its jar so that a concurrent
# rebuild of the modules cannot pull the jar from under a running JVM.
# ---------------------------------------------------------------------------------------------
cp "$PLAIN_JAR" "$TMP/plain-gateway.jar"
[[ $SKIP_PROXY != 1 ]] && cp "$PROXY_JAR" "$TMP/proxy-app.jar"
read -r -a JVM_FLAGS <<<"$JVM_OPTS"
CONTENDERS=(a)
declare -A NAME=([a]="(a) direct upstream" [b]="(b) ours (proxy-app)" [c]="(c) plain SCG" [d]="(d) nginx proxy_pass" [e]="(e) ours, breaker open" [f]="(f) ours, before")
declare -A URL=([a]="$URL_A" [d]="$URL_D")

if [[ $SKIP_PROXY != 1 ]]; then
  PORT_B=$(free_port)
  PORT_B_MGMT=$(free_port) # proxy-app puts actuator on its own port (9901 by default)
  read -r -a EXTRA <<<"$PROXY_ARGS"
  # One rule for (e): its function's endpoint refuses connections, so the breaker opens after two
  # calls and stays open for the whole run.
  cat >"$TMP/routes.yaml" <<'RULES'
version: 1
routes:
  - id: open-breaker
    match: { paths: ["/bench/fallback/**"] }
    lambda: { function: bench-unreachable, timeout: 1s }
    canary: { percent: 100 }
    fallback:
      circuitBreaker: { window: 2, minimumCalls: 2, openFor: 60m }
      throttleRetry: { attempts: 1 }
RULES
  LAMBDA_PORT=$(free_port)
  # start_proxy NAME JAR PORT MANAGEMENT_PORT: (b) and (f) run with exactly these arguments.
  start_proxy() {
    java "${JVM_FLAGS[@]}" -jar "$2" --server.port="$3" \
      --management.server.port="$4" \
      --strangler.monolith.url="http://127.0.0.1:$PORT_A" \
      --strangler.rules.file="$TMP/routes.yaml" \
      --strangler.lambda.endpoint="http://127.0.0.1:$LAMBDA_PORT" \
      --strangler.lambda.credentials=anonymous --strangler.lambda.prime=false \
      --strangler.admin.viewer.username=bench --strangler.admin.viewer.password='{noop}bench' \
      "${EXTRA[@]}" >"$TMP/$1.log" 2>&1 &
    PIDS+=($!)
  }
  start_proxy proxy "$TMP/proxy-app.jar" "$PORT_B" "$PORT_B_MGMT"
  PROXY_PID=$!
  URL[b]="http://127.0.0.1:$PORT_B$REQUEST_PATH"
  URL[e]="http://127.0.0.1:$PORT_B$OPEN_BREAKER_PATH"
  wanted b && CONTENDERS+=(b)
  if wanted f; then
    [[ -f $BASELINE_JAR ]] || die "BENCH_BASELINE_JAR not found: $BASELINE_JAR"
    cp "$BASELINE_JAR" "$TMP/proxy-before.jar"
    PORT_F=$(free_port)
    start_proxy proxy-before "$TMP/proxy-before.jar" "$PORT_F" "$(free_port)"
    BEFORE_PID=$!
    URL[f]="http://127.0.0.1:$PORT_F$REQUEST_PATH"
    CONTENDERS+=(f)
  fi
fi
if wanted c; then
  PORT_C=$(free_port)
  java "${JVM_FLAGS[@]}" -jar "$TMP/plain-gateway.jar" --server.port="$PORT_C" \
    --upstream.url="http://127.0.0.1:$PORT_A" >"$TMP/plain-gateway.log" 2>&1 &
  PIDS+=($!)
  PLAIN_PID=$!
  URL[c]="http://127.0.0.1:$PORT_C$REQUEST_PATH"
  CONTENDERS+=(c)
  wait_ready plain-gateway "${URL[c]}" "$PLAIN_PID" 120
fi
wanted d && CONTENDERS+=(d)

if [[ $SKIP_PROXY != 1 ]]; then
  wait_ready proxy "${URL[b]}" "$PROXY_PID" 120
  wanted f && wait_ready proxy-before "${URL[f]}" "$BEFORE_PID" 120
  if wanted e; then
    # Two failed calls open the breaker; from then on the rule's requests go to the monolith.
    for _ in 1 2 3; do curl -fsS -m 5 -o /dev/null "${URL[e]}" || die "open-breaker route failed"; done
    curl -fsS -m 2 -u bench:bench "http://127.0.0.1:$PORT_B_MGMT/actuator/prometheus" |
      grep -qE 'strangler_fallbacks_total\{reason="circuit_open",route="open-breaker"\} [1-9]' ||
      die "the open-breaker rule's breaker did not open (log: $TMP/proxy.log)"
    CONTENDERS+=(e)
  fi
fi

# ---------------------------------------------------------------------------------------------
# wrk helpers
# ---------------------------------------------------------------------------------------------
FAILED=()

# to_ms VALUE  (wrk prints e.g. 812.00us, 1.23ms, 1.05s, 1.00m)
to_ms() {
  awk -v v="$1" 'BEGIN {
    if (match(v, /^[0-9.]+/) == 0) { print "nan"; exit }
    n = substr(v, 1, RLENGTH); u = substr(v, RLENGTH + 1)
    f = (u == "us") ? 0.001 : (u == "ms") ? 1 : (u == "s") ? 1000 : (u == "m") ? 60000 : (u == "h") ? 3600000 : -1
    if (f < 0) { print "nan"; exit }
    printf "%.3f", n * f
  }'
}

# run_wrk KEY OUTFILE CONNECTIONS DURATION URL [wrk args...]; sets W_RPS W_P50 W_P99 (ms)
run_wrk() {
  local key=$1 out=$2 conns=$3 dur=$4 url=$5
  shift 5
  check_budget $((dur + 2))
  if ! timeout $((dur + 30)) wrk -t"$THREADS" -c"$conns" -d"${dur}s" --latency "$url" "$@" >"$out" 2>&1; then
    cat "$out" >&2
    die "wrk failed against $url"
  fi
  W_RPS=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
  W_P50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
  W_P99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
  [[ -n $W_RPS && $W_P50 != nan && $W_P99 != nan ]] || { cat "$out" >&2; die "cannot parse wrk output ($out)"; }
  if grep -qE 'Socket errors|Non-2xx or 3xx responses' "$out"; then
    log "FAIL ${NAME[$key]}: $(grep -E 'Socket errors|Non-2xx or 3xx responses' "$out" | tr -s ' ' | paste -sd ';')"
    FAILED+=("$key:$(basename "$out" .txt)")
  fi
}

median() { # numbers...
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "nan"; exit }
    if (NR % 2) printf "%.3f", v[(NR + 1) / 2]; else printf "%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
calc() { awk "BEGIN { printf \"%.${2:-2}f\", $1 }"; }

# ---------------------------------------------------------------------------------------------
# Warm-up
# ---------------------------------------------------------------------------------------------
log "machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)"
log "$(nginx -v 2>&1), $(wrk -v 2>&1 | awk 'NR == 1 { print $1, $2 }'), java $(java -version 2>&1 | head -n 1)"
log "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) (other processes on this machine skew the figures)"
log "config: ${CONNS} connections, ${THREADS} threads, ${DURATION}s x ${ROUNDS} rounds; warm-up ${WARMUP}s;" \
  "nginx worker_processes ${NGINX_WORKERS}; JVM: ${JVM_OPTS}"
for k in "${CONTENDERS[@]}"; do
  [[ $k == b || $k == c || $k == f ]] || continue
  log "warming up ${NAME[$k]} (${WARMUP}s)"
  run_wrk "$k" "$TMP/warmup-$k.txt" "$CONNS" "$WARMUP" "${URL[$k]}"
done

# ---------------------------------------------------------------------------------------------
# Phase 1: peak throughput, interleaved rounds
# ---------------------------------------------------------------------------------------------
declare -A RPS P50 P99
for r in $(seq 1 "$ROUNDS"); do
  for k in "${CONTENDERS[@]}"; do
    run_wrk "$k" "$TMP/peak-$k-$r.txt" "$CONNS" "$DURATION" "${URL[$k]}"
    RPS[$k]+="$W_RPS "
    P50[$k]+="$W_P50 "
    P99[$k]+="$W_P99 "
    log "round $r/$ROUNDS ${NAME[$k]}: ${W_RPS} req/s, p50 ${W_P50} ms, p99 ${W_P99} ms"
  done
done

declare -A M_RPS M_P50 M_P99
for k in "${CONTENDERS[@]}"; do
  # shellcheck disable=SC2086
  M_RPS[$k]=$(median ${RPS[$k]})
  # shellcheck disable=SC2086
  M_P50[$k]=$(median ${P50[$k]})
  # shellcheck disable=SC2086
  M_P99[$k]=$(median ${P99[$k]})
done

echo
echo "Peak throughput: wrk -t${THREADS} -c${CONNS} -d${DURATION}s, median of ${ROUNDS} interleaved rounds"
echo
printf '| %-22s | %10s | %9s | %9s | %9s |\n' "contender" "req/s" "p50 ms" "p99 ms" "vs (a)"
printf '|%s|%s|%s|%s|%s|\n' "------------------------" "-----------:" "----------:" "----------:" "----------:"
for k in a b c d e f; do
  if [[ -z ${M_RPS[$k]:-} ]]; then
    printf '| %-22s | %10s | %9s | %9s | %9s |\n' "${NAME[$k]}" "skipped" "-" "-" "-"
    continue
  fi
  printf '| %-22s | %10.0f | %9.2f | %9.2f | %9s |\n' "${NAME[$k]}" "${M_RPS[$k]}" "${M_P50[$k]}" \
    "${M_P99[$k]}" "$(calc "${M_RPS[$k]} / ${M_RPS[a]}")"
done
echo
ratio() { # label numerator-key denominator-key
  if [[ -n ${M_RPS[$2]:-} && -n ${M_RPS[$3]:-} ]]; then
    echo "$1 ($2)/($3) req/s: $(calc "${M_RPS[$2]} / ${M_RPS[$3]}")"
  else
    echo "$1 ($2)/($3) req/s: n/a (not run)"
  fi
}
ratio "ours vs plain SCG  " b c
ratio "ours vs nginx proxy" b d
ratio "plain SCG vs nginx " c d
ratio "breaker open vs passthrough" e b
wanted f && ratio "ours now vs before" b f && ratio "before vs plain SCG " f c

# ---------------------------------------------------------------------------------------------
# Phase 2: p99 at a fixed rate
# ---------------------------------------------------------------------------------------------
slowest=${M_RPS[a]}
for k in "${CONTENDERS[@]}"; do
  slowest=$(calc "(${M_RPS[$k]} < $slowest) ? ${M_RPS[$k]} : $slowest" 3)
done
RATE=$(calc "$slowest * $RATE_FRACTION" 0)
((RATE >= THREADS)) || die "target rate $RATE too low"
RATE_CONNS=$(calc "$RATE * $RATE_HEADROOM_MS / 1000" 0)
((RATE_CONNS < CONNS)) && RATE_CONNS=$CONNS
RATE_CONNS=$(((RATE_CONNS + THREADS - 1) / THREADS * THREADS))
log "phase 2: ${RATE} req/s (= ${RATE_FRACTION} x slowest median ${slowest}), ${RATE_CONNS} connections"

declare -A R_RPS R_P99
for r in $(seq 1 "$RATE_ROUNDS"); do
  for k in "${CONTENDERS[@]}"; do
    run_wrk "$k" "$TMP/rate-$k-$r.txt" "$RATE_CONNS" "$RATE_DURATION" "${URL[$k]}" \
      -s "$BENCH_DIR/wrk-fixed-rate.lua" -- "$RATE" "$THREADS"
    R_RPS[$k]+="$W_RPS "
    R_P99[$k]+="$W_P99 "
    log "rate round $r/$RATE_ROUNDS ${NAME[$k]}: achieved ${W_RPS} req/s, p99 ${W_P99} ms"
  done
done

echo
echo "Fixed rate ${RATE} req/s (${RATE_FRACTION} x slowest peak), ${RATE_CONNS} connections, ${RATE_DURATION}s," \
  "median of ${RATE_ROUNDS} interleaved rounds"
echo
printf '| %-22s | %13s | %9s | %14s |\n' "contender" "achieved req/s" "p99 ms" "added p99 ms"
printf '|%s|%s|%s|%s|\n' "------------------------" "---------------:" "----------:" "---------------:"
LOW_RATE=()
declare -A MR_P99
for k in a b c d e f; do
  if [[ -z ${R_RPS[$k]:-} ]]; then
    printf '| %-22s | %14s | %9s | %14s |\n' "${NAME[$k]}" "skipped" "-" "-"
    continue
  fi
  # shellcheck disable=SC2086
  ach=$(median ${R_RPS[$k]})
  # shellcheck disable=SC2086
  MR_P99[$k]=$(median ${R_P99[$k]})
  added="-"
  [[ $k != a ]] && added=$(calc "${MR_P99[$k]} - ${MR_P99[a]}")
  printf '| %-22s | %14.0f | %9.2f | %14s |\n' "${NAME[$k]}" "$ach" "${MR_P99[$k]}" "$added"
  [[ $(calc "$ach < 0.95 * $RATE" 0) == 1 ]] && LOW_RATE+=("$k")
done
echo
if [[ -n ${MR_P99[b]:-} ]]; then
  echo "added p99 of ours over direct, (b)-(a): $(calc "${MR_P99[b]} - ${MR_P99[a]}") ms at ${RATE} req/s"
else
  echo "added p99 of ours over direct, (b)-(a): n/a (proxy skipped)"
fi
if [[ -n ${MR_P99[f]:-} && -n ${MR_P99[b]:-} ]]; then
  echo "added p99 of before over direct, (f)-(a): $(calc "${MR_P99[f]} - ${MR_P99[a]}") ms at ${RATE} req/s"
fi
if [[ -n ${MR_P99[e]:-} && -n ${MR_P99[b]:-} ]]; then
  echo "p99 breaker open vs passthrough, (e)/(b): $(calc "${MR_P99[e]} / ${MR_P99[b]}") at ${RATE} req/s"
fi
((${#LOW_RATE[@]})) &&
  log "WARNING: achieved rate below 95% of target for: ${LOW_RATE[*]} (latency figures are then not at the target rate)"

log "measuring took $((SECONDS - START_TS))s; load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
if ((${#FAILED[@]})); then
  log "FAILED: socket errors or non-2xx/3xx responses in: ${FAILED[*]}"
  exit 2
fi
