package org.rabt.config.wiring;

import java.time.Clock;
import javax.sql.DataSource;
import org.rabt.caserecord.batches.BatchStore;
import org.rabt.caserecord.children.ChildPseudonyms;
import org.rabt.security.atrest.DataKeys;
import org.rabt.security.atrest.FieldCipher;
import org.rabt.security.atrest.FileCipher;
import org.rabt.config.HubProperties;
import org.rabt.config.exchange.BatchDirectories;
import org.rabt.config.exchange.ExchangeProperties;
import org.rabt.mappings.cpm.CpmSchema;
import org.rabt.routes.batches.BatchRoutes;
import org.rabt.routes.batches.EducationBatches;
import org.rabt.routes.exchange.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Education's batches: where they live, how they are stored, and the routes that process them. */
@Configuration(proxyBeanMethods = false)
public class BatchConfiguration {

    @Bean
    BatchDirectories batchDirectories(HubProperties hub) {
        return BatchDirectories.under(hub.dataDir());
    }

    @Bean
    BatchStore batchStore(DataSource dataSource, PlatformTransactionManager transactions, FieldCipher cipher) {
        return new BatchStore(JdbcClient.create(dataSource), new JdbcTemplate(dataSource),
                new TransactionTemplate(transactions), cipher);
    }

    @Bean
    EducationBatches educationBatches(BatchStore store, SignatureChecks signatures, ChildPseudonyms pseudonyms,
            CpmSchema schema, BatchDirectories directories, ExchangeProperties exchange, DataKeys keys, Clock clock) {
        return new EducationBatches(store, signatures, pseudonyms, schema, directories.batches(),
                exchange.maxBatchRows(), new FileCipher(keys), clock);
    }

    @Bean
    BatchRoutes batchRoutes(EducationBatches batches, Problems problems, BatchDirectories directories) {
        return new BatchRoutes(batches, problems, directories.drop(), directories.spool());
    }
}
