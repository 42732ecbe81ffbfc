package org.rabt.config.broker;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.springframework.beans.factory.ObjectProvider;

/** How many cards wait in each queue of the embedded broker, read from the broker object itself. */
public final class EmbeddedBrokerQueues implements BrokerQueues {

    private final ObjectProvider<EmbeddedActiveMQ> embedded;

    public EmbeddedBrokerQueues(ObjectProvider<EmbeddedActiveMQ> embedded) {
        this.embedded = embedded;
    }

    /** Messages in the queue, or -1 when the broker is not embedded (or not started) or the queue does not exist. */
    @Override
    public long depth(String queue) {
        EmbeddedActiveMQ broker = embedded.getIfAvailable();
        ActiveMQServer server = broker == null ? null : broker.getActiveMQServer();
        if (server == null || !server.isActive()) {
            return -1;
        }
        Queue located = server.locateQueue(SimpleString.of(queue));
        return located == null ? -1 : located.getMessageCount();
    }
}
