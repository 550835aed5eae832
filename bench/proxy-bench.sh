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
#          bench/wrk-fixed-rate.lua (wrk2 is not packaged in Debian); reports median p99, the
#          p99 added over (a), and the CPU each contender's process spent per request (utime+stime
#          from /proc/<pid>/stat around each run, divided by the requests wrk counted; for (d) the
#          nginx processes' CPU minus what (a)'s run of the same round cost per request, since one
#          nginx serves both).
# Phase 3: the resident memory (VmRSS) of (b), (c) and (f) before and with BENCH_IDLE_CONNECTIONS
#          idle keep-alive connections, each opened by one answered request and checked open
#          afterwards by a second one.
#
# BENCH_SMOKE=1: a quick check that the whole benchmark still runs (CI runs it): a few seconds
# per contender, one round per phase, no figure asserted; the exit codes are the same.
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
#   BENCH_IDLE_CONNECTIONS [1000]: idle keep-alive connections of phase 3 (0 = skip phase 3)
#   BENCH_SMOKE [0]: 1 = smoke mode; its defaults: 2 s runs, 3 s warm-up, 1 round each phase,
#                    BENCH_MAX_SECONDS 240, wrk --timeout 10s (any but the last can still be set)
set -Eeuo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_DIR="$ROOT/bench"

SMOKE=${BENCH_SMOKE:-0}
if [[ $SMOKE == 1 ]]; then
  # Short enough for CI, long enough that a cold JVM answers every request of a run.
  d_dur=2 d_warm=3 d_rounds=1 d_max=240
  # A cold JVM on a busy machine may stall past wrk's default 2 s timeout, which would count as a
  # socket error although nothing is broken.
  WRK_TIMEOUT=(--timeout 10s)
else
  d_dur=10 d_warm=30 d_rounds=3 d_max=540
  WRK_TIMEOUT=()
fi
CONNS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}
DURATION=${BENCH_DURATION:-$d_dur}
WARMUP=${BENCH_WARMUP:-$d_warm}
ROUNDS=${BENCH_ROUNDS:-$d_rounds}
RATE_ROUNDS=${BENCH_RATE_ROUNDS:-$d_rounds}
RATE_DURATION=${BENCH_RATE_DURATION:-$d_dur}
RATE_FRACTION=${BENCH_RATE_FRACTION:-0.5}
RATE_HEADROOM_MS=${BENCH_RATE_HEADROOM_MS:-20}
NGINX_WORKERS=${BENCH_NGINX_WORKERS:-1}
JVM_OPTS=${BENCH_JVM_OPTS:--Xms256m -Xmx256m}
SKIP_PROXY=${BENCH_SKIP_PROXY:-0}
PROXY_JAR=${BENCH_PROXY_JAR:-$ROOT/proxy-app/target/proxy-app-0.1.0-SNAPSHOT.jar}
PLAIN_JAR=${BENCH_PLAIN_JAR:-$ROOT/bench/plain-gateway/target/plain-gateway-0.1.0-SNAPSHOT.jar}
PROXY_ARGS=${BENCH_PROXY_ARGS:-}
REBUILD=${BENCH_REBUILD:-0}
MAX_SECONDS=${BENCH_MAX_SECONDS:-$d_max}
IDLE_CONNS=${BENCH_IDLE_CONNECTIONS:-1000}
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
# Debian installs nginx in /usr/sbin, which a user's PATH may lack.
NGINX=$(command -v nginx 2>/dev/null || echo /usr/sbin/nginx)
missing=()
for tool in wrk java curl getconf; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
[[ -x $NGINX ]] || missing+=(nginx)
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
[[ $IDLE_CONNS =~ ^[0-9]+$ ]] || die "BENCH_IDLE_CONNECTIONS must be a non-negative integer (got '$IDLE_CONNS')"
[[ -r /proc/self/stat && -r /proc/self/status ]] || die "/proc is needed for the CPU and memory figures"
CLK_TCK=$(getconf CLK_TCK)
[[ $CLK_TCK =~ ^[0-9]+$ && $CLK_TCK -gt 0 ]] || die "getconf CLK_TCK gave '$CLK_TCK'"
# Phase 3's connections, each with its upstream connection on the proxy's side, and wrk's: raise
# the soft descriptor limit to the hard one for this script and its children (the proxy lowers
# its connection caps to what its limit allows, see phase 3).
hard_fds=$(ulimit -Hn)
[[ $hard_fds == unlimited ]] && hard_fds=1048576
((hard_fds > $(ulimit -Sn))) && { ulimit -Sn "$hard_fds" || log "could not raise ulimit -n to $hard_fds"; }

