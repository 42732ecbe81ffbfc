package org.rabt.config.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;
import org.rabt.config.broker.BrokerSettings;
import org.rabt.config.wiring.DeliveryProperties;
import org.rabt.mappings.cpm.SectorId;

/**
 * Real Artemis brokers in the test JVM, standing in for the external brokers of the production
 * topology: a core TCP acceptor on loopback and exactly the settings an operator installs on a
 * production broker ({@link BrokerSettings}, as printed by {@code rabt.jar broker properties}).
 */
public final class TestBrokers {

    private TestBrokers() {
    }

    /** The brokers' per-operation audit lines (INFO) would bury a test's output, as in the hub (application.yaml). */
    public static void quiet() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.apache.activemq.audit"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
    }

    /**
     * @param persistent whether the broker keeps a journal (a non-persistent one may still page: its
     *                   directories are under {@code directory} all the same)
     * @param security   the broker's security manager, or {@code null} for none
     */
    public static EmbeddedActiveMQ start(Path directory, String name, int port, boolean persistent,
            ActiveMQSecurityManager security) throws Exception {
        ConfigurationImpl configuration = new ConfigurationImpl();
        configuration.setName(name);
        configuration.setPersistenceEnabled(persistent);
        configuration.setJournalDirectory(directory.resolve("journal").toString());
        configuration.setBindingsDirectory(directory.resolve("bindings").toString());
        configuration.setLargeMessagesDirectory(directory.resolve("large").toString());
        configuration.setPagingDirectory(directory.resolve("paging").toString());
        configuration.setSecurityEnabled(security != null);
        configuration.addAcceptorConfiguration("core", "tcp://127.0.0.1:" + port + "?protocols=CORE");
        DeliveryProperties delivery = new DeliveryProperties(30, Duration.ofSeconds(1), 2.0, Duration.ofMinutes(10),
                Duration.ofSeconds(5), Duration.ofSeconds(30));
        BrokerSettings.apply(configuration, BrokerSettings.of(delivery, List.of(SectorId.POLICE, SectorId.GENDARMERIE)));
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(configuration);
        if (security != null) {
            broker.setSecurityManager(security);
        }
        broker.start();
        return broker;
    }

    /** Stops each broker a test started (those it did not reach are {@code null}). */
    public static void stop(EmbeddedActiveMQ... brokers) throws Exception {
        for (EmbeddedActiveMQ broker : brokers) {
            if (broker != null) {
                broker.stop();
            }
        }
    }
}
