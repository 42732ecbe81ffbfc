package org.rabt.config.caserecord;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.apache.camel.ProducerTemplate;
import org.rabt.caserecord.audit.AuditStore;
import org.rabt.caserecord.cards.CardStore;
import org.rabt.caserecord.children.ChildFiles;
import org.rabt.caserecord.children.ChildMatcher;
import org.rabt.caserecord.children.ChildPseudonyms;
import org.rabt.caserecord.children.FileMerges;
import org.rabt.config.wiring.HubSigning;
import org.rabt.routes.caserecord.ChildMatchingRoute;
import org.rabt.routes.centre.CentreCardSubmission;
import org.rabt.security.atrest.FieldCipher;
import org.rabt.security.pki.HubPki;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The centre's case record: the children's files, the review list, and the cards the centre writes. */
@Configuration(proxyBeanMethods = false)
public class CaseRecordConfiguration {

    @Bean
    ChildFiles childFiles(DataSource dataSource, FieldCipher cipher, ChildPseudonyms pseudonyms, Clock clock,
            CaseRecordProperties properties) {
        return new ChildFiles(JdbcClient.create(dataSource), cipher, pseudonyms, clock, properties.referralResponseDays());
    }

    @Bean
    FileMerges fileMerges(DataSource dataSource, PlatformTransactionManager transactions, AuditStore audit, Clock clock) {
        return new FileMerges(JdbcClient.create(dataSource), new TransactionTemplate(transactions), audit, clock);
    }

    @Bean
    ChildMatchingRoute childMatchingRoute(DataSource dataSource, Clock clock) {
        return new ChildMatchingRoute(new ChildMatcher(JdbcClient.create(dataSource)), clock);
    }

    @Bean
    CaseRecordAccess caseRecordAccess(ChildFiles files, FileMerges merges, AuditStore audit, Clock clock,
            CaseRecordProperties properties) {
        return new CaseRecordAccess(files, merges, audit, clock, Duration.ofDays(Math.max(1, properties.newCardsDays())));
    }

    @Bean
    CentreCardSender centreCardSender(ChildFiles files, CardStore cards, ProducerTemplate producer, HubSigning signer,
            HubPki pki, AuditStore audit, Clock clock) {
        return new CentreCardSender(new CentreCards(files, cards, clock), cards,
                new CentreCardSubmission(producer, signer, pki.hubSigner().certificate()), files, audit, clock);
    }
}
