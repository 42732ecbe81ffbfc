package org.rabt.config.audit;

import java.time.Clock;
import javax.sql.DataSource;
import org.rabt.caserecord.audit.AuditStore;
import org.rabt.config.wiring.HubSigning;
import org.rabt.caserecord.cards.CardStore;
import org.rabt.routes.audit.AuditSealRoute;
import org.rabt.routes.retention.EvidenceRetentionRoute;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit log: its store, and the route that seals it into one chain. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    @Bean
    AuditStore auditStore(DataSource dataSource, PlatformTransactionManager transactions) {
        return new AuditStore(JdbcClient.create(dataSource), new JdbcTemplate(dataSource),
                new TransactionTemplate(transactions));
    }

    /** Only with a retention policy ({@code rabt.audit.evidence-retention}, e.g. {@code 3650d}). */
    @Bean
    @ConditionalOnProperty("rabt.audit.evidence-retention")
    EvidenceRetentionRoute evidenceRetentionRoute(CardStore cards, AuditProperties properties, Clock clock) {
        return new EvidenceRetentionRoute(cards, properties.evidenceRetention(), clock);
    }

    @Bean
    AuditSealRoute auditSealRoute(AuditStore store, HubSigning hub, AuditProperties properties, Clock clock) {
        return new AuditSealRoute(store, hub::signBase64, properties.checkpointEvery(), properties.checkpointAfter(),
                clock);
    }
}
