package org.rabt.caserecord.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    private static final String CHILDREN = """
                WITH per_child AS (
                    SELECT c.child_pseudonym,
                           max((date_part('epoch', c.received_at)::bigint << 12)
                               | (coalesce(array_position(?::varchar[], c.age_band), 0)::bigint << 8)
                               | (coalesce(array_position(?::varchar[], c.sex), 0)::bigint << 4)
                               | coalesce(c.stage, 0)::bigint) AS latest,
                           bit_or(coalesce(c.concern_mask, 0)) AS concerns
                    FROM card c
                    WHERE c.received_at >= %1$s AND c.received_at < %2$s
                    GROUP BY c.child_pseudonym),
                kids AS (
                    SELECT max(p.latest) AS latest, bit_or(p.concerns) AS concerns
                    FROM per_child p JOIN child ch ON ch.pseudonym = p.child_pseudonym
                    GROUP BY ch.file_id)
                SELECT (latest >> 8) & 15 AS age, (latest >> 4) & 15 AS sex, latest & 15 AS stage, concerns, count(*) AS n
                FROM kids GROUP BY 1, 2, 3, 4""";

    private final JdbcClient jdbc;
    private final int responseDays;

    public ReportQueries(JdbcClient jdbc, int responseDays) {
        this.jdbc = jdbc;
        this.responseDays = responseDays;
    }

    /**
     * A period's cards counted by type, by entry channel and by sending sector, and its referrals
     * by receiving sector.
     */
    public record CardCounts(Map<String, Long> byType, Map<String, Long> byEntryChannel, Map<String, Long> bySender,
            List<ReferralFigures> referrals) {
    }

    /**
     * A period's cards and referrals in one pass of hash aggregation (grouping sets). Response
     * times are counted per tenth of a day, so that the median is read off their distribution
     * rather than by sorting every referral (an ordered-set aggregate would sort once per set).
     * Overdue as of {@code asOf}.
     */
    public CardCounts cards(ReportPeriod period, LocalDate asOf) {
        Map<String, Long> byType = new TreeMap<>();
        Map<String, Long> byChannel = new TreeMap<>();
        Map<String, Long> bySender = new TreeMap<>();
        Map<String, TreeMap<Long, Long>> responses = new TreeMap<>();
        Map<String, long[]> sentAndOverdue = new TreeMap<>();
        jdbc.sql("""
                SELECT card_type, entry_channel, sender_sector, referral_to, tenths, count(*) AS n,
                       count(*) FILTER (WHERE overdue) AS late,
                       GROUPING(card_type) AS no_type, GROUPING(entry_channel) AS no_channel,
                       GROUPING(sender_sector) AS no_sender
                FROM (
                    SELECT card_type, coalesce(entry_channel, 'unknown') AS entry_channel, sender_sector,
                           CASE WHEN card_type = 'linkage' THEN receiver_sector END AS referral_to,
                           CASE WHEN card_type = 'linkage' AND answered_at IS NOT NULL
                                THEN round(date_part('epoch', answered_at - received_at) / 8640.0)::bigint END AS tenths,
                           card_type = 'linkage' AND task_status NOT IN %s
                               AND COALESCE(due_by, (received_at AT TIME ZONE 'UTC')::date + %d) < ? AS overdue
                    FROM card WHERE received_at >= %s AND received_at < %s) c
                GROUP BY GROUPING SETS ((card_type), (entry_channel), (sender_sector), (referral_to, tenths))""".formatted(
                        ChildFiles.CLOSED_STATUSES, responseDays, utcMidnight(period.from()), utcMidnight(period.to())))
                .params(asOf)
                .query(rs -> {
                    long n = rs.getLong("n");
                    if (rs.getInt("no_type") == 0) {
                        byType.put(rs.getString("card_type"), n);
                    } else if (rs.getInt("no_channel") == 0) {
                        byChannel.put(rs.getString("entry_channel"), n);
                    } else if (rs.getInt("no_sender") == 0) {
                        bySender.put(rs.getString("sender_sector"), n);
                    } else if (rs.getString("referral_to") != null) {
                        String to = rs.getString("referral_to");
                        long[] totals = sentAndOverdue.computeIfAbsent(to, k -> new long[2]);
                        totals[0] += n;
                        totals[1] += rs.getLong("late");
                        Object tenths = rs.getObject("tenths");
                        if (tenths != null) {
                            responses.computeIfAbsent(to, k -> new TreeMap<>()).merge(((Number) tenths).longValue(), n, Long::sum);
                        }
                    }
                });
        List<ReferralFigures> referrals = new ArrayList<>();
        sentAndOverdue.forEach((to, totals) -> {
            TreeMap<Long, Long> times = responses.getOrDefault(to, new TreeMap<>());
            long answered = times.values().stream().mapToLong(Long::longValue).sum();
            Double mean = answered == 0 ? null : days(times.entrySet().stream()
                    .mapToDouble(e -> e.getKey() * (double) e.getValue()).sum() / answered / 10.0);
            referrals.add(new ReferralFigures(to, totals[0], answered, totals[1], median(times, answered), mean));
        });
        return new CardCounts(byType, byChannel, bySender, referrals);
    }

    /** The median of response times counted per tenth of a day, in days ({@code null} when none). */
    static Double median(TreeMap<Long, Long> tenths, long count) {
        if (count == 0) {
            return null;
        }
        long lower = (count - 1) / 2;
        long upper = count / 2;
        Long low = null;
        Long high = null;
        long seen = 0;
        for (Map.Entry<Long, Long> e : tenths.entrySet()) {
            long next = seen + e.getValue();
            if (low == null && lower < next) {
                low = e.getKey();
            }
            if (upper < next) {
                high = e.getKey();
                break;
            }
            seen = next;
        }
        return days((low + high) / 20.0);
    }

    /**
     * The children whose files have a card in the period, each once, with the age band, sex and
     * stage of the file's latest card in the period, and every form of violence its cards name.
     * One pass of hash aggregation over the period's cards, by child, then by file (a file may
     * hold several children merged): the latest card's values as the greatest bigint of time, age
     * band, sex and stage, the forms of violence as the OR of the cards' concern bits; no sort of
     * the cards, no join of every card.
     */
    /** The plan PostgreSQL runs for {@link #children} (for the benchmark's profile). */
    public List<String> explainChildren(ReportPeriod period) {
        return jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + children(period.from(), period.to()))
                .params(Reports.AGE_BANDS.toArray(String[]::new), Reports.SEXES.toArray(String[]::new))
                .query(String.class).list();
    }

    public ChildCounts children(ReportPeriod period) {
        Map<String, Long> byAgeBandAndSex = new LinkedHashMap<>();
        Map<Integer, Long> byStage = new LinkedHashMap<>();
        Map<String, Long> byConcern = new LinkedHashMap<>();
        // The latest card's values of a child travel as one bigint, so that "the latest" is a plain
        // max(): its time in seconds (high bits), then its age band, sex and stage (low bits).
        jdbc.sql(children(period.from(), period.to()))
                .params(Reports.AGE_BANDS.toArray(String[]::new), Reports.SEXES.toArray(String[]::new))
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

    private static String children(LocalDate from, LocalDate to) {
        return CHILDREN.formatted(utcMidnight(from), utcMidnight(to));
    }

    /**
     * A day's start as an SQL literal, written into the statement rather than bound: the driver
     * prepares a statement it has run five times on a connection, and PostgreSQL then plans it
     * once for any bounds, guessing that a range of receipt times holds a few thousand cards; for
     * a year of a million that plan (an index walk) took 3.2 s instead of 1.7. A {@link LocalDate}
     * prints only as {@code yyyy-MM-dd}, so nothing from a request reaches the text.
     */
    static String utcMidnight(LocalDate day) {
        return "timestamptz '" + day + " 00:00:00+00'";
    }

    private static Double days(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue() * 10) / 10.0;
    }
}
