#!/usr/bin/env bash
# Chaos run: a broker dies. On the production topology on this machine (PostgreSQL, two Artemis
# brokers in a cluster, two hub nodes; bench/src/main/java/org/rabt/bench/Chaos.java), cards are
# posted to both nodes; when 40 % are accepted the first broker is killed with kill -9 and started
# again 15 s later: the nodes move to the other broker, and the messages in the dead broker's
# journal are delivered once it is back.
#   bench/chaos-kill-broker.sh [--cards N (default 5000)] [--concurrency N (default 8)]
# Prints name value lines (cards, accepted, delivered, lost, redeliveries, duplicates, ...); exits
# non-zero when an accepted card was not delivered. Bounded to 8 minutes; stops every process it
# starts and removes its temporary directory, also on Ctrl-C.
set -euo pipefail
source "$(dirname "$0")/cluster-common.sh"
run_bench 8m chaos kill-broker --artemis-home "$artemis_home" --hub-jar "$hub_jar" "$@"
