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

    /** A period's cards counted by type, by entry channel and by sending sector, in one pass. */
    public record CardCounts(Map<String, Long> byType, Map<String, Long> byEntryChannel, Map<String, Long> bySender) {
    }

    public CardCounts cards(ReportPeriod period) {
        Map<String, Long> byType = new LinkedHashMap<>();
        Map<String, Long> byChannel = new LinkedHashMap<>();
        Map<String, Long> bySender = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT card_type, coalesce(entry_channel, 'unknown') AS entry_channel, sender_sector, count(*) AS n,
                       GROUPING(card_type) AS no_type, GROUPING(coalesce(entry_channel, 'unknown')) AS no_channel
                FROM card WHERE received_at >= ? AND received_at < ?
                GROUP BY GROUPING SETS ((card_type), (coalesce(entry_channel, 'unknown')), (sender_sector))
                ORDER BY 1, 2, 3""")
                .params(start(period.from()), start(period.to()))
                .query(rs -> {
                    long n = rs.getLong("n");
                    if (rs.getInt("no_type") == 0) {
                        byType.put(rs.getString("card_type"), n);
                    } else if (rs.getInt("no_channel") == 0) {
                        byChannel.put(rs.getString("entry_channel"), n);
                    } else {
                        bySender.put(rs.getString("sender_sector"), n);
                    }
                });
        return new CardCounts(byType, byChannel, bySender);
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
     * One pass of hash aggregation over the period's cards: the latest card's values travel as the
     * greatest array [time, age band, sex, stage] of the file (arrays compare element by element),
     * its forms of violence as the OR of the cards' concern bits; no sort of the cards.
     */
    public ChildCounts children(ReportPeriod period) {
        Map<String, Long> byAgeBandAndSex = new LinkedHashMap<>();
        Map<Integer, Long> byStage = new LinkedHashMap<>();
        Map<String, Long> byConcern = new LinkedHashMap<>();
        jdbc.sql("""
                WITH kids AS (
                    SELECT max(ARRAY[extract(epoch FROM c.received_at)::bigint,
                                     coalesce(array_position(?::varchar[], c.age_band), 0),
                                     coalesce(array_position(?::varchar[], c.sex), 0),
                                     coalesce(c.stage, 0)]) AS latest,
                           bit_or(coalesce(c.concern_mask, 0)) AS concerns
                    FROM card c JOIN child ch ON ch.pseudonym = c.child_pseudonym
                    WHERE c.received_at >= ? AND c.received_at < ?
                    GROUP BY ch.file_id)
                SELECT latest[2] AS age, latest[3] AS sex, latest[4] AS stage, concerns, count(*) AS n
                FROM kids GROUP BY 1, 2, 3, 4""")
                .params(Reports.AGE_BANDS.toArray(String[]::new), Reports.SEXES.toArray(String[]::new),
                        start(period.from()), start(period.to()))
                .query(rs -> {
                    int age = rs.getInt("age");
                    int sex = rs.getInt("sex");
                    int stage = rs.getInt("stage");
                    int concerns = rs.getInt("concerns");
                    long n = rs.getLong("n");
                    String ageBand = age == 0 ? "unknown" : Reports.AGE_BANDS.get(age - 1);
                    String sexCode = sex == 0 ? "unknown" : Reports.SEXES.get(sex - 1);
                    byAgeBandAndSex.merge(ageBand + "|" + sexCode, n, Long::sum);
                    byStage.merge(stage == 0 ? null : stage, n, (a, b) -> a + b);
                    for (int bit = 0; bit < ConcernBits.CODES.size(); bit++) {
                        if ((concerns & (1 << bit)) != 0) {
                            byConcern.merge(ConcernBits.CODES.get(bit) + "|" + ageBand + "|" + sexCode, n, Long::sum);
                        }
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
