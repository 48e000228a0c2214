#!/usr/bin/env bash
# Runs every measurement of docs/BENCHMARKS.md, one after the other (about 50 minutes on the
# 2-CPU machine the figures came from; each step alone stays under 15 minutes).
# Build first:  mvn -B -pl benchmarks -am package -DskipTests
# Results:      benchmarks/target/results/*.md (tables) and *.csv (every figure of every round)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=benchmarks/target/benchmarks.jar
[ -f "$JAR" ] || { echo "missing $JAR: run  mvn -B -pl benchmarks -am package -DskipTests  first" >&2; exit 1; }
run() { echo; echo "=== $*"; java -cp "$JAR" "$@"; }

run io.toastcloud.compute.benchmarks.Rounds --suite=bar --rounds=5 --warmup=6 --measure=5 --quiet=30
run io.toastcloud.compute.benchmarks.Rounds --suite=transports --cases=smallResponse,largeResponse,create --rounds=3 --warmup=5 --measure=4 --quiet=30
run io.toastcloud.compute.benchmarks.Rounds --suite=layers --rounds=3 --warmup=5 --measure=4 --quiet=30
run io.toastcloud.compute.benchmarks.Rounds --suite=micro --rounds=3 --quiet=30
run io.toastcloud.compute.benchmarks.Rounds --suite=concurrency --rounds=3 --warmup=5 --measure=4 --quiet=30
run io.toastcloud.compute.benchmarks.Rounds --suite=bar --cases=smallResponse,create --rounds=3 --warmup=6 --measure=5 --quiet=30 \
    --server=external --out=benchmarks/target/results/external-server
run io.toastcloud.compute.benchmarks.coldstart.ColdStart --runs=10 --quiet=30
run io.toastcloud.compute.benchmarks.coldstart.ColdStart --runs=6 --cds=true --quiet=30 \
    --contenders=BASELINE_JDK_URL_CONNECTION,BASELINE_JDK_HTTP_CLIENT,CLIENT_APACHE_HC5,CLIENT_OKHTTP,CLIENT_JDK_URL_CONNECTION,CLIENT_JDK_HTTP_CLIENT \
    --out=benchmarks/target/results/cold-start-transports
run io.toastcloud.compute.benchmarks.Footprint
