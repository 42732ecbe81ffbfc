# Sourced by the chaos scripts and two-nodes.sh: builds the jars when a source is newer, and fetches
# the Apache Artemis distribution (Maven Central, through Maven) into bench/target/artemis once.
# Leaves the working directory at the repository root and sets hub_jar, bench_jar, artemis_home.
cd "$(dirname "${BASH_SOURCE[0]}")/.."

artemis_version=2.40.0
hub_jar=config/target/rabt.jar
bench_jar=bench/target/rabt-bench.jar
artemis_home=bench/target/artemis/apache-artemis-$artemis_version

if [ ! -f "$hub_jar" ] || [ ! -f "$bench_jar" ] \
   || [ -n "$(find . -path ./data -prune -o -path ./bench/target -prune -o \( -name '*.java' -o -name 'pom.xml' -o -name '*.yaml' -o -name '*.json' -o -name '*.xsd' \) -newer "$bench_jar" -print -quit)" ]; then
  echo "# building (mvn -q -B -DskipTests package)" >&2
  mvn -q -B -DskipTests package >&2
fi

if [ ! -x "$artemis_home/bin/artemis" ]; then
  echo "# fetching apache-artemis-$artemis_version-bin.tar.gz (Maven Central)" >&2
  mkdir -p bench/target/artemis
  mvn -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact=org.apache.activemq:apache-artemis:$artemis_version:tar.gz:bin \
    -DoutputDirectory=bench/target/artemis >&2
  tar xzf "bench/target/artemis/apache-artemis-$artemis_version-bin.tar.gz" -C bench/target/artemis
  rm -f "bench/target/artemis/apache-artemis-$artemis_version-bin.tar.gz"
fi

# Runs the bench jar with a time limit; on Ctrl-C, a signal or the limit, the bench JVM is stopped
# and its shutdown hooks stop every broker and hub node it started (kill -9 after 30 s).
run_bench() {
  local limit=$1; shift
  timeout --kill-after=30s --signal=TERM "$limit" java -Xmx1g -jar "$bench_jar" "$@" &
  bench_pid=$!
  trap 'kill -TERM "$bench_pid" 2>/dev/null; wait "$bench_pid"; exit 130' INT TERM
  local status=0
  wait "$bench_pid" || status=$?
  trap - INT TERM
  if [ "$status" -eq 124 ]; then
    echo "# stopped at the time limit ($limit)" >&2
  fi
  return "$status"
}