if [[ $SMOKE == 1 ]]; then
  log "SMOKE mode: every figure is from runs too short to mean anything; only the exit code counts"
fi

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
"$NGINX" -p "$TMP/nginx" -c "$TMP/nginx.conf" -e "$TMP/nginx/error.log" -t -q ||
  die "nginx config test failed"
"$NGINX" -p "$TMP/nginx" -c "$TMP/nginx.conf" -e "$TMP/nginx/error.log" >"$TMP/nginx.log" 2>&1 &
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

# The proxy's Prometheus scrape, read whole first: a reader that stops at its first match would
# make curl fail on the closed pipe (exit 23), and pipefail would call the check failed.
scrape() { curl -fsS -m 10 -u bench:bench "http://127.0.0.1:$PORT_B_MGMT/actuator/prometheus"; }
if [[ $SKIP_PROXY != 1 ]]; then
  wait_ready proxy "${URL[b]}" "$PROXY_PID" 120
  wanted f && wait_ready proxy-before "${URL[f]}" "$BEFORE_PID" 120
  if wanted e; then
    # Two failed calls open the breaker; from then on the rule's requests go to the monolith.
    for _ in 1 2 3; do curl -fsS -m 5 -o /dev/null "${URL[e]}" || die "open-breaker route failed"; done
    grep -qE 'strangler_fallbacks_total\{reason="circuit_open",route="open-breaker"\} [1-9]' \
      <<<"$(scrape)" || die "the open-breaker rule's breaker did not open (log: $TMP/proxy.log)"
    CONTENDERS+=(e)
  fi
  if ((IDLE_CONNS > 0)); then
    # Phase 3's connections all come from 127.0.0.1, so they must fit the proxy's per-client cap:
    # by default a quarter of strangler.server.max-connections as lowered to the descriptor limit
    # (docs/timeouts-and-limits.md). The gauge shows the lowered total; the bench leaves the caps
    # at their defaults unless BENCH_PROXY_ARGS sets them.
    metrics=$(scrape) || die "cannot read strangler_connections_max from the proxy"
    conn_max=$(awk '/^strangler_connections_max[ {]/ { printf "%d", $NF; exit }' <<<"$metrics")
    [[ -n $conn_max ]] || die "the proxy exports no strangler_connections_max gauge"
    per_client=$((conn_max / 4))
    if [[ $PROXY_ARGS =~ max-connections-per-client=([0-9]+) ]]; then # as set, at most the total
      per_client=$((BASH_REMATCH[1] < conn_max ? BASH_REMATCH[1] : conn_max))
    fi
    log "proxy connection caps: max-connections ${conn_max} (after ulimit -n $(ulimit -n)), per client ${per_client}"
    ((per_client >= IDLE_CONNS)) || die "phase 3's ${IDLE_CONNS} connections from one client do not fit the" \
      "proxy's per-client cap of ${per_client}: raise ulimit -n, pass" \
      "BENCH_PROXY_ARGS=--strangler.server.max-connections-per-client=N, or lower BENCH_IDLE_CONNECTIONS"
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

