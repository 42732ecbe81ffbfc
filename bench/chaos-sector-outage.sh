#!/usr/bin/env bash
# Chaos run: the receiving sector is down. On the production topology on this machine (PostgreSQL,
# two Artemis brokers in a cluster, two hub nodes; bench/src/main/java/org/rabt/bench/Chaos.java),
# cards are posted to both nodes; when 30 % are accepted the receiver (justice) answers 503 for 30 s,
# then 202 again. A short retry policy for the run (0.5 s doubling to 5 s, 100 attempts), given to
# the brokers' properties and to the nodes alike.
#   bench/chaos-sector-outage.sh [--cards N (default 5000)] [--concurrency N (default 8)]
# Prints name value lines (cards, accepted, delivered, lost, redeliveries, duplicates, ...); exits
# non-zero when an accepted card was not delivered. Bounded to 8 minutes; stops every process it
# starts and removes its temporary directory, also on Ctrl-C.
set -euo pipefail
source "$(dirname "$0")/cluster-common.sh"
run_bench 8m chaos sector-outage --artemis-home "$artemis_home" --hub-jar "$hub_jar" "$@"
