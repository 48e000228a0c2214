#!/usr/bin/env bash
# Runs every measurement of docs/BENCHMARKS.md, one after the other (a bit over an hour on the
# 2-CPU machine the figures came from; each step alone stays under about 15 minutes, plus the
# time the quiet gate waits for other work on the machine to stop).
# Build first:  mvn -B -pl benchmarks -am package -DskipTests
# Results:      benchmarks/target/results/*.md (tables) and *.csv (every figure of every round)
#
# Per-call suites run pinned to CPU 0 (taskset; the JMH forks and the canned server inherit it):
# on this virtual machine a thread woken on the other, idle CPU waits 30-40 us longer, which
# added to every call of every contender alike and depended on where the scheduler put the
# threads (docs/BENCHMARKS.md, "Method"). Cold start and the 4-thread case use both CPUs.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=benchmarks/target/benchmarks.jar
[ -f "$JAR" ] || { echo "missing $JAR: run  mvn -B -pl benchmarks -am package -DskipTests  first" >&2; exit 1; }
run() { echo; echo "=== $*"; "$@"; }
PINNED="taskset -c 0 java -cp $JAR"
BOTH="java -cp $JAR"
R=io.toastcloud.compute.benchmarks.Rounds
C=io.toastcloud.compute.benchmarks.coldstart.ColdStart

run $PINNED $R --suite=bar --rounds=4 --warmup=12 --measure=5 --quiet=30
run $PINNED $R --suite=transports --cases=smallResponse,largeResponse,create --rounds=2 --warmup=12 --measure=5 --quiet=30
run $PINNED $R --suite=layers --rounds=3 --warmup=12 --measure=5 --quiet=30
run $PINNED $R --suite=micro --rounds=3 --warmup=8 --measure=5 --quiet=30
run $BOTH $R --suite=concurrency --rounds=3 --warmup=12 --measure=5 --quiet=30 --out=benchmarks/target/results/both-cpus
run $PINNED $R --suite=bar --cases=smallResponse,create --rounds=3 --warmup=12 --measure=5 --quiet=30 \
    --server=external --out=benchmarks/target/results/external-server
run $BOTH $C --runs=10 --quiet=30 --contenders=BASELINE_JDK_URL_CONNECTION,BASELINE_JDK_HTTP_CLIENT,LAYER_HC5,LAYER_FEIGN_HC5,CLIENT_DEFAULT
run $BOTH $C --runs=6 --cds=true --quiet=30 \
    --contenders=BASELINE_JDK_URL_CONNECTION,BASELINE_JDK_HTTP_CLIENT,CLIENT_APACHE_HC5,CLIENT_OKHTTP,CLIENT_JDK_URL_CONNECTION,CLIENT_JDK_HTTP_CLIENT \
    --out=benchmarks/target/results/cold-start-transports
run $BOTH io.toastcloud.compute.benchmarks.Footprint
run $BOTH io.toastcloud.compute.benchmarks.persistence.PersistenceRounds --rounds=7 --writes=200 --sizes=100,10000 --part=all
