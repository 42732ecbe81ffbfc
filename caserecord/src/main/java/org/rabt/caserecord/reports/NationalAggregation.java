package org.rabt.caserecord.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.rabt.caserecord.reports.SmallCells.Relation;

/**
 * Adds the provinces' provincial reports of one period up into the national report. Counts of
 * cards and referrals are plain sums. A figure about children is the sum of the provinces' figures
 * when every province published it; when any province withheld it, the national figure is withheld
 * too (otherwise the national figure minus the other provinces' would give the withheld one away).
 * Then {@link SmallCells} runs again over the national table, so that no withheld national figure
 * can be recomputed from the national totals and the published national figures.
 *
 * <p>Pure: reports in, report out; the caller reads the clock.
 */
public final class NationalAggregation {

    private NationalAggregation() {
    }

    /**
     * @param period    the half-year or year the reports are of (each report's {@code period})
     * @param reports   one report per province
     * @param expected  the provinces expected to report (those absent are listed as missing)
     */
    public static NationalReport aggregate(ReportPeriod period, List<ProvincialReport> reports,
            Collection<String> expected, Instant generatedAt) {
        for (ProvincialReport report : reports) {
            if (!period.label().equals(report.period())) {
                throw new IllegalArgumentException("a report of " + report.period() + " among those of " + period.label());
            }
        }
        List<String> provinces = reports.stream().map(ProvincialReport::province).sorted().toList();
        if (new TreeSet<>(provinces).size() != provinces.size()) {
            throw new IllegalArgumentException("two reports of one province: " + provinces);
        }
        List<String> missing = new TreeSet<>(expected).stream().filter(p -> !provinces.contains(p)).toList();
        Table now = Table.of(reports, false);
        Table before = Table.of(reports, true);
        ChildrenFigures children = new ChildrenFigures(
                now.cell(before, Key.total()),
                cells(now, before, reports, r -> r.children().byAgeBand(), "A"),
                cells(now, before, reports, r -> r.children().bySex(), "S"),
                cells(now, before, reports, r -> r.children().byAgeBandAndSex(), "AS"),
                cells(now, before, reports, r -> r.children().byConcern(), "C"),
                cells(now, before, reports, r -> r.children().byConcernAgeBandAndSex(), "CAS"));
        return new NationalReport(period.label(), period.from(), period.to(), period.previous().label(), generatedAt,
                SmallCells.THRESHOLD, provinces, missing,
                achievements(reports.stream().map(ProvincialReport::achievements).toList(), now),
                achievements(reports.stream().map(ProvincialReport::previousAchievements).toList(), before),
                children);
    }

    /** The national cells of one list of the children's figures, in the order the provinces list them. */
    private static List<Cell> cells(Table now, Table before, List<ProvincialReport> reports,
            Function<ProvincialReport, List<Cell>> list, String kind) {
        Set<Key> keys = new LinkedHashSet<>();
        reports.forEach(report -> list.apply(report).forEach(cell -> keys.add(Key.of(kind, cell))));
        return keys.stream().map(key -> now.cell(before, key)).toList();
    }

    private static Achievements achievements(List<Achievements> provinces, Table table) {
        Map<String, Long> byChannel = new TreeMap<>();
        Map<String, Long> bySector = new TreeMap<>();
        Map<String, List<ReferralFigures>> referrals = new TreeMap<>();
        long cards = 0;
        long followUps = 0;
        long evaluations = 0;
        Set<Key> stages = new LinkedHashSet<>();
        for (Achievements a : provinces) {
            cards += a.cards();
            followUps += a.followUpCards();
            evaluations += a.evaluationCards();
            a.cardsByEntryChannel().forEach((k, n) -> byChannel.merge(k, n, Long::sum));
            a.cardsBySector().forEach((k, n) -> bySector.merge(k, n, Long::sum));
            a.referrals().forEach(r -> referrals.computeIfAbsent(r.sector(), s -> new ArrayList<>()).add(r));
            a.childrenByStage().forEach(cell -> stages.add(Key.of("ST", cell)));
        }
        Cell total = table.alone(Key.total());
        List<Cell> byStage = stages.stream().map(table::alone).toList();
        List<ReferralFigures> sums = referrals.entrySet().stream().map(e -> referrals(e.getKey(), e.getValue())).toList();
        return new Achievements(cards, byChannel, bySector, total, byStage, sums, followUps, evaluations);
    }

    /**
     * One receiving sector's referrals over the provinces. The mean response time is the provinces'
     * means weighted by their answered referrals (each province's mean is already rounded to a
     * tenth of a day, so this is close to, not exactly, the mean over every referral).
     */
    static ReferralFigures referrals(String sector, List<ReferralFigures> provinces) {
        long sent = 0;
        long answered = 0;
        long overdue = 0;
        double weighted = 0;
        long weights = 0;
        for (ReferralFigures r : provinces) {
            sent += r.sent();
            answered += r.answered();
            overdue += r.overdue();
            if (r.meanResponseDays() != null && r.answered() > 0) {
                weighted += r.meanResponseDays() * r.answered();
                weights += r.answered();
            }
        }
        Double mean = weights == 0 ? null : Math.round(weighted / weights * 10) / 10.0;
        return new ReferralFigures(sector, sent, answered, overdue, null, mean);
    }

