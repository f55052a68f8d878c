#!/usr/bin/env bash
# Start-up and memory of each service on the running local platform.
# Start-up: each service's build started alone, RUNS times, on a free port against the platform's
# PostgreSQL and Kafka, with the JVM options the launcher gives it (config/local-platform.properties),
# first without and then with the class-data archive the launcher recorded (run ./fincafacil up
# and down once first); time from the JVM's start to the first 200 from /q/health/ready, beside
# Quarkus' own "started in". farm-service runs from its newest stored artifact, as a slot does.
# Memory: RSS of every platform process idle, then at the end of DURATION of registration load
# through the traffic entry.
source "$(dirname "$0")/common.sh"
RUNS="${RUNS:-3}"
HOME_DIR="${FINCAFACIL_HOME:-$ROOT/.fincafacil}"
jvm_options() { grep "^jvm.$1=" config/local-platform.properties | cut -d= -f2-; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }

FARM_APP=$(ls -d "$HOME_DIR"/artifacts/*/quarkus-app | sort -V | tail -1)
app_of() { if [ "$1" = farm-service ]; then echo "$FARM_APP"; else echo "$1/target/quarkus-app"; fi; }
archive_of() {
  if [ "$1" = farm-service ]; then echo "$(dirname "$FARM_APP")/app-cds.jsa"; else ls "$HOME_DIR"/cds/"$1"-*.jsa 2>/dev/null | head -1; fi
}

echo "== Start-up, each service alone, $RUNS runs (ms from JVM start to ready; Quarkus' 'started in')"
for svc in farm-service:farm flags-service:flags release-service:release incident-service:incident; do
  name=${svc%%:*}; db=${svc##*:}
  archive=$(archive_of "$name")
  for mode in "no archive" "archive"; do
  cds=""
  if [ "$mode" = archive ]; then
    [ -f "$archive" ] || { echo "$name: no class-data archive yet (run ./fincafacil up, then down)"; continue; }
    cds="-XX:SharedArchiveFile=$archive -Xlog:cds=off"
  fi
  for run in $(seq "$RUNS"); do
    port=$(free_port); log=$(mktemp)
    t0=$(now_ms)
    # shellcheck disable=SC2046
    java $(jvm_options "$name") $cds -Dquarkus.http.port="$port" \
      -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:15432/$db" \
      -Dkafka.bootstrap.servers=127.0.0.1:19092 -Dquarkus.flyway.migrate-at-start=false \
      -Dmp.jwt.verify.publickey.location="$HOME_DIR/keys/publicKey.pem" \
      -Dfincafacil.farm.slot=bench -jar "$(app_of "$name")/quarkus-run.jar" > "$log" 2>&1 &
    pid=$!
    until curl -sf -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
      kill -0 "$pid" 2>/dev/null || { echo "$name exited; see $log"; exit 1; }
      sleep 0.05
    done
    ready=$(( $(now_ms) - t0 ))
    sleep 5
    rss=$(ps -o rss= -p "$pid" | awk '{printf "%d", $1/1024}')
    quarkus=$(grep -o 'started in [0-9.]*s' "$log" | head -1)
    printf "%-17s %-10s run %d: ready %5d ms (%s), RSS idle %d MiB\n" "$name" "$mode" "$run" "$ready" "$quarkus" "$rss"
    kill "$pid"; wait "$pid" 2>/dev/null || true; rm -f "$log"
  done
  done
done

rss_table() {
  printf "  %-22s %8s\n" "process" "RSS MiB"
  for pid in $(pgrep -f 'local-platform.jar|quarkus-run.jar|EntryMain' | sort -n); do
    cmd=$(tr '\0' ' ' < "/proc/$pid/cmdline")
    case "$cmd" in
      *EntryMain*) what="traffic entry" ;;
      *farm.slot=blue*|*"artifacts/"*fincafacil.farm.slot=blue*) what="farm slot blue" ;;
      *fincafacil.farm.slot=green*) what="farm slot green" ;;
      *fincafacil.farm.slot=bench*) continue ;;
      *flags-service*) what="flags-service" ;;
      *release-service*) what="release-service" ;;
      *incident-service*) what="incident-service" ;;
      *local-platform.jar*) what="launcher + Kafka" ;;
      *) continue ;;
    esac
    printf "  %-22s %8d\n" "$what" "$(( $(awk '/VmRSS/{print $2}' "/proc/$pid/status") / 1024 ))"
  done
  # PSS, not RSS: PostgreSQL's processes share their buffers, and RSS would count them once per process
  pg=$(for pid in $(pgrep -x postgres); do awk '/^Pss:/{print $2}' "/proc/$pid/smaps_rollup"; done | awk '{s+=$1} END {printf "%d", s/1024}')
  printf "  %-22s %8d\n" "PostgreSQL (PSS, all)" "$pg"
}

echo "== RSS idle"
rss_table

echo "== RSS after $DURATION of registration load through the entry (8 connections)"
T=$(./fincafacil token --role operator)
FINCA=$(curl -sf -XPOST localhost:8080/api/v1/admin/fincas -H "Authorization: Bearer $T" -H 'Content-Type: application/json' \
  -d '{"name":"Bench memoria","department":"Meta","municipality":"Puerto López","deploymentLevel":"piloto"}' \
  | python3 -c 'import sys,json;print(json.load(sys.stdin)["id"])')
KEY=$(curl -sf -XPOST "localhost:8080/api/v1/admin/fincas/$FINCA/api-keys" -H "Authorization: Bearer $T" \
  -H 'Content-Type: application/json' -d '{}' | python3 -c 'import sys,json;print(json.load(sys.stdin)["key"])')
export FINCA KEY
wrk -t2 -c8 -d"$DURATION" -s benchmarks/scripts/register-animal.lua http://127.0.0.1:8080 | grep -E "Requests/sec" &
sleep $(( ${DURATION%s} - 2 ))
rss_table
wait
