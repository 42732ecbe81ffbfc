package org.rabt.caserecord.reports;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The provinces' provincial reports imported at the national level ({@code national_report_import}),
 * each province and period once: the report is kept as the bytes its province signed.
 */
public final class ImportedReports {

    /** One imported report, as stored. */
    public record Imported(String province, String period, Instant importedAt, String importedBy, String report,
            String signerFingerprint, String signerSubject) {
    }

    private final JdbcClient jdbc;

    public ImportedReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records an import unless that province's report for that period is there already.
     *
     * @return whether it was recorded (false: imported before, nothing changed)
     */
    public boolean record(Imported imported) {
        // ON CONFLICT rather than a check first: two imports of one file at once record it once
        return jdbc.sql("""
                INSERT INTO national_report_import
                    (province, period, imported_at, imported_by, report, signer_fingerprint, signer_subject)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (province, period) DO NOTHING""")
                .params(imported.province(), imported.period(), imported.importedAt().atOffset(ZoneOffset.UTC),
                        imported.importedBy(), imported.report(), imported.signerFingerprint(), imported.signerSubject())
                .update() == 1;
    }

    /** The reports imported for {@code period}, by province. */
    public List<Imported> of(String period) {
        return jdbc.sql("""
                SELECT province, period, imported_at, imported_by, report, signer_fingerprint, signer_subject
                FROM national_report_import WHERE period = ? ORDER BY province""")
                .param(period)
                .query((rs, row) -> new Imported(rs.getString("province"), rs.getString("period"),
                        rs.getObject("imported_at", OffsetDateTime.class).toInstant(), rs.getString("imported_by"),
                        rs.getString("report"), rs.getString("signer_fingerprint"), rs.getString("signer_subject")))
                .list();
    }
}
