#!/usr/bin/env bash
# Server time of each operator console page: starts a scratch local platform (its own
# FINCAFACIL_HOME, every port a free random one), plans one release so the Release screen has
# something to show, signs in with the one-time link, then asks each page WARMUP times unmeasured
# and RUNS times measured. curl's time to first byte on the loopback is the server's time to render
# the page (the connection is reused and nothing crosses a network). Prints median, p95 and max
# per page, in ms. Needs no platform running and the current build (./mvnw package -DskipTests).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
RUNS="${RUNS:-30}"
WARMUP="${WARMUP:-10}"
WORK=$(mktemp -d)
# the release planned below needs a changelog entry: the launcher's setting release.changelog-file
export FINCAFACIL_HOME="$WORK/home" FINCAFACIL_RELEASE_CHANGELOG_FILE="$WORK/CHANGELOG.md"
printf '# Changelog\n## [9.0.1]\n- console page timing\n' > "$FINCAFACIL_RELEASE_CHANGELOG_FILE"
# every port key of the settings file, each a free port (never the fixed ones a developer's platform uses)
for key in $(sed -n 's/^port\.\([^=]*\)=.*/\1/p' config/local-platform.properties); do
  var="FINCAFACIL_PORT_$(echo "$key" | tr 'a-z.-' 'A-Z__')"
  export "$var=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
done
RELEASE="http://127.0.0.1:$FINCAFACIL_PORT_RELEASE_SERVICE"

./fincafacil up > "$WORK/up.log" 2>&1 &
trap './fincafacil down > /dev/null 2>&1 || true; kill %1 2>/dev/null || true' EXIT
for _ in $(seq 300); do grep -q 'Operator token' "$WORK/up.log" && break; sleep 1; done
grep -q 'Operator token' "$WORK/up.log" || { echo "the platform did not come up; see $WORK/up.log" >&2; exit 1; }
grep 'operator console' "$WORK/up.log" || true

TOKEN=$(./fincafacil token --role operator)
PLANNED=$(curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"version":"9.0.1","kind":"major"}' \
  "$RELEASE/api/v1/releases")
ID=$(echo "$PLANNED" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("id",""))')
[ -n "$ID" ] || { echo "could not plan a release: $PLANNED" >&2; exit 1; }

LINK=$(./fincafacil console --no-open | grep -o 'http://[^ ]*/console/login?code=[^ ]*')
JAR="$WORK/cookies"
curl -s -o /dev/null -c "$JAR" "$LINK"
grep -q ff_console "$JAR" || { echo "sign-in failed" >&2; exit 1; }

printf '%-34s %8s %8s %8s\n' page median_ms p95_ms max_ms
for page in /console /console/releases "/console/releases/$ID" "/console/releases/$ID/live" /console/flags /console/incidents; do
  urls=()
  for _ in $(seq $((WARMUP + RUNS))); do urls+=(-o /dev/null "$RELEASE$page"); done
  # one curl, one kept-alive connection, one line per request: status and time to first byte
  curl -s -b "$JAR" -H 'Accept-Language: es' -w '%{http_code} %{time_starttransfer}\n' "${urls[@]}" \
    | tail -n "$RUNS" | python3 -c '
import sys
rows=[l.split() for l in sys.stdin if l.strip()]
bad=[r[0] for r in rows if r[0] != "200"]
ms=sorted(float(r[1])*1000 for r in rows)
p=lambda q: ms[min(len(ms)-1, int(round(q*(len(ms)-1))))]
print("%-34s %8.1f %8.1f %8.1f%s" % (sys.argv[1], p(0.5), p(0.95), ms[-1], "  (non-200: %s)" % ",".join(sorted(set(bad))) if bad else ""))
' "$(echo "$page" | sed "s/$ID/{id}/")"
done
