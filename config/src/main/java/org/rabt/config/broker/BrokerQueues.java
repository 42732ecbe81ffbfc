package org.rabt.config.broker;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.rabt.connectors.SectorQueues;
import org.rabt.mappings.cpm.SectorId;
import org.springframework.beans.factory.ObjectProvider;

/**
 * How many cards wait in each sector's queues, read from the embedded broker. With an external
 * broker the depths come from the broker's own metrics instead, and this reports none.
 */
public final class BrokerQueues {

    private final ObjectProvider<EmbeddedActiveMQ> embedded;

    public BrokerQueues(ObjectProvider<EmbeddedActiveMQ> embedded) {
        this.embedded = embedded;
    }

    /** Messages in the queue, or -1 when the broker is not embedded or the queue does not exist. */
    public long depth(String queue) {
        EmbeddedActiveMQ broker = embedded.getIfAvailable();
        ActiveMQServer server = broker == null ? null : broker.getActiveMQServer();
        if (server == null || !server.isActive()) {
            return -1;
        }
        Queue located = server.locateQueue(SimpleString.of(queue));
        return located == null ? -1 : located.getMessageCount();
    }

    /** Every sector's outbound and dead-letter queue depth. */
    public Map<String, Long> depths() {
        Map<String, Long> depths = new LinkedHashMap<>();
        for (SectorId sector : SectorId.values()) {
            depths.put(SectorQueues.outbound(sector), depth(SectorQueues.outbound(sector)));
            depths.put(SectorQueues.deadLetters(sector), depth(SectorQueues.deadLetters(sector)));
        }
        return depths;
    }
}