# run_wrk KEY OUTFILE CONNECTIONS DURATION URL [wrk args...]; sets W_RPS W_P50 W_P99 (ms), W_REQS
run_wrk() {
  local key=$1 out=$2 conns=$3 dur=$4 url=$5
  shift 5
  check_budget $((dur + 2))
  if ! timeout $((dur + 30)) wrk -t"$THREADS" -c"$conns" -d"${dur}s" "${WRK_TIMEOUT[@]}" --latency "$url" "$@" >"$out" 2>&1; then
    cat "$out" >&2
    die "wrk failed against $url"
  fi
  W_RPS=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
  W_P50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
  W_P99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
  W_REQS=$(awk '$2 == "requests" && $3 == "in" { print $1; exit }' "$out")
  [[ -n $W_RPS && $W_P50 != nan && $W_P99 != nan && $W_REQS =~ ^[0-9]+$ && $W_REQS -gt 0 ]] || { cat "$out" >&2; die "cannot parse wrk output ($out)"; }
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
calc() { awk "BEGIN { printf \"%.${2:-2}f\", ($1) }"; } # parenthesised: a bare > would redirect

# The processes whose CPU counts for a contender: the JVM, or nginx (its master and workers).
cpu_pids() {
  case $1 in
    b | e) echo "$PROXY_PID" ;;
    c) echo "$PLAIN_PID" ;;
    f) echo "$BEFORE_PID" ;;
    a | d) echo "$NGINX_PID" $(pgrep -P "$NGINX_PID") ;;
  esac
}
# cpu_ticks PID...: their utime + stime (fields 14 and 15 of /proc/PID/stat, after the command
# name in parentheses, which may hold spaces), in clock ticks.
cpu_ticks() {
  local ticks=0 pid stat
  local -a f
  for pid in "$@"; do
    stat=$(<"/proc/$pid/stat") || die "cannot read /proc/$pid/stat"
    read -r -a f <<<"${stat##*) }"
    ticks=$((ticks + f[11] + f[12]))
  done
  echo "$ticks"
}

# ---------------------------------------------------------------------------------------------
# Warm-up
# ---------------------------------------------------------------------------------------------
log "machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)"
log "$("$NGINX" -v 2>&1), $(wrk -v 2>&1 | awk 'NR == 1 { print $1, $2 }'), java $(java -version 2>&1 | head -n 1)"
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

declare -A R_RPS R_P99 R_CPU
for r in $(seq 1 "$RATE_ROUNDS"); do
  for k in "${CONTENDERS[@]}"; do
    # shellcheck disable=SC2046
    ticks_before=$(cpu_ticks $(cpu_pids "$k"))
    run_wrk "$k" "$TMP/rate-$k-$r.txt" "$RATE_CONNS" "$RATE_DURATION" "${URL[$k]}" \
      -s "$BENCH_DIR/wrk-fixed-rate.lua" -- "$RATE" "$THREADS"
    # shellcheck disable=SC2046
    ticks_after=$(cpu_ticks $(cpu_pids "$k"))
    cpu_us=$(calc "($ticks_after - $ticks_before) * 1000000 / $CLK_TCK / $W_REQS" 1)
    # (a) and (d) share one nginx: (d)'s proxying is what it spent beyond (a)'s origin work per
    # request in the same round (a runs first in every round).
    [[ $k == d ]] && cpu_us=$(calc "$cpu_us - $cpu_a" 1)
    [[ $k == a ]] && cpu_a=$cpu_us
    R_RPS[$k]+="$W_RPS "
    R_P99[$k]+="$W_P99 "
    R_CPU[$k]+="$cpu_us "
    log "rate round $r/$RATE_ROUNDS ${NAME[$k]}: achieved ${W_RPS} req/s, p99 ${W_P99} ms, CPU ${cpu_us} us/req"
  done
done

echo
echo "Fixed rate ${RATE} req/s (${RATE_FRACTION} x slowest peak), ${RATE_CONNS} connections, ${RATE_DURATION}s," \
  "median of ${RATE_ROUNDS} interleaved rounds"
echo
printf '| %-22s | %13s | %9s | %14s | %11s |\n' "contender" "achieved req/s" "p99 ms" "added p99 ms" "CPU us/req"
printf '|%s|%s|%s|%s|%s|\n' "------------------------" "---------------:" "----------:" "---------------:" "------------:"
LOW_RATE=()
declare -A MR_P99 MR_CPU
for k in a b c d e f; do
  if [[ -z ${R_RPS[$k]:-} ]]; then
    printf '| %-22s | %14s | %9s | %14s | %11s |\n' "${NAME[$k]}" "skipped" "-" "-" "-"
    continue
  fi
  # shellcheck disable=SC2086
  ach=$(median ${R_RPS[$k]})
  # shellcheck disable=SC2086
  MR_P99[$k]=$(median ${R_P99[$k]})
  # shellcheck disable=SC2086
  MR_CPU[$k]=$(median ${R_CPU[$k]})
  added="-"
  [[ $k != a ]] && added=$(calc "${MR_P99[$k]} - ${MR_P99[a]}")
  printf '| %-22s | %14.0f | %9.2f | %14s | %11.1f |\n' "${NAME[$k]}" "$ach" "${MR_P99[$k]}" "$added" "${MR_CPU[$k]}"
  [[ $(calc "$ach < 0.95 * $RATE" 0) == 1 ]] && LOW_RATE+=("$k")