    /** Where a cell sits in the children's table, and the id {@link SmallCells} knows it by. */
    private record Key(String kind, String ageBand, String sex, String concern, Integer stage) {

        static Key total() {
            return new Key("T", null, null, null, null);
        }

        static Key of(String kind, Cell cell) {
            return new Key(kind, cell.ageBand(), cell.sex(), cell.concern(), cell.stage());
        }

        String id() {
            return kind + ":" + concern + "|" + ageBand + "|" + sex + "|" + stage;
        }
    }

    /**
     * One period's national children's table: each cell summed over the provinces or withheld
     * because a province withheld it, then small cells and complements withheld over the relations
     * between the national cells.
     */
    private static final class Table {

        private final Map<Key, Long> sums = new LinkedHashMap<>();
        private final Set<String> withheld;

        private Table(Map<Key, List<Long>> values, int provinces) {
            Map<String, Long> counts = new HashMap<>();
            values.forEach((key, published) -> {
                boolean everywhere = published.size() == provinces && published.stream().allMatch(v -> v != null);
                long sum = everywhere ? published.stream().mapToLong(Long::longValue).sum() : 0;
                sums.put(key, everywhere ? sum : null);
                // a figure withheld somewhere enters the suppression as withheld (0 is below the threshold)
                counts.put(key.id(), sum);
            });
            counts.putIfAbsent(Key.total().id(), 0L);
            this.withheld = SmallCells.suppress(counts, relations(sums.keySet()));
        }

        /** The table of the period ({@code previous}: the period before) as the reports publish it. */
        static Table of(List<ProvincialReport> reports, boolean previous) {
            Map<Key, List<Long>> values = new LinkedHashMap<>();
            for (ProvincialReport report : reports) {
                ChildrenFigures c = report.children();
                add(values, "T", List.of(c.total()), previous);
                add(values, "A", c.byAgeBand(), previous);
                add(values, "S", c.bySex(), previous);
                add(values, "AS", c.byAgeBandAndSex(), previous);
                add(values, "C", c.byConcern(), previous);
                add(values, "CAS", c.byConcernAgeBandAndSex(), previous);
                // the stages are in the achievements, one set per period, the period's own in count
                Achievements stages = previous ? report.previousAchievements() : report.achievements();
                add(values, "ST", stages.childrenByStage(), false);
            }
            return new Table(values, reports.size());
        }

        private static void add(Map<Key, List<Long>> values, String kind, List<Cell> cells, boolean previous) {
            for (Cell cell : cells) {
                Long value = previous ? (cell.previousWithheld() ? null : cell.previous())
                        : (cell.withheld() ? null : cell.count());
                values.computeIfAbsent(kind.equals("T") ? Key.total() : Key.of(kind, cell), k -> new ArrayList<>())
                        .add(value);
            }
        }

        /** The relations a reader could subtract along: each total and the cells it is the sum of. */
        private static List<Relation> relations(Set<Key> keys) {
            Map<String, List<String>> parts = new LinkedHashMap<>();
            String total = Key.total().id();
            for (Key key : keys) {
                switch (key.kind()) {
                    case "A" -> parts.computeIfAbsent(total + "<A", k -> new ArrayList<>()).add(key.id());
                    case "S" -> parts.computeIfAbsent(total + "<S", k -> new ArrayList<>()).add(key.id());
                    // a relation that may not hold exactly (children with no stage) only withholds more
                    case "ST" -> parts.computeIfAbsent(total + "<ST", k -> new ArrayList<>()).add(key.id());
                    case "AS" -> {
                        parts.computeIfAbsent(new Key("A", key.ageBand(), null, null, null).id() + "<AS",
                                k -> new ArrayList<>()).add(key.id());
                        parts.computeIfAbsent(new Key("S", null, key.sex(), null, null).id() + "<AS",
                                k -> new ArrayList<>()).add(key.id());
                    }
                    case "CAS" -> parts.computeIfAbsent(new Key("C", null, null, key.concern(), null).id() + "<CAS",
                            k -> new ArrayList<>()).add(key.id());
                    default -> {
                    }
                }
            }
            List<Relation> relations = new ArrayList<>();
            parts.forEach((name, cells) -> relations.add(new Relation(name.substring(0, name.lastIndexOf('<')), cells)));
            return relations;
        }

        private Long published(Key key) {
            return withheld.contains(key.id()) ? null : sums.get(key);
        }

        /** The national cell at {@code key}, this period's figure beside {@code before}'s. */
        Cell cell(Table before, Key key) {
            Long count = published(key);
            Long previous = before.published(key);
            return new Cell(key.ageBand(), key.sex(), key.concern(), key.stage(), count, count == null, previous,
                    previous == null);
        }

        /** A cell of the achievements: this period's figure alone. */
        Cell alone(Key key) {
            Long count = published(key);
            return new Cell(key.ageBand(), key.sex(), key.concern(), key.stage(), count, count == null, null, false);
        }
    }
}
