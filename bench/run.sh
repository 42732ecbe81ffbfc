#!/usr/bin/env bash
# Rabt benchmark: the whole pipeline against a raw pass-through, in one run, on this machine.
#   bench/run.sh [--quick] [--concurrency N] [--rate N] [--hub-arg --some.property=value]... [--jvm-arg -XX:...]... ({name} in a JVM argument becomes hub or passthrough)
# Prints one figure per line: name value unit. Builds what it needs; stops every process it starts.
set -euo pipefail
cd "$(dirname "$0")/.."

hub_jar=config/target/rabt.jar
bench_jar=bench/target/rabt-bench.jar
# Build when a jar is missing or older than any source or pom.
if [ ! -f "$hub_jar" ] || [ ! -f "$bench_jar" ] \
   || [ -n "$(find . -path ./data -prune -o \( -name '*.java' -o -name 'pom.xml' -o -name '*.yaml' -o -name '*.json' -o -name '*.xsd' \) -newer "$bench_jar" -print -quit)" ]; then
  echo "# building (mvn -q -B -DskipTests package)" >&2
  mvn -q -B -DskipTests package >&2
fi

bench_pid=
cleanup() {
  if [ -n "$bench_pid" ]; then
    pkill -TERM -P "$bench_pid" 2>/dev/null || true
    kill -TERM "$bench_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT INT TERM

java -Xmx1g -jar "$bench_jar" run --hub-jar "$hub_jar" --bench-jar "$bench_jar" "$@" &
bench_pid=$!
wait "$bench_pid"
