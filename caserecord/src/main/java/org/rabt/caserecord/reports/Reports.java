package org.rabt.caserecord.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.rabt.caserecord.reports.SmallCells.Relation;
import org.rabt.mappings.cpm.AgeBand;
import org.rabt.mappings.cpm.ConcernCode;
import org.rabt.mappings.cpm.Sex;

/**
 * Builds the centre's monthly report and the province's half-yearly and annual report from the
 * case record's counts, withholding small counts of children ({@link SmallCells}) separately in
 * each period. Every category is listed, even when nobody is in it, so that the structure is the
 * same for every province and period (and an empty cell says no more than a small one).
 */
public final class Reports {

    static final List<String> AGE_BANDS = Arrays.stream(AgeBand.values()).map(AgeBand::code).toList();
    static final List<String> SEXES = Arrays.stream(Sex.values()).map(Sex::code).toList();
    static final List<String> CONCERNS = Arrays.stream(ConcernCode.values()).map(ConcernCode::code).toList();
    static final List<Integer> STAGES = List.of(1, 2, 3, 4, 5, 6);

    private final KeptFigures queries;
    private final Clock clock;
    private final String province;
    private final Executor queryRunner;

    /** @param province the ISO 3166-2:MA code of the province the hub serves ({@code null}: not configured) */
    public Reports(KeptFigures queries, Clock clock, String province) {
        this(queries, clock, province, Runnable::run);
    }

    /**
     * @param queryRunner runs a provincial report's four queries (two periods, children and cards)
     *                    side by side, each on its own database connection: each is one pass of
     *                    PostgreSQL over the period's cards on one core, so on a machine of several
     *                    cores they take the time of the longest rather than of all four; the
     *                    figures of a closed period are kept ({@link KeptFigures})
     */
    public Reports(KeptFigures queries, Clock clock, String province, Executor queryRunner) {
        this.queries = queries;
        this.clock = clock;
        this.province = province;
        this.queryRunner = queryRunner;
    }

    public String province() {
        return province;
    }

    public MonthlyReport monthly(ReportPeriod month) {
        CompletableFuture<ReportQueries.CardCounts> cards = cardsOf(month);
        Counts counts = new Counts(queries.children(month));
        return new MonthlyReport(province, month.label(), month.from(), month.to(), clock.instant(), SmallCells.THRESHOLD,
                achievements(counts, counts.withheld(), joined(cards)));
    }

    public ProvincialReport provincial(ReportPeriod period) {
        ReportPeriod previous = period.previous();
        CompletableFuture<ReportQueries.ChildCounts> childrenBefore =
                CompletableFuture.supplyAsync(() -> queries.children(previous), queryRunner);
        CompletableFuture<ReportQueries.CardCounts> cardsNow = cardsOf(period);
        CompletableFuture<ReportQueries.CardCounts> cardsBefore = cardsOf(previous);
        Counts now = new Counts(queries.children(period));
        Counts before = new Counts(joined(childrenBefore));
        Set<String> withheldNow = now.withheld();
        Set<String> withheldBefore = before.withheld();
        Function<String, Cell.Builder> cell = id -> new Cell.Builder(now.value(id), withheldNow.contains(id),
                before.value(id), withheldBefore.contains(id));
        List<Cell> byAge = new ArrayList<>();
        List<Cell> bySex = new ArrayList<>();
        List<Cell> byAgeAndSex = new ArrayList<>();
        List<Cell> byConcern = new ArrayList<>();
        List<Cell> byConcernAgeSex = new ArrayList<>();
        for (String age : AGE_BANDS) {
            byAge.add(cell.apply("A:" + age).age(age).build());
            for (String sex : SEXES) {
                byAgeAndSex.add(cell.apply("AS:" + age + "|" + sex).age(age).sex(sex).build());
            }
        }
        for (String sex : SEXES) {
            bySex.add(cell.apply("S:" + sex).sex(sex).build());
        }
        for (String concern : CONCERNS) {
            byConcern.add(cell.apply("C:" + concern).concern(concern).build());
            for (String age : AGE_BANDS) {
                for (String sex : SEXES) {
                    byConcernAgeSex.add(cell.apply("CAS:" + concern + "|" + age + "|" + sex).concern(concern).age(age)
                            .sex(sex).build());
                }
            }
        }
        ChildrenFigures children = new ChildrenFigures(cell.apply("T").build(), byAge, bySex, byAgeAndSex, byConcern,
                byConcernAgeSex);
        return new ProvincialReport(province, period.label(), period.from(), period.to(), previous.label(),
                clock.instant(), SmallCells.THRESHOLD, achievements(now, withheldNow, joined(cardsNow)),
                achievements(before, withheldBefore, joined(cardsBefore)), children);
    }

