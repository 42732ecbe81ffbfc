package org.rabt.config.operations;

import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import org.rabt.caserecord.audit.AuditStore;
import org.rabt.caserecord.cards.CardStore;
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
     * browsers' and the replays' sessions open between these rare calls.
     */
    @Bean
    DeadLetterQueues deadLetterQueues(ConnectionFactory connectionFactory, Clock clock) {
        ConnectionFactory plain = connectionFactory instanceof CachingConnectionFactory caching
                ? caching.getTargetConnectionFactory() : connectionFactory;
        return new DeadLetterQueues(plain, clock);
    }

    @Bean
    DeadLetters deadLetters(DeadLetterQueues queues, CardStore cards, AuditStore audit,
            PlatformTransactionManager transactions, Clock clock) {
        return new DeadLetters(queues, cards, audit, new TransactionTemplate(transactions), clock);
    }
}