done
echo
echo "CPU us/req: utime+stime of the contender's process(es) over the run / requests wrk counted;" \
  "(a) = the nginx worker as origin, (d) = nginx minus (a)'s per-request CPU of the same round" \
  "(one nginx serves both), (b) and (e) = the same JVM."
cpu_ratio() { # label numerator-key denominator-key
  if [[ -n ${MR_CPU[$2]:-} && -n ${MR_CPU[$3]:-} ]] && [[ $(calc "${MR_CPU[$3]} > 0" 0) == 1 ]]; then
    echo "CPU per request $1 ($2)/($3): $(calc "${MR_CPU[$2]} / ${MR_CPU[$3]}")"
  else
    echo "CPU per request $1 ($2)/($3): n/a"
  fi
}
cpu_ratio "ours vs plain SCG  " b c
cpu_ratio "ours vs nginx proxy" b d
cpu_ratio "plain SCG vs nginx " c d
wanted e && cpu_ratio "breaker open vs passthrough" e b
wanted f && cpu_ratio "ours now vs before" b f
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

# ---------------------------------------------------------------------------------------------
# Phase 3: resident memory with idle keep-alive connections
# ---------------------------------------------------------------------------------------------
# A single-file Java program (run by `java File.java`, so the bench needs nothing besides the JDK)
# opens the connections one after another, each answered once, keeps them all open while it reads
# the server's VmRSS, then asks once more on each to show that none was closed meanwhile.
write_idle_client() {
  cat >"$TMP/IdleConnections.java" <<'JAVA'
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Args: COUNT PATH SECONDS NAME:PID:PORT...; prints "NAME RSS_BEFORE_KB RSS_WITH_KB" per target. */
public class IdleConnections {
  record Connection(Socket socket, InputStream in, OutputStream out) {}

  public static void main(String[] args) throws IOException {
    int count = Integer.parseInt(args[0]);
    byte[] request = ("GET " + args[1] + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
    long deadline = System.nanoTime() + Long.parseLong(args[2]) * 1_000_000_000L;
    for (int i = 3; i < args.length; i++) {
      String[] target = args[i].split(":");
      long pid = Long.parseLong(target[1]);
      int port = Integer.parseInt(target[2]);
      long before = rssKb(pid);
      List<Connection> open = new ArrayList<>(count);
      try {
        for (int n = 1; n <= count; n++) {
          Socket socket = new Socket();
          open.add(new Connection(socket, null, null));
          socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
          socket.setSoTimeout(10_000);
          Connection c = new Connection(socket, new BufferedInputStream(socket.getInputStream()),
              socket.getOutputStream());
          open.set(n - 1, c);
          exchange(c, request, target[0] + " connection " + n, deadline);
        }
        long with = rssKb(pid);
        for (int n = 0; n < count; n++) {
          exchange(open.get(n), request, target[0] + " connection " + (n + 1) + ", 2nd request", deadline);
        }
        System.out.println(target[0] + " " + before + " " + with);
      } finally {
        for (Connection c : open) {
          c.socket().close();
        }
      }
    }
  }

  /** Sends one request and reads its whole answer, which must be 200 and keep the connection. */
  static void exchange(Connection c, byte[] request, String what, long deadline) throws IOException {
    if (System.nanoTime() > deadline) {
      throw new IllegalStateException("time limit reached at " + what);
    }
    c.out().write(request);
    c.out().flush();
    String status = line(c.in(), what);
    long length = -1;
    boolean chunked = false;
    for (String header = line(c.in(), what); !header.isEmpty(); header = line(c.in(), what)) {
      String h = header.toLowerCase(Locale.ROOT);
      if (h.startsWith("content-length:")) {
        length = Long.parseLong(h.substring(15).trim());
      } else if (h.startsWith("transfer-encoding:") && h.endsWith("chunked")) {
        chunked = true;
      } else if (h.startsWith("connection:") && h.contains("close")) {
        throw new IllegalStateException(what + ": the server closes the connection (" + header + ")");
      }
    }
    if (!status.startsWith("HTTP/1.1 200 ")) {
      throw new IllegalStateException(what + ": answered " + status);
    }
    if (chunked) {
      for (long size; (size = Long.parseLong(line(c.in(), what).split(";")[0].trim(), 16)) > 0; ) {
        skip(c.in(), size + 2, what);
      }
      line(c.in(), what);
    } else if (length >= 0) {
      skip(c.in(), length, what);
    } else {
      throw new IllegalStateException(what + ": an answer without a length");
    }
  }

  static String line(InputStream in, String what) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int b; (b = in.read()) != '\n'; ) {
      if (b < 0) {
        throw new IllegalStateException(what + ": the server closed the connection");
      }
      if (b != '\r') {
        bytes.write(b);
      }
    }
    return bytes.toString(StandardCharsets.ISO_8859_1);
  }

  static void skip(InputStream in, long n, String what) throws IOException {
    for (long left = n; left > 0; left--) {
      if (in.read() < 0) {
        throw new IllegalStateException(what + ": the server closed the connection mid-body");
      }
    }
  }

  static long rssKb(long pid) throws IOException {
    for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (l.startsWith("VmRSS:")) {
        return Long.parseLong(l.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmRSS in /proc/" + pid + "/status");
  }
}
JAVA
}

declare -A RSS_BEFORE RSS_WITH
if ((IDLE_CONNS > 0)); then
  idle_targets=()
  for k in b c f; do
    case $k in
      b) [[ -n ${PROXY_PID:-} ]] && wanted b && idle_targets+=("b:$PROXY_PID:$PORT_B") ;;
      c) [[ -n ${PLAIN_PID:-} ]] && idle_targets+=("c:$PLAIN_PID:$PORT_C") ;;
      f) [[ -n ${BEFORE_PID:-} ]] && idle_targets+=("f:$BEFORE_PID:$PORT_F") ;;
    esac
  done
  if ((${#idle_targets[@]})); then
    # The JVM's start and compile, then two requests per connection (a few thousand a second).
    idle_limit=$((20 + IDLE_CONNS * ${#idle_targets[@]} / 100))
    check_budget "$idle_limit"
    write_idle_client
    log "phase 3: ${IDLE_CONNS} idle keep-alive connections to each of ${idle_targets[*]%%:*}"
    timeout $((idle_limit + 10)) java -Xshare:auto -XX:TieredStopAtLevel=1 "$TMP/IdleConnections.java" \
      "$IDLE_CONNS" "$REQUEST_PATH" "$idle_limit" "${idle_targets[@]}" >"$TMP/idle.txt" 2>"$TMP/idle.err" || {
      cat "$TMP/idle.err" >&2
      die "phase 3 (idle connections) failed"
    }
    while read -r k before with; do
      RSS_BEFORE[$k]=$before
      RSS_WITH[$k]=$with
    done <"$TMP/idle.txt"
    echo "Resident memory (VmRSS) with ${IDLE_CONNS} idle keep-alive connections from one client," \
      "each answered once, after the phases above"
    echo
    printf '| %-22s | %10s | %9s | %9s | %15s |\n' "contender" "before MiB" "with MiB" "added MiB" "KiB/connection"
    printf '|%s|%s|%s|%s|%s|\n' "------------------------" "-----------:" "----------:" "----------:" "----------------:"
    for k in b c f; do
      [[ -n ${RSS_WITH[$k]:-} ]] || continue
      added=$((RSS_WITH[$k] - RSS_BEFORE[$k]))
      printf '| %-22s | %10.1f | %9.1f | %9.1f | %15.1f |\n' "${NAME[$k]}" "$(calc "${RSS_BEFORE[$k]} / 1024" 1)" \
        "$(calc "${RSS_WITH[$k]} / 1024" 1)" "$(calc "$added / 1024" 1)" "$(calc "$added / $IDLE_CONNS" 1)"
    done
    echo
    if [[ -n ${RSS_WITH[b]:-} && -n ${RSS_WITH[c]:-} ]]; then
      echo "RSS with the connections, ours vs plain SCG (b)/(c): $(calc "${RSS_WITH[b]} / ${RSS_WITH[c]}")"
    fi
  fi
fi

log "measuring took $((SECONDS - START_TS))s; load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
if ((${#FAILED[@]})); then
  log "FAILED: socket errors or non-2xx/3xx responses in: ${FAILED[*]}"
  exit 2
fi
