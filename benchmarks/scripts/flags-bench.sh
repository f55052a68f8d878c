#!/usr/bin/env bash
# flags-service figures: in-process evaluation (JMH, ns/op) and OFREP bulk evaluation over HTTP
# (requests/s at 16 connections, p99 at 2 connections), load generator on the same machine.
source "$(dirname "$0")/common.sh"
[ -d benchmarks/target/lib ] || ./mvnw -q -B package -DskipTests -pl flags-core,benchmarks -am

echo "== In-process evaluation (JMH)"
java -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.openjdk.jmh.Main FlagEvaluationBenchmark 2>/dev/null \
  | sed -n '/^Benchmark/,$p'

URL="http://127.0.0.1:$(setting port.flags-service)"
echo "== OFREP bulk evaluation, warm-up"
wrk -t2 -c16 -d5s -s benchmarks/scripts/ofrep-bulk.lua "$URL" > /dev/null
echo "== OFREP bulk evaluation, 16 connections, $DURATION"
wrk -t2 -c16 -d"$DURATION" --latency -s benchmarks/scripts/ofrep-bulk.lua "$URL" | grep -E "Requests/sec|50%|99%|Non-2xx|Socket"
echo "== OFREP bulk evaluation, 2 connections, $DURATION"
wrk -t2 -c2 -d"$DURATION" --latency -s benchmarks/scripts/ofrep-bulk.lua "$URL" | grep -E "Requests/sec|50%|99%|Non-2xx|Socket"
