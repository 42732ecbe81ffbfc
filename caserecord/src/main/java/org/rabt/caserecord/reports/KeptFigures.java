package org.rabt.caserecord.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The figures of closed reporting periods, kept in memory so that a report does not count the
 * same million cards again each time it is read: every provincial report puts the period before
 * beside its own, and a closed period's figures rarely change.
 *
 * <p>What can still change them is known, and each is counted in the database:
 * <ul>
 * <li>a card's children figures move only when a coordinator merges two files or undoes a merge
 *     (rows of {@code file_merge}, never deleted; an undo fills {@code undone_at});</li>
 * <li>a card's referral figures move only when its receiver reports a status (answered, response
 *     time, overdue), and that statement raises the version of the card's month of receipt
 *     ({@code report_month_version}, V11).</li>
 * </ul>
 * A period counts as closed from the second day after its last day on (cards are received at the
 * hub's time, so none can arrive in it any more; a day's margin covers a batch received just before
 * midnight and read after it, and clocks that differ between nodes). Figures are kept with the stamp read <em>before</em> they were counted, so a change that
 * commits while they are counted makes them stale, never wrongly current. Every read compares
 * the stamp (one small statement) and counts again when it moved; {@link #refresh()} does the
 * counting ahead of readers for the periods a committee reads first.
 *
 * <p>Kept per hub node (each node counts for itself); a restart starts empty.
 */
public final class KeptFigures {

    /** Stamps: merges and undos so far; the sum of the versions of the period's months. */
    private record Stamp(long merges, long versions) {
    }

    private record Kept<T>(Stamp stamp, T figures) {
    }

    /** At most this many periods kept (each a few hundred numbers): months, halves, years. */
    static final int MOST_KEPT = 64;

    private final ReportQueries queries;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Kept<ReportQueries.ChildCounts>> children = new ConcurrentHashMap<>();
    private final Map<String, Kept<ReportQueries.CardCounts>> cards = new ConcurrentHashMap<>();
    private final AtomicLong counted = new AtomicLong();

    public KeptFigures(ReportQueries queries, JdbcClient jdbc, Clock clock) {
        this.queries = queries;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The period's children, kept when the period is closed. */
    public ReportQueries.ChildCounts children(ReportPeriod period) {
        if (!isClosed(period)) {
            return count(() -> queries.children(period));
        }
        Stamp now = stamp(period);
        Kept<ReportQueries.ChildCounts> kept = children.get(period.label());
        if (kept != null && kept.stamp().merges() == now.merges()) {
            return kept.figures();
        }
        ReportQueries.ChildCounts figures = count(() -> queries.children(period));
        keep(children, period, new Kept<>(now, figures));
        return figures;
    }

    /** The period's cards and referrals as of {@code asOf}, kept when the period is closed (as of its end). */
    public ReportQueries.CardCounts cards(ReportPeriod period, LocalDate asOf) {
        if (!isClosed(period) || !asOf.equals(period.to())) {
            return count(() -> queries.cards(period, asOf));
        }
        Stamp now = stamp(period);
        Kept<ReportQueries.CardCounts> kept = cards.get(period.label());
        if (kept != null && kept.stamp().versions() == now.versions()) {
            return kept.figures();
        }
        ReportQueries.CardCounts figures = count(() -> queries.cards(period, asOf));
        keep(cards, period, new Kept<>(now, figures));
        return figures;
    }

    /**
     * Counts ahead of readers, for the closed periods a report reads first: the last two months,
     * half-years and years (the latest closed one, and the one a report puts beside it). Figures
     * still current are not counted again, nor periods not closed yet (the first day of a month).
     */
    public void refresh() {
        for (ReportPeriod period : periodsReadFirst(today())) {
            if (isClosed(period)) {
                children(period);
                cards(period, period.to());
            }
        }
    }

    /** How many times the figures of a period were counted from the cards (kept or not). */
    public long timesCounted() {
        return counted.get();
    }

    static List<ReportPeriod> periodsReadFirst(LocalDate today) {
        Set<ReportPeriod> periods = new LinkedHashSet<>();
        ReportPeriod month = ReportPeriod.parse(today.toString().substring(0, 7));
        ReportPeriod half = ReportPeriod.halfYearOf(today);
        ReportPeriod year = ReportPeriod.parse(String.valueOf(today.getYear()));
        for (ReportPeriod open : List.of(month, half, year)) {
            // the period under way is read with the one before beside it; the latest closed one
            // (that same one) with its own previous beside it
            periods.add(open.previous());
            periods.add(open.previous().previous());
        }
        return new ArrayList<>(periods);
    }

    private boolean isClosed(ReportPeriod period) {
        return period.to().isBefore(today());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private Stamp stamp(ReportPeriod period) {
        return jdbc.sql("""
                SELECT (SELECT count(*) + count(undone_at) FROM file_merge) AS merges,
                       (SELECT coalesce(sum(version), 0) FROM report_month_version
                        WHERE month >= ? AND month < ?) AS versions""")
                .params(period.from(), period.to())
                .query((rs, row) -> new Stamp(rs.getLong("merges"), rs.getLong("versions")))
                .single();
    }

    private <T> T count(java.util.function.Supplier<T> query) {
        counted.incrementAndGet();
        return query.get();
    }

    private static <T> void keep(Map<String, Kept<T>> map, ReportPeriod period, Kept<T> kept) {
        if (map.size() >= MOST_KEPT && !map.containsKey(period.label())) {
            // rarely reached (64 periods); the oldest period is the least likely to be read again
            map.keySet().stream().min(String::compareTo).ifPresent(map::remove);
        }
        map.put(period.label(), kept);
    }
}
