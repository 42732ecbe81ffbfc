package org.rabt.config.reports;

import java.time.Clock;
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

    @Bean
    Reports reports(DataSource dataSource, Clock clock, ReportsProperties properties, CaseRecordProperties caseRecord) {
        return new Reports(new ReportQueries(JdbcClient.create(dataSource), caseRecord.referralResponseDays()), clock,
                properties.province());
    }

    /** The national level's imports of provincial reports (docs/reports.md, "National aggregation"). */
    @Bean
    ImportedReports importedReports(DataSource dataSource) {
        return new ImportedReports(JdbcClient.create(dataSource));
    }
}
