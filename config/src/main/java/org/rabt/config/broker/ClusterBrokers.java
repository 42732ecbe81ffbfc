package org.rabt.config.broker;

import jakarta.jms.ConnectionFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.apache.activemq.artemis.api.jms.JMSFactoryType;
import org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.boot.artemis.autoconfigure.ArtemisMode;
import org.springframework.boot.artemis.autoconfigure.ArtemisProperties;

/**
 * The brokers of the hub's external broker URL, one by one. In a broker cluster each broker holds
 * its own part of every queue, so what the hub counts or looks for in a queue (dead letters, queue
 * depths) it asks of every broker, each through a factory that reaches that broker only.
 */
public final class ClusterBrokers {

    private ClusterBrokers() {
    }

    /**
     * The brokers of the URL, each as a factory that reaches that broker only (no failover to the
     * others): Artemis's own parser reads the URL, e.g. {@code (tcp://mq1:61616,tcp://mq2:61616)?ha=true}.
     * None with the embedded broker; one for a single-broker URL.
     */
    public static List<ConnectionFactory> eachBroker(ArtemisProperties artemis) {
        return List.copyOf(eachBroker(artemis, null));
    }

    /**
     * The same, each factory giving up after {@code timeout} when its broker does not answer (to
     * connect, and to confirm a send): a broker that is down must not hold up a metrics scrape.
     */
    public static List<ActiveMQConnectionFactory> eachBroker(ArtemisProperties artemis, Duration timeout) {
        if (artemis == null || artemis.getMode() != ArtemisMode.NATIVE || artemis.getBrokerUrl() == null) {
            return List.of();
        }
        List<ActiveMQConnectionFactory> brokers = new ArrayList<>();
        try (ActiveMQConnectionFactory cluster = new ActiveMQConnectionFactory(artemis.getBrokerUrl())) {
            TransportConfiguration[] connectors = cluster.getStaticConnectors();
            if (connectors == null) {
                return List.of();
            }
            for (TransportConfiguration connector : connectors) {
                ActiveMQConnectionFactory one = ActiveMQJMSClient.createConnectionFactoryWithoutHA(JMSFactoryType.CF,
                        timeout == null ? connector : withConnectTimeout(connector, timeout));
                one.setUser(artemis.getUser());
                one.setPassword(artemis.getPassword());
                if (timeout != null) {
                    one.setCallTimeout(timeout.toMillis());
                    one.setCallFailoverTimeout(timeout.toMillis());
                }
                brokers.add(one);
            }
        }
        return brokers;
    }

    /** The broker a factory of {@link #eachBroker} reaches, as {@code host:port} (a metric's label, a log line). */
    public static String nameOf(ActiveMQConnectionFactory broker) {
        TransportConfiguration[] connectors = broker.getStaticConnectors();
        if (connectors == null || connectors.length == 0) {
            return "unknown";
        }
        Map<String, Object> params = connectors[0].getParams();
        Object host = params.getOrDefault(TransportConstants.HOST_PROP_NAME, TransportConstants.DEFAULT_HOST);
        Object port = params.getOrDefault(TransportConstants.PORT_PROP_NAME, TransportConstants.DEFAULT_PORT);
        return host + ":" + port;
    }

    private static TransportConfiguration withConnectTimeout(TransportConfiguration connector, Duration timeout) {
        Map<String, Object> params = new HashMap<>(connector.getParams());
        params.put(TransportConstants.NETTY_CONNECT_TIMEOUT, (int) timeout.toMillis());
        return new TransportConfiguration(connector.getFactoryClassName(), params, connector.getName(),
                connector.getExtraParams());
    }
}
