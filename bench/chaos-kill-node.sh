#!/usr/bin/env bash
# Chaos run: a hub node dies. On the production topology on this machine (PostgreSQL, two Artemis
# brokers in a cluster, two hub nodes; bench/src/main/java/org/rabt/bench/Chaos.java), cards are
# posted to both nodes; when 40 % are accepted the leading node is killed with kill -9, the client
# keeps posting to the survivor, and the killed node is started again 20 s later.
#   bench/chaos-kill-node.sh [--cards N (default 5000)] [--concurrency N (default 8)]
# Prints name value lines (cards, accepted, delivered, lost, redeliveries, duplicates, ...); exits
# non-zero when an accepted card was not delivered. Bounded to 8 minutes; stops every process it
# starts and removes its temporary directory, also on Ctrl-C.
set -euo pipefail
source "$(dirname "$0")/cluster-common.sh"
run_bench 8m chaos kill-node --artemis-home "$artemis_home" --hub-jar "$hub_jar" "$@"
