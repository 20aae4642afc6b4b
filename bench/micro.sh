#!/usr/bin/env bash
# JMH micro-benchmarks of the offer path's in-memory work (reading stored sheets, rule of three,
# answer writing): ns/op and, with the GC profiler, bytes allocated per op. Not part of the tests.
#   bench/micro.sh [JMH options, e.g. -f 1 -wi 2 -i 3]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -Pjmh test-compile -DskipTests
./mvnw -B -q -Pjmh exec:exec -Dexec.args="-cp %classpath org.openjdk.jmh.Main -prof gc OfferPathBenchmark $*"
