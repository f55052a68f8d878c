#!/usr/bin/env bash
# Automatic rollback time: RUNS releases on a scratch local platform (its own FINCAFACIL_HOME, the
# default ports, fault injection allowed), each taken to MONITORING under read traffic through the
# entry, then a 100 % 503 fault injected into the new slot; the release rolls itself back. Prints
# each run's detectionMs (fault start → first failing measurement) and rollbackMs (first failing
# measurement → traffic back), both read from the release record, then median and max.
# Needs no platform running (it starts and stops its own) and the current build (./mvnw package).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
RUNS="${RUNS:-10}"
WORK=$(mktemp -d)
export FINCAFACIL_HOME="$WORK/home" FINCAFACIL_CHANGELOG_FILE="$WORK/CHANGELOG.md"
printf '# Changelog\n' > "$FINCAFACIL_CHANGELOG_FILE"
for i in $(seq "$RUNS"); do printf '## [1.0.%d]\n- rollback run %d\n' "$i" "$i" >> "$FINCAFACIL_CHANGELOG_FILE"; done

./fincafacil up --allow-faults > "$WORK/up.log" 2>&1 &
trap './fincafacil down > /dev/null 2>&1 || true; kill %1 2>/dev/null || true' EXIT
for _ in $(seq 180); do grep -q 'Operator token' "$WORK/up.log" && break; sleep 1; done
grep -q 'Operator token' "$WORK/up.log" || { echo "the platform did not come up; see $WORK/up.log" >&2; exit 1; }
export FINCAFACIL_TOKEN=$(./fincafacil token)
FINCA=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["fincaId"])' "$FINCAFACIL_HOME/smoke-key.json")
KEY=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["apiKey"])' "$FINCAFACIL_HOME/smoke-key.json")
# farm apps reading through the entry for the whole benchmark
( while :; do curl -s -o /dev/null -H "X-API-Key: $KEY" "http://127.0.0.1:8080/api/v1/fincas/$FINCA/animals?size=1"; done ) &
READER=$!
trap 'kill $READER 2>/dev/null || true; ./fincafacil down > /dev/null 2>&1 || true' EXIT

field() { ./fincafacil release status "$1" --json | python3 -c "import json,sys; r=json.load(sys.stdin); print(eval(sys.argv[1]))" "$2"; }
await_state() {
  for _ in $(seq 300); do
    state=$(field "$1" 'r["state"]')
    case " $2 " in *" $state "*) echo "$state"; return;; esac
    sleep 0.5
  done
  echo "timeout"
}

results="$WORK/results.txt"
for i in $(seq "$RUNS"); do
  v="1.0.$i"
  ./fincafacil artifact add --version "$v" > /dev/null
  ./fincafacil release plan "$v" --kind hotfix > /dev/null
  ./fincafacil release ack "$v" team_available > /dev/null
  ./fincafacil release ack "$v" users_told > /dev/null
  ./fincafacil release start "$v" --reason "rollback benchmark run $i" --no-follow > /dev/null
  [ "$(await_state "$v" 'MONITORING FAILED')" = MONITORING ] || { echo "run $i: $v did not reach MONITORING" >&2; exit 1; }
  slot=$(field "$v" 'r["run"]["toSlot"]')
  sleep 3   # a few healthy measurements first
  ./fincafacil faults add abort --slot "$slot" --percentage 100 --status 503 --duration 60 > /dev/null
  [ "$(await_state "$v" 'ROLLED_BACK FAILED COMPLETED')" = ROLLED_BACK ] || { echo "run $i: $v did not roll back" >&2; exit 1; }
  ./fincafacil faults clear > /dev/null
  detection=$(field "$v" '[t for t in r["timeline"] if t["to"]=="ROLLING_BACK"][-1]["figures"]["detectionMs"]')
  rollback=$(field "$v" '[t for t in r["timeline"] if t["to"]=="ROLLED_BACK"][-1]["figures"]["rollbackMs"]')
  echo "run $i ($v, slot $slot): detectionMs=$detection rollbackMs=$rollback"
  echo "$detection $rollback" >> "$results"
done
python3 - "$results" <<'PY'
import statistics, sys
rows = [tuple(map(int, l.split())) for l in open(sys.argv[1])]
for name, col in (("detectionMs", 0), ("rollbackMs", 1), ("fault → traffic back (ms)", None)):
    values = [r[0] + r[1] for r in rows] if col is None else [r[col] for r in rows]
    print(f"{name:28s} median {statistics.median(values):8.0f}   max {max(values):8d}   ({len(values)} runs)")
PY
