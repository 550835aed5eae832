#!/usr/bin/env bash
# Starts the demo on this machine, loopback only, no AWS account and no Docker:
# the legacy monolith, and the strangler proxy in front of it.
# Ctrl-C stops both. DEMO_SMOKE=1 starts, checks one request through the proxy, and stops.
set -euo pipefail
cd "$(dirname "$0")"

PROXY_PORT=${PROXY_PORT:-8080}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-9901}
MONOLITH_PORT=${MONOLITH_PORT:-8081}
VERSION=0.1.0-SNAPSHOT
MONOLITH_JAR=legacy-demo-monolith/target/legacy-demo-monolith-$VERSION-exec.jar
PROXY_JAR=proxy-app/target/proxy-app-$VERSION.jar
LOGS=.demo
mkdir -p "$LOGS"

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Answers 0 when http://127.0.0.1:PORT/PATH returns a 2xx status.
http_ok() {
  local status
  exec 3<>"/dev/tcp/127.0.0.1/$1" || return 1
  printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "$2" >&3
  read -r -t 5 _ status _ <&3 || { exec 3>&-; return 1; }
  exec 3>&-
  [[ $status == 2* ]]
}

for port in "$PROXY_PORT" "$MANAGEMENT_PORT" "$MONOLITH_PORT"; do
  if port_in_use "$port"; then
    echo "demo: port $port on 127.0.0.1 is already in use; stop what uses it or set" \
      "PROXY_PORT / MANAGEMENT_PORT / MONOLITH_PORT" >&2
    exit 1
  fi
done

echo "demo: building (the first run downloads dependencies, later runs take seconds)..."
./mvnw -q -B -DskipTests package -pl legacy-demo-monolith,proxy-app -am

pids=()
cleanup() {
  if ((${#pids[@]})); then
    kill "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

java -Xmx256m -jar "$MONOLITH_JAR" --server.address=127.0.0.1 --server.port="$MONOLITH_PORT" \
  >"$LOGS/monolith.log" 2>&1 &
pids+=($!)
java -Xmx256m -Daws.disableEc2Metadata=true -jar "$PROXY_JAR" \
  --strangler.monolith.url="http://127.0.0.1:$MONOLITH_PORT" \
  --server.address=127.0.0.1 --server.port="$PROXY_PORT" \
  --management.server.address=127.0.0.1 --management.server.port="$MANAGEMENT_PORT" \
  >"$LOGS/proxy.log" 2>&1 &
pids+=($!)

wait_for() { # name port path log
  for _ in $(seq 1 240); do
    http_ok "$2" "$3" && return 0
    if ! kill -0 "${pids[@]}" 2>/dev/null; then break; fi
    sleep 0.5
  done
  echo "demo: the $1 did not start; the end of $4:" >&2
  tail -n 30 "$4" >&2
  exit 1
}
wait_for monolith "$MONOLITH_PORT" /api/products "$LOGS/monolith.log"
wait_for proxy "$MANAGEMENT_PORT" /actuator/health "$LOGS/proxy.log"
http_ok "$PROXY_PORT" /api/products/1 || { echo "demo: the proxy did not forward a request" >&2; exit 1; }

cat <<MSG

The demo is running (logs in $LOGS/). Through the proxy:
  http://127.0.0.1:$PROXY_PORT/                        the shop's home page and guestbook form
  http://127.0.0.1:$PROXY_PORT/api/products?category=books&page=0&size=5
  http://127.0.0.1:$PROXY_PORT/api/products/1
  http://127.0.0.1:$PROXY_PORT/api/debug/request?x=1   what the monolith sees (X-Forwarded-*)
The monolith directly:   http://127.0.0.1:$MONOLITH_PORT/
Proxy health / metrics:  http://127.0.0.1:$MANAGEMENT_PORT/actuator/health
                         http://127.0.0.1:$MANAGEMENT_PORT/actuator/prometheus

Press Ctrl-C to stop.
MSG

if [[ ${DEMO_SMOKE:-0} == 1 ]]; then
  echo "demo: smoke check passed"
  exit 0
fi
wait -n "${pids[@]}"
echo "demo: a process exited; see $LOGS/" >&2
exit 1
