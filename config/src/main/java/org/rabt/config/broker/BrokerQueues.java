package org.rabt.config.broker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rabt.connectors.SectorQueues;
import org.rabt.mappings.cpm.SectorId;

/**
 * How many cards wait in each sector's queues: read from the embedded broker
 * ({@link EmbeddedBrokerQueues}) or, with an external broker or cluster, asked of every broker
 * over Artemis's management API ({@link ClusterQueueDepths}). Seen by operators at
 * {@code /actuator/queues} and as {@code rabt_queue_depth} ({@link QueueMetrics}).
 */
public interface BrokerQueues {

    /** Messages in the queue, or -1 when no broker tells (none answers, or the queue does not exist). */
    long depth(String queue);

    /** Every sector's outbound and dead-letter queue depth, in {@link #hubQueues()} order. */
    default Map<String, Long> depths() {
        Map<String, Long> depths = new LinkedHashMap<>();
        for (String queue : hubQueues()) {
            depths.put(queue, depth(queue));
        }
        return depths;
    }

    /** The queues an operator watches: for every sector, its outbound queue then its dead-letter queue. */
    static List<String> hubQueues() {
        List<String> queues = new ArrayList<>();
        for (SectorId sector : SectorId.values()) {
            queues.add(SectorQueues.outbound(sector));
            queues.add(SectorQueues.deadLetters(sector));
        }
        return List.copyOf(queues);
    }
}
