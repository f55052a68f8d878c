#!/usr/bin/env bash
# farm-service figures on the local platform: animal registration through the traffic entry
# (throughput, p50, p99 at fixed concurrency) beside pgbench single-row INSERT TPS on the same
# PostgreSQL; and a CSV import of 100,000 animals beside PostgreSQL COPY of the same rows.
source "$(dirname "$0")/common.sh"
CONNECTIONS="${CONNECTIONS:-8}"
ROWS="${ROWS:-100000}"
PG="postgresql://postgres@127.0.0.1:15432/farm"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"; psql -q "$PG" -c "DROP TABLE IF EXISTS bench_insert, bench_copy" > /dev/null 2>&1 || true' EXIT

T=$(./fincafacil token --role operator)
new_finca() {
  local id key
  id=$(curl -sf -XPOST localhost:8080/api/v1/admin/fincas -H "Authorization: Bearer $T" -H 'Content-Type: application/json' \
       -d "{\"name\":\"Bench $1\",\"department\":\"Meta\",\"municipality\":\"Puerto López\",\"deploymentLevel\":\"produccion_controlada\"}" \
       | python3 -c 'import sys,json;print(json.load(sys.stdin)["id"])')
  key=$(curl -sf -XPOST "localhost:8080/api/v1/admin/fincas/$id/api-keys" -H "Authorization: Bearer $T" -H 'Content-Type: application/json' -d '{}' \
       | python3 -c 'import sys,json;print(json.load(sys.stdin)["key"])')
  echo "$id $key"
}

# the JIT needs a while under load before the figures settle
read -r FINCA KEY < <(new_finca "registro previo $(date +%s)")
export FINCA KEY
wrk -t2 -c"$CONNECTIONS" -d"${WARMUP:-180s}" -s benchmarks/scripts/register-animal.lua http://127.0.0.1:8080 > /dev/null 2>"$WORK/warm.err"
for target in "8080 (through the traffic entry)" "8090 (slot blue directly)"; do
  echo "== Animal registration, $CONNECTIONS connections, $DURATION, port $target"
  read -r FINCA KEY < <(new_finca "registro medido $(date +%s%N)")
  export FINCA KEY
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s benchmarks/scripts/register-animal.lua "http://127.0.0.1:${target%% *}" \
    2>"$WORK/run.err" | grep -E "Requests/sec|50%|99%|Non-2xx|Socket"
  echo "errors: $(wc -l < "$WORK/run.err")"
done

echo "== pgbench: single-row INSERT, $CONNECTIONS clients, $DURATION, same PostgreSQL"
psql -q "$PG" -c "DROP TABLE IF EXISTS bench_insert; CREATE TABLE bench_insert (LIKE animals INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)"
cat > "$WORK/insert.sql" <<'SQL'
INSERT INTO bench_insert (id, finca_id, ear_tag, species, sex, birth_date, status, current_weight_kg, created_at, updated_at)
VALUES (gen_random_uuid(), gen_random_uuid(), 'P' || (random() * 1e12)::bigint, 'bovino', 'hembra', '2023-01-15', 'activo', 312.5, now(), now());
SQL
pgbench -n -c "$CONNECTIONS" -j 2 -T "${DURATION%s}" -f "$WORK/insert.sql" "$PG" 2>/dev/null | grep -E "^tps|latency average"

# the same work a registration asks of the database: the animal and its outbox event in one
# statement (events marked published so the relay leaves them; both removed afterwards)
echo "== pgbench: a registration's own writes (animal + outbox event, one statement), $CONNECTIONS clients, $DURATION"
SCRATCH=$(python3 -c 'import uuid; print(uuid.uuid4())')
psql -q "$PG" -c "INSERT INTO fincas VALUES ('$SCRATCH', 'pgbench registro', 'Meta', 'X', 'piloto', now(), now())"
cat > "$WORK/register.sql" <<SQL
WITH animal AS (INSERT INTO animals (id, finca_id, ear_tag, species, sex, birth_date, status, current_weight_kg, created_at, updated_at)
  VALUES (gen_random_uuid(), '$SCRATCH', 'P' || (random() * 1e12)::bigint, 'bovino', 'hembra', '2023-01-15', 'activo', 312.5, now(), now())
  ON CONFLICT ON CONSTRAINT uq_animals_finca_ear_tag DO NOTHING RETURNING id)
INSERT INTO outbox (event_id, topic, event_key, payload, created_at, published_at)
SELECT gen_random_uuid(), 'pgbench', '$SCRATCH', jsonb_build_object('type', 'animal.registered', 'data', jsonb_build_object('id', id)), now(), now() FROM animal;
SQL
pgbench -n -c "$CONNECTIONS" -j 2 -T "${DURATION%s}" -f "$WORK/register.sql" "$PG" 2>/dev/null | grep -E "^tps|latency average"
psql -q "$PG" -c "DELETE FROM outbox WHERE topic = 'pgbench'; DELETE FROM animals WHERE finca_id = '$SCRATCH'; DELETE FROM fincas WHERE id = '$SCRATCH'"

