package org.rabt.config.reports;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.rabt.caserecord.reports.ImportedReports;
import org.rabt.caserecord.reports.ReportQueries;
import org.rabt.caserecord.reports.Reports;
import org.rabt.config.caserecord.CaseRecordProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The reports, read from the case record, and the provincial reports imported at the national level. */
@Configuration(proxyBeanMethods = false)
public class ReportsConfiguration {

    /** Threads for a report's queries, run side by side; at most this many at once, whoever asks. */
    static final int REPORT_QUERIES_AT_ONCE = 4;

    /**
     * The report queries' threads, held by a type that is not an {@code Executor}: a bean of that
     * type would take the place of Spring Boot's own task executor, which the exchange API runs on.
     */
    record ReportQueryThreads(ExecutorService pool) implements AutoCloseable {

        @Override
        public void close() {
            pool.shutdownNow();
        }
    }

    @Bean
    ReportQueryThreads reportQueryThreads() {
        AtomicInteger next = new AtomicInteger();
        return new ReportQueryThreads(Executors.newFixedThreadPool(REPORT_QUERIES_AT_ONCE, task -> {
            Thread thread = new Thread(task, "report-query-" + next.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }));
    }

    @Bean
    Reports reports(DataSource dataSource, Clock clock, ReportsProperties properties, CaseRecordProperties caseRecord,
            ReportQueryThreads threads) {
        return new Reports(new ReportQueries(JdbcClient.create(dataSource), caseRecord.referralResponseDays()), clock,
                properties.province(), threads.pool());
    }

    /** The national level's imports of provincial reports (docs/reports.md, "National aggregation"). */
    @Bean
    ImportedReports importedReports(DataSource dataSource) {
        return new ImportedReports(JdbcClient.create(dataSource));
    }
}
