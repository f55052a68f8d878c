#!/usr/bin/env bash
# The go-live drill, RUNS times in a row (default 10) on one scratch local platform (its own
# FINCAFACIL_HOME, the default ports, fault injection allowed): `./fincafacil drill --here` each
# time, a new version released under farm writes, the FAULT injected into its slot (default
# error-rate), rolled back by the analysis, every write checked. Prints each drill's detection and
# rollback times and what clients saw during the switch and the rollback, then the distribution,
# read from the reports the drills wrote (FINCAFACIL_HOME/drills/*.json).
# Needs no platform running (it starts and stops its own) and the current build (./mvnw package).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
RUNS="${RUNS:-10}"
FAULT="${FAULT:-error-rate}"
CONCURRENCY="${CONCURRENCY:-4}"
RATE="${RATE:-10}"
WORK=$(mktemp -d)
# the changelog inside the home: each drill writes its own version's entry there
export FINCAFACIL_HOME="$WORK/home" FINCAFACIL_RELEASE_CHANGELOG_FILE="$WORK/home/CHANGELOG.md"
mkdir -p "$FINCAFACIL_HOME"
printf "# Changelog\n" > "$FINCAFACIL_RELEASE_CHANGELOG_FILE"

./fincafacil up --allow-faults > "$WORK/up.log" 2>&1 &
trap './fincafacil down > /dev/null 2>&1 || true; kill %1 2>/dev/null || true' EXIT
for _ in $(seq 300); do grep -q 'Operator token' "$WORK/up.log" && break; sleep 1; done
grep -q 'Operator token' "$WORK/up.log" || { echo "the platform did not come up; see $WORK/up.log" >&2; exit 1; }

failed=0
for i in $(seq "$RUNS"); do
  if ./fincafacil drill --here --fault "$FAULT" --concurrency "$CONCURRENCY" --rate "$RATE" > "$WORK/drill-$i.txt" 2>&1; then
    echo "drill $i: passed"
  else
    echo "drill $i: exit $? (see $WORK/drill-$i.txt)"
    failed=$((failed + 1))
  fi
done

python3 - "$FINCAFACIL_HOME/drills" "$RUNS" "$failed" <<'PY'
import glob, json, os, statistics, sys
reports = [json.load(open(f)) for f in sorted(glob.glob(os.path.join(sys.argv[1], "*.json")))]
print()
print("| # | version | passed | detection | rollback | writes | lost | switch: requests, errors | rollback: requests, errors, p99 |")
print("|---|---|---|---|---|---|---|---|---|")
for n, r in enumerate(reports, 1):
    c = r.get("clients", {})
    sw, rb = c.get("switch (±2 s)", {}), c.get("rollback", {})
    print(f"| {n} | {r['version']} | {'yes' if r['passed'] else 'NO'} | {r['detectionMs']} ms | {r['rollbackMs']} ms "
          f"| {sum((r.get('acknowledged') or {}).values())} | {r.get('lostWrites')} "
          f"| {sw.get('requests')}, {sw.get('errorRatePct')} % | {rb.get('requests')}, {rb.get('errorRatePct')} %, {rb.get('p99Ms')} ms |")
def spread(name, values):
    values = [v for v in values if v is not None]
    if values:
        print(f"{name}: median {statistics.median(values):.0f} ms, min {min(values)} ms, max {max(values)} ms over {len(values)} drills")
print()
spread("detection", [r["detectionMs"] for r in reports])
spread("rollback ", [r["rollbackMs"] for r in reports])
switch_errors = [r.get("clients", {}).get("switch (±2 s)", {}).get("errorRatePct") for r in reports]
print(f"client errors during the switch: max {max(e for e in switch_errors if e is not None)} % (target 0)")
rollback_errors = [r.get("clients", {}).get("rollback", {}).get("errorRatePct") for r in reports]
rollback_errors = [e for e in rollback_errors if e is not None]
if rollback_errors:
    print(f"client errors during the rollback: median {statistics.median(rollback_errors)} %, max {max(rollback_errors)} %")
print(f"lost or duplicated writes: {sum((r.get('lostWrites') or 0) + (r.get('duplicatedWrites') or 0) for r in reports)}")
print(f"drills: {len(reports)} reports, {sys.argv[3]} of {sys.argv[2]} runs failed")
print("the seed's manual rollback: 3-5 minutes (180,000-300,000 ms)")
PY
[ "$failed" -eq 0 ]