    /** The period's cards counted, as of its end (or today for a period not over). */
    private CompletableFuture<ReportQueries.CardCounts> cardsOf(ReportPeriod period) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate asOf = period.to().isBefore(today) ? period.to() : today;
        return CompletableFuture.supplyAsync(() -> queries.cards(period, asOf), queryRunner);
    }

    /** A query's result, or its own exception (not wrapped), as if it had run on this thread. */
    private static <T> T joined(CompletableFuture<T> query) {
        try {
            return query.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private Achievements achievements(Counts counts, Set<String> withheld, ReportQueries.CardCounts cards) {
        Map<String, Long> byType = cards.byType();
        List<Cell> stages = STAGES.stream().map(stage -> {
            String id = "ST:" + stage;
            boolean hidden = withheld.contains(id);
            return new Cell(null, null, null, stage, hidden ? null : counts.value(id), hidden, null, false);
        }).toList();
        boolean totalHidden = withheld.contains("T");
        return new Achievements(byType.values().stream().mapToLong(Long::longValue).sum(), cards.byEntryChannel(),
                cards.bySender(),
                new Cell(null, null, null, null, totalHidden ? null : counts.value("T"), totalHidden, null, false), stages,
                cards.referrals(), byType.getOrDefault("follow-up", 0L), byType.getOrDefault("evaluation", 0L));
    }

    /** One period's counts of children by cell id, with the relations between them. */
    private static final class Counts {

        private final Map<String, Long> values = new HashMap<>();
        private final List<Relation> relations = new ArrayList<>();

        Counts(ReportQueries.ChildCounts counts) {
            counts.byAgeBandAndSex().forEach((key, n) -> values.merge("AS:" + key, n, Long::sum));
            counts.byConcernAgeBandAndSex().forEach((key, n) -> values.merge("CAS:" + key, n, Long::sum));
            // every cell of the grid is a figure, nobody in it included (zero is below five too)
            for (String age : AGE_BANDS) {
                for (String sex : SEXES) {
                    values.putIfAbsent("AS:" + age + "|" + sex, 0L);
                    for (String concern : CONCERNS) {
                        values.putIfAbsent("CAS:" + concern + "|" + age + "|" + sex, 0L);
                    }
                }
            }
            long total = 0;
            List<String> ageIds = new ArrayList<>();
            for (String age : AGE_BANDS) {
                List<String> parts = SEXES.stream().map(sex -> "AS:" + age + "|" + sex).toList();
                long sum = parts.stream().mapToLong(this::value).sum();
                values.put("A:" + age, sum);
                relations.add(new Relation("A:" + age, parts));
                ageIds.add("A:" + age);
                total += sum;
            }
            List<String> sexIds = new ArrayList<>();
            for (String sex : SEXES) {
                List<String> parts = AGE_BANDS.stream().map(age -> "AS:" + age + "|" + sex).toList();
                values.put("S:" + sex, parts.stream().mapToLong(this::value).sum());
                relations.add(new Relation("S:" + sex, parts));
                sexIds.add("S:" + sex);
            }
            values.put("T", total);
            relations.add(new Relation("T", ageIds));
            relations.add(new Relation("T", sexIds));
            for (String concern : CONCERNS) {
                List<String> parts = new ArrayList<>();
                AGE_BANDS.forEach(age -> SEXES.forEach(sex -> parts.add("CAS:" + concern + "|" + age + "|" + sex)));
                values.put("C:" + concern, parts.stream().mapToLong(this::value).sum());
                relations.add(new Relation("C:" + concern, parts));
            }
            List<String> stageIds = new ArrayList<>();
            long staged = 0;
            for (Integer stage : STAGES) {
                long n = counts.byStage().getOrDefault(stage, 0L);
                values.put("ST:" + stage, n);
                stageIds.add("ST:" + stage);
                staged += n;
            }
            // every child has a stage unless cards from before the case record (no stage) are all it has
            if (staged == total) {
                relations.add(new Relation("T", stageIds));
            }
        }

        long value(String id) {
            return values.getOrDefault(id, 0L);
        }

        Set<String> withheld() {
            Map<String, Long> all = new HashMap<>(values);
            return SmallCells.suppress(all, relations);
        }
    }
}
