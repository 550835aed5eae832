#!/usr/bin/env bash
# Starts the demo on this machine, loopback only, no AWS account and no Docker: the legacy
# monolith (serving its database to the functions), the local Lambda runtime with the built
# functions, and the strangler proxy in front of both with the demo's route file.
# Ctrl-C stops everything. DEMO_SMOKE=1 starts, checks both backends, and stops.
set -euo pipefail
cd "$(dirname "$0")"

PROXY_PORT=${PROXY_PORT:-8080}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-9901}
MONOLITH_PORT=${MONOLITH_PORT:-8081}
LAMBDA_PORT=${LAMBDA_PORT:-3001}
DB_PORT=9092
VERSION=0.1.0-SNAPSHOT
MONOLITH_JAR=legacy-demo-monolith/target/legacy-demo-monolith-$VERSION-exec.jar
RUNTIME_JAR=functions/local-runtime/target/local-runtime-$VERSION.jar
PROXY_JAR=proxy-app/target/proxy-app-$VERSION.jar
LOGS=.demo
mkdir -p "$LOGS"

port_in_use() { { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null && exec 3>&-; }

# Answers 0 when http://127.0.0.1:PORT/PATH returns a 2xx status.
http_ok() {
  local status
  { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
  printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "$2" >&3
  read -r -t 5 _ status _ <&3 || { exec 3>&-; return 1; }
  exec 3>&-
  [[ $status == 2* ]]
}

for port in "$PROXY_PORT" "$MANAGEMENT_PORT" "$MONOLITH_PORT" "$LAMBDA_PORT" "$DB_PORT"; do
  if port_in_use "$port"; then
    echo "demo: port $port on 127.0.0.1 is already in use; stop what uses it or set" \
      "PROXY_PORT / MANAGEMENT_PORT / MONOLITH_PORT / LAMBDA_PORT (9092 serves the database)" >&2
    exit 1
  fi
done

echo "demo: building (the first run downloads dependencies, later runs take seconds)..."
./mvnw -q -B -DskipTests package -pl legacy-demo-monolith,functions/shop-functions,functions/local-runtime,proxy-app -am
# The route file you edit while the demo runs; the proxy reloads it on every save.
[[ -f "$LOGS/routes.yaml" ]] || cp route-rules/src/main/resources/demo/routes.yaml "$LOGS/routes.yaml"

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
  --spring.profiles.active=shared-db >"$LOGS/monolith.log" 2>&1 &
pids+=($!)
java -Xmx512m -jar "$RUNTIME_JAR" --template functions/template.yaml --host 127.0.0.1 \
  --port "$LAMBDA_PORT" --parameter "DbUrl=jdbc:h2:tcp://127.0.0.1:$DB_PORT/mem:shop" \
  >"$LOGS/lambda.log" 2>&1 &
pids+=($!)
java -Xmx256m -Daws.disableEc2Metadata=true -jar "$PROXY_JAR" \
  --strangler.monolith.url="http://127.0.0.1:$MONOLITH_PORT" \
  --server.address=127.0.0.1 --server.port="$PROXY_PORT" \
  --management.server.address=127.0.0.1 --management.server.port="$MANAGEMENT_PORT" \
  --strangler.rules.file="$LOGS/routes.yaml" \
  --strangler.lambda.endpoint="http://127.0.0.1:$LAMBDA_PORT" --strangler.lambda.credentials=anonymous \
  --strangler.backend-header=X-Strangler-Backend --strangler.canary.override-header=X-Canary-Override \
  --strangler.admin.viewer.username=demo --strangler.admin.viewer.password='{noop}demo' \
  --strangler.admin.operator.username=ops --strangler.admin.operator.password='{noop}ops' \
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
wait_for "Lambda runtime" "$LAMBDA_PORT" /_local/health "$LOGS/lambda.log"
wait_for proxy "$MANAGEMENT_PORT" /actuator/health "$LOGS/proxy.log"
http_ok "$PROXY_PORT" /api/products/1 || { echo "demo: the proxy did not forward a request" >&2; exit 1; }

cat <<MSG

The demo is running (logs in $LOGS/). Through the proxy:
  http://127.0.0.1:$PROXY_PORT/                        the shop's home page and guestbook form
  http://127.0.0.1:$PROXY_PORT/api/products/1          half of the users get it from Lambda
  http://127.0.0.1:$PROXY_PORT/api/debug/request?x=1   what the monolith sees (X-Forwarded-*)
Try (X-Strangler-Backend names the backend that served):
  curl -si -H 'X-User-Id: alice' http://127.0.0.1:$PROXY_PORT/api/products/1 | grep -i x-strangler
  curl -si -H 'X-User-Id: bob'   http://127.0.0.1:$PROXY_PORT/api/products/1 | grep -i x-strangler
  curl -si -H 'X-Canary-Override: lambda' http://127.0.0.1:$PROXY_PORT/api/products/2 | grep -i x-strangler
  for u in \$(seq 1 20); do curl -s -o /dev/null -D - -H "X-User-Id: u\$u" http://127.0.0.1:$PROXY_PORT/api/products/1 | grep -i x-strangler; done
Move traffic: edit $LOGS/routes.yaml (canary.percent of product-reads) and save; no restart.
Inject a fault:  curl -X PUT -d '{"throw":"boom"}' http://127.0.0.1:$LAMBDA_PORT/_local/faults/shop-get-products
Clear it:        curl -X DELETE http://127.0.0.1:$LAMBDA_PORT/_local/faults/shop-get-products
The monolith directly:   http://127.0.0.1:$MONOLITH_PORT/
Lambda runtime:          http://127.0.0.1:$LAMBDA_PORT/_local/functions
Proxy health:            http://127.0.0.1:$MANAGEMENT_PORT/actuator/health
Admin (docs/admin.md):   curl -u demo:demo http://127.0.0.1:$MANAGEMENT_PORT/actuator/migration
  curl -u demo:demo -G http://127.0.0.1:$MANAGEMENT_PORT/actuator/explain --data-urlencode method=GET --data-urlencode path=/api/products/1 --data-urlencode header=X-User-Id:alice
  curl -u ops:ops -H 'Content-Type: application/json' -d '{"rule":"product-reads"}' http://127.0.0.1:$MANAGEMENT_PORT/actuator/emergency
  curl -u ops:ops -X DELETE 'http://127.0.0.1:$MANAGEMENT_PORT/actuator/emergency?rule=product-reads'
  curl -u demo:demo http://127.0.0.1:$MANAGEMENT_PORT/actuator/prometheus

Press Ctrl-C to stop.
MSG

if [[ ${DEMO_SMOKE:-0} == 1 ]]; then
  backend_of() { # "STATUS BACKEND" for GET PATH with one extra header line
    exec 3<>"/dev/tcp/127.0.0.1/$PROXY_PORT"
    printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\n%s\r\nConnection: close\r\n\r\n' "$1" "$2" >&3
    tr -d '\r' <&3 | sed -n -e '1s/^HTTP\/1.1 \([0-9]*\).*/\1/p' -e 's/^[Xx]-[Ss]trangler-[Bb]ackend: //p' | head -2 | paste -sd' '
    exec 3>&-
  }
  lambda=$(backend_of /api/products/1 "X-Canary-Override: lambda")
  monolith=$(backend_of /api/products/1 "X-Canary-Override: monolith")
  [[ $lambda == "200 lambda"* && $monolith == "200 monolith"* ]] || {
    echo "demo: smoke check failed: '$lambda' / '$monolith'" >&2; exit 1; }
  echo "demo: smoke check passed ($lambda | $monolith)"
  exit 0
fi
wait -n "${pids[@]}"
echo "demo: a process exited; see $LOGS/" >&2
exit 1
