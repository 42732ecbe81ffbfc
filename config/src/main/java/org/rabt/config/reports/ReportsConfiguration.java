package org.rabt.config.reports;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.rabt.caserecord.reports.ImportedReports;
import org.rabt.caserecord.reports.KeptFigures;
import org.rabt.caserecord.reports.ReportQueries;
import org.rabt.caserecord.reports.Reports;
import org.rabt.config.caserecord.CaseRecordProperties;
import org.rabt.routes.reports.KeptFiguresRoute;
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

    /** The figures of closed periods, kept by this node; the route {@code reports-keep} counts them ahead of readers. */
    @Bean
    KeptFigures keptFigures(DataSource dataSource, Clock clock, CaseRecordProperties caseRecord) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        return new KeptFigures(new ReportQueries(jdbc, caseRecord.referralResponseDays()), jdbc, clock);
    }

    @Bean
    KeptFiguresRoute keptFiguresRoute(KeptFigures figures, ReportsProperties properties) {
        return new KeptFiguresRoute(figures, properties.keepEvery(), properties.keepAfter());
    }

    @Bean
    Reports reports(KeptFigures figures, Clock clock, ReportsProperties properties, ReportQueryThreads threads) {
        return new Reports(figures, clock, properties.province(), threads.pool());
    }

    /** The national level's imports of provincial reports (docs/reports.md, "National aggregation"). */
    @Bean
    ImportedReports importedReports(DataSource dataSource) {
        return new ImportedReports(JdbcClient.create(dataSource));
    }
}
