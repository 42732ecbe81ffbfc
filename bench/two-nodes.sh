#!/usr/bin/env bash
# What a second hub node adds: on the production topology on this machine (PostgreSQL, two Artemis
# brokers in a cluster; bench/src/main/java/org/rabt/bench/TwoNodes.java), the pipeline's throughput
# through one node, then through two (the client posting to both), same client and deck.
#   bench/two-nodes.sh [--quick] [--concurrency N (default 16)] [--hub-arg --some.property=value]...
# Prints single_node_cards_per_s, two_nodes_cards_per_s, second_node_gain. Quick: about 4 minutes,
# full about 6; bounded to 12 minutes; stops every process it starts, also on Ctrl-C.
set -euo pipefail
source "$(dirname "$0")/cluster-common.sh"
run_bench 12m two-nodes --artemis-home "$artemis_home" --hub-jar "$hub_jar" "$@"
