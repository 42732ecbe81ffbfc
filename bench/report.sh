#!/usr/bin/env bash
# Rabt report benchmark: the annual provincial report over a large case record (default one
# million cards in the year, half a million the year before), on an embedded PostgreSQL.
#   bench/report.sh [--cards N]
# Prints name value unit lines. Builds what it needs; the database lives in a temporary directory
# and is removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
bench_jar=bench/target/rabt-bench.jar
if [ ! -f "$bench_jar" ] || [ -n "$(find . -path ./data -prune -o \( -name '*.java' -o -name 'pom.xml' -o -name '*.sql' \) -newer "$bench_jar" -print -quit)" ]; then
  echo "# building (mvn -q -B -DskipTests package)" >&2
  mvn -q -B -DskipTests package >&2
fi
exec java -Xmx1g -jar "$bench_jar" report "$@"
