package org.rabt.caserecord.reports;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rabt.caserecord.children.ChildFiles;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The counts behind the reports, straight from the clear columns of the case record (no card is
 * decrypted, no child named): a period's cards, referrals and children. Each method is one
 * statement over the cards received in the period (index {@code card_received}).
 */
public final class ReportQueries {

    /** The children of a period, as counted in one pass: by age band and sex, by stage, by concern, age band and sex. */
    public record ChildCounts(Map<String, Long> byAgeBandAndSex, Map<Integer, Long> byStage,
            Map<String, Long> byConcernAgeBandAndSex) {
    }

    private final JdbcClient jdbc;
    private final int responseDays;

    public ReportQueries(JdbcClient jdbc, int responseDays) {
        this.jdbc = jdbc;
        this.responseDays = responseDays;
    }

    public Map<String, Long> cardsBy(String column, ReportPeriod period) {
        if (!List.of("entry_channel", "sender_sector", "card_type").contains(column)) {
            throw new IllegalArgumentException("not a reported column: " + column);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT coalesce(" + column + ", 'unknown') AS k, count(*) AS n FROM card "
                        + "WHERE received_at >= ? AND received_at < ? GROUP BY 1 ORDER BY 1")
                .params(start(period.from()), start(period.to()))
                .query(rs -> {
                    counts.put(rs.getString("k"), rs.getLong("n"));
                });
        return counts;
    }

    /** Referrals of the period by receiving sector; overdue as of {@code asOf}. */
    public List<ReferralFigures> referrals(ReportPeriod period, LocalDate asOf) {
        List<ReferralFigures> figures = new ArrayList<>();
        jdbc.sql("""
                SELECT c.receiver_sector AS sector, count(*) AS sent, count(c.answered_at) AS answered,
                       count(*) FILTER (WHERE c.task_status NOT IN %s
                                        AND COALESCE(c.due_by, (c.received_at AT TIME ZONE 'UTC')::date + %d) < ?) AS overdue,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.answered_at - c.received_at) / 86400.0)
                           AS median_days,
                       avg(extract(epoch FROM c.answered_at - c.received_at) / 86400.0) AS mean_days
                FROM card c
                WHERE c.card_type = 'linkage' AND c.received_at >= ? AND c.received_at < ?
                GROUP BY c.receiver_sector ORDER BY c.receiver_sector""".formatted(ChildFiles.CLOSED_STATUSES, responseDays))
                .params(asOf, start(period.from()), start(period.to()))
                .query(rs -> {
                    figures.add(new ReferralFigures(rs.getString("sector"), rs.getLong("sent"), rs.getLong("answered"),
                            rs.getLong("overdue"), days(rs.getObject("median_days")), days(rs.getObject("mean_days"))));
                });
        return figures;
    }

    /**
     * The children whose files have a card in the period, each once, with the age band, sex and
     * stage of the file's latest card in the period, and every form of violence its cards name.
     */
    public ChildCounts children(ReportPeriod period) {
        Map<String, Long> byAgeBandAndSex = new LinkedHashMap<>();
        Map<Integer, Long> byStage = new LinkedHashMap<>();
        Map<String, Long> byConcern = new LinkedHashMap<>();
        jdbc.sql("""
                WITH pc AS MATERIALIZED (
                    SELECT ch.file_id, c.received_at, c.age_band, c.sex, c.stage, c.concerns
                    FROM card c JOIN child ch ON ch.pseudonym = c.child_pseudonym
                    WHERE c.received_at >= ? AND c.received_at < ?),
                kids AS MATERIALIZED (
                    SELECT DISTINCT ON (file_id) file_id, coalesce(age_band, 'unknown') AS age_band,
                           coalesce(sex, 'unknown') AS sex, stage
                    FROM pc ORDER BY file_id, received_at DESC)
                SELECT 'AS' AS kind, age_band, sex, NULL AS concern, NULL::int AS stage, count(*) AS n
                FROM kids GROUP BY age_band, sex
                UNION ALL
                SELECT 'ST', NULL, NULL, NULL, stage, count(*) FROM kids GROUP BY stage
                UNION ALL
                SELECT 'CAS', k.age_band, k.sex, x.concern, NULL, count(*)
                FROM kids k JOIN (SELECT DISTINCT file_id, unnest(concerns) AS concern FROM pc) x ON x.file_id = k.file_id
                GROUP BY k.age_band, k.sex, x.concern""")
                .params(start(period.from()), start(period.to()))
                .query(rs -> {
                    long n = rs.getLong("n");
                    switch (rs.getString("kind")) {
                        case "AS" -> byAgeBandAndSex.put(rs.getString("age_band") + "|" + rs.getString("sex"), n);
                        case "ST" -> byStage.put(rs.getObject("stage") == null ? null : rs.getInt("stage"), n);
                        default -> byConcern.put(rs.getString("concern") + "|" + rs.getString("age_band") + "|"
                                + rs.getString("sex"), n);
                    }
                });
        return new ChildCounts(byAgeBandAndSex, byStage, byConcern);
    }

    private static OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static Double days(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue() * 10) / 10.0;
    }
}