echo "== CSV import of $ROWS animals vs COPY of the same rows"
# the same animals twice: as the farm app's CSV, and as rows of the animals table for COPY
python3 - "$ROWS" "$WORK/animals.csv" "$WORK/copy.csv" <<'PY'
import sys, random, uuid
rows, farm_path, copy_path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
random.seed(7)
finca = uuid.uuid4()
with open(farm_path, "w", encoding="utf-8") as farm, open(copy_path, "w", encoding="utf-8") as copy:
    farm.write("arete;especie;raza;sexo;fecha_nacimiento;peso_kg;estado\n")
    for i in range(rows):
        sex = 'hembra' if i % 2 else 'macho'
        born = f"20{random.randint(15,24)}-0{random.randint(1,9)}-1{random.randint(0,9)}"
        kg = random.randint(150, 700)
        farm.write(f"IMP-{i:07d};bovino;Brahman;{sex};{born};{kg},5;activo\n")
        copy.write(f"{uuid.uuid4()},{finca},IMP-{i:07d},bovino,Brahman,{sex},{born},,activo,{kg}.5,2026-11-28T00:00:00Z,2026-11-28T00:00:00Z\n")
PY
# a first import warms the JIT up; the second, into another finca, is the one measured
read -r FINCA KEY < <(new_finca "importacion previa $(date +%s)")
curl -sf -XPOST "localhost:8080/api/v1/fincas/$FINCA/imports/animals" -H "X-API-Key: $KEY" \
     -H 'Content-Type: text/csv; charset=UTF-8' --data-binary @"$WORK/animals.csv" > /dev/null
read -r FINCA KEY < <(new_finca "importacion $(date +%s)")
start=$(date +%s.%N)
curl -sf -XPOST "localhost:8080/api/v1/fincas/$FINCA/imports/animals" -H "X-API-Key: $KEY" \
     -H 'Content-Type: text/csv; charset=UTF-8' --data-binary @"$WORK/animals.csv" > "$WORK/import.json"
end=$(date +%s.%N)
python3 - "$start" "$end" "$ROWS" "$WORK/import.json" <<'PY'
import sys, json
start, end, rows = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
result = json.load(open(sys.argv[4]))
print(f"import: {result['imported']} rows in {end-start:.2f} s = {rows/(end-start):,.0f} rows/s")
PY
# COPY into the animals table itself (same constraints and indexes as the import), for a scratch finca
BENCH_FINCA=$(python3 -c 'import uuid; print(uuid.uuid4())')
sed -i "s/^\([^,]*\),[^,]*,/\1,$BENCH_FINCA,/" "$WORK/copy.csv"
psql -q "$PG" -c "INSERT INTO fincas VALUES ('$BENCH_FINCA', 'COPY bench', 'Meta', 'X', 'piloto', now(), now())"
start=$(date +%s.%N)
psql -q "$PG" -c "\\copy animals (id, finca_id, ear_tag, species, breed, sex, birth_date, dam_id, status, current_weight_kg, created_at, updated_at) FROM '$WORK/copy.csv' WITH (FORMAT csv)"
end=$(date +%s.%N)
python3 -c "import sys; s,e,r=float(sys.argv[1]),float(sys.argv[2]),int(sys.argv[3]); print(f'COPY into animals:          {r} rows in {e-s:.2f} s = {r/(e-s):,.0f} rows/s')" "$start" "$end" "$ROWS"
psql -q "$PG" -c "DELETE FROM animals WHERE finca_id = '$BENCH_FINCA'; DELETE FROM fincas WHERE id = '$BENCH_FINCA'"
# and into a table without foreign keys, the raw ceiling
psql -q "$PG" -c "DROP TABLE IF EXISTS bench_copy; CREATE TABLE bench_copy (LIKE animals INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)"
start=$(date +%s.%N)
psql -q "$PG" -c "\\copy bench_copy (id, finca_id, ear_tag, species, breed, sex, birth_date, dam_id, status, current_weight_kg, created_at, updated_at) FROM '$WORK/copy.csv' WITH (FORMAT csv)"
end=$(date +%s.%N)
python3 -c "import sys; s,e,r=float(sys.argv[1]),float(sys.argv[2]),int(sys.argv[3]); print(f'COPY into a table, no FKs:  {r} rows in {e-s:.2f} s = {r/(e-s):,.0f} rows/s')" "$start" "$end" "$ROWS"
