package org.rabt.config.operations;

import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.apache.activemq.artemis.api.jms.JMSFactoryType;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.rabt.caserecord.audit.AuditStore;
import org.rabt.caserecord.cards.CardStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.artemis.autoconfigure.ArtemisMode;
import org.springframework.boot.artemis.autoconfigure.ArtemisProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The operator's tools on the staff port: the dead letters (API and console). */
@Configuration(proxyBeanMethods = false)
public class OperationsConfiguration {

    /**
     * On the broker's plain connection factory: Spring Boot's session-caching one would keep the
     * browsers' and the replays' sessions open between these rare calls. With an external broker
     * cluster ({@code spring.artemis.broker-url} listing several brokers), one factory per broker:
     * each broker holds its own part of a dead-letter queue (see {@link DeadLetterQueues}).
     */
    @Bean
    DeadLetterQueues deadLetterQueues(ConnectionFactory connectionFactory, ObjectProvider<ArtemisProperties> artemis,
            Clock clock) {
        ConnectionFactory plain = connectionFactory instanceof CachingConnectionFactory caching
                ? caching.getTargetConnectionFactory() : connectionFactory;
        List<ConnectionFactory> brokers = eachBroker(artemis.getIfAvailable());
        return new DeadLetterQueues(brokers.size() > 1 ? brokers : List.of(plain), clock);
    }

    @Bean
    DeadLetters deadLetters(DeadLetterQueues queues, CardStore cards, AuditStore audit,
            PlatformTransactionManager transactions, Clock clock) {
        return new DeadLetters(queues, cards, audit, new TransactionTemplate(transactions), clock);
    }

    /**
     * The brokers of the URL, each as a factory that reaches that broker only (no failover to the
     * others): Artemis's own parser reads the URL, e.g. {@code (tcp://mq1:61616,tcp://mq2:61616)?ha=true}.
     */
    static List<ConnectionFactory> eachBroker(ArtemisProperties artemis) {
        if (artemis == null || artemis.getMode() != ArtemisMode.NATIVE || artemis.getBrokerUrl() == null) {
            return List.of();
        }
        List<ConnectionFactory> brokers = new ArrayList<>();
        try (ActiveMQConnectionFactory cluster = new ActiveMQConnectionFactory(artemis.getBrokerUrl())) {
            TransportConfiguration[] connectors = cluster.getStaticConnectors();
            if (connectors == null) {
                return List.of();
            }
            for (TransportConfiguration connector : connectors) {
                ActiveMQConnectionFactory one = ActiveMQJMSClient.createConnectionFactoryWithoutHA(JMSFactoryType.CF, connector);
                one.setUser(artemis.getUser());
                one.setPassword(artemis.getPassword());
                brokers.add(one);
            }
        }
        return brokers;
    }
}
