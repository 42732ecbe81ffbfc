package org.rabt.config.operations;

import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import java.util.List;
import org.rabt.caserecord.audit.AuditStore;
import org.rabt.caserecord.cards.CardStore;
import org.rabt.config.broker.ClusterBrokers;
import org.springframework.beans.factory.ObjectProvider;
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
        List<ConnectionFactory> brokers = ClusterBrokers.eachBroker(artemis.getIfAvailable());
        return new DeadLetterQueues(brokers.size() > 1 ? brokers : List.of(plain), clock);
    }

    @Bean
    DeadLetters deadLetters(DeadLetterQueues queues, CardStore cards, AuditStore audit,
            PlatformTransactionManager transactions, Clock clock) {
        return new DeadLetters(queues, cards, audit, new TransactionTemplate(transactions), clock);
    }
}
