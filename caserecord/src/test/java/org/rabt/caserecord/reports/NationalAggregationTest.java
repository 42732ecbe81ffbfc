package org.rabt.caserecord.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The national report is the provinces' published figures added up, and gives away nothing they withheld. */
class NationalAggregationTest {

    private static final ReportPeriod PERIOD = ReportPeriod.parse("2026-H2");
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final List<String> AGES = List.of("0-4", "5-9");
    private static final List<String> SEXES = List.of("female", "male");

    @Nested
    class Sums {

        @Test
        void cardsReferralsAndPublishedChildrenAreTheProvincesSums() {
            ProvincialReport tangier = province("MA-TNG", Map.of("0-4|female", 5L, "0-4|male", 6L, "5-9|female", 7L,
                    "5-9|male", 8L), Set.of(), Map.of(1, 26L), 40, List.of(
                            new ReferralFigures("justice", 10, 4, 2, 3.0, 2.0),
                            new ReferralFigures("health", 3, 3, 0, 1.0, 1.0)));
            ProvincialReport rabat = province("MA-RAB", Map.of("0-4|female", 9L, "0-4|male", 10L, "5-9|female", 11L,
                    "5-9|male", 12L), Set.of(), Map.of(1, 42L), 60, List.of(
                            new ReferralFigures("justice", 20, 6, 1, 8.0, 7.0)));

            NationalReport national = NationalAggregation.aggregate(PERIOD, List.of(tangier, rabat), List.of(), NOW);

            assertThat(national.provinces()).containsExactly("MA-RAB", "MA-TNG");
            assertThat(national.achievements().cards()).isEqualTo(100);
            assertThat(national.achievements().cardsBySector()).containsEntry("health", 100L);
            assertThat(national.achievements().cardsByEntryChannel()).containsEntry("phone", 100L);
            assertThat(national.children().total().count()).isEqualTo(26 + 42);
            assertThat(national.achievements().children().count()).isEqualTo(68);
            assertThat(cell(national.children().byAgeBandAndSex(), "5-9", "male").count()).isEqualTo(20);
            assertThat(cell(national.children().byAgeBand(), "0-4", null).count()).isEqualTo(5 + 6 + 9 + 10);
            assertThat(national.achievements().referrals()).extracting(ReferralFigures::sector)
                    .containsExactly("health", "justice");
            ReferralFigures justice = national.achievements().referrals().get(1);
            assertThat(justice.sent()).isEqualTo(30);
            assertThat(justice.answered()).isEqualTo(10);
            assertThat(justice.overdue()).isEqualTo(3);
            // means weighted by the answered referrals: (2.0 x 4 + 7.0 x 6) / 10; a median cannot be added up
            assertThat(justice.meanResponseDays()).isEqualTo(5.0);
            assertThat(justice.medianResponseDays()).isNull();
        }

        @Test
        void expectedProvincesWithoutAReportAreListedAsMissing() {
            NationalReport national = NationalAggregation.aggregate(PERIOD, List.of(province("MA-TNG", Map.of("0-4|female",
                    9L), Set.of(), Map.of(), 1, List.of())), List.of("MA-TNG", "MA-RAB", "MA-CAS"), NOW);

            assertThat(national.missingProvinces()).containsExactly("MA-CAS", "MA-RAB");
        }

        @Test
        void withNoReportNothingIsCountedAndNoChildFigureIsPublished() {
            NationalReport national = NationalAggregation.aggregate(PERIOD, List.of(), List.of("MA-TNG"), NOW);

            assertThat(national.provinces()).isEmpty();
            assertThat(national.achievements().cards()).isZero();
            assertThat(national.children().total().withheld()).isTrue();
            assertThat(national.children().total().count()).isNull();
        }
    }

    @Nested
    class Withholding {

        @Test
        void aFigureWithheldInOneProvinceIsWithheldNationallyWhileTheTotalsStillAddUp() {
            // Tangier withheld its 0-4 girls (3) and, as complements, every other cell of the age-by-sex table
            ProvincialReport tangier = province("MA-TNG", Map.of("0-4|female", 3L, "0-4|male", 6L, "5-9|female", 7L,
                    "5-9|male", 8L), Set.of("0-4|female", "0-4|male", "5-9|female", "5-9|male"), Map.of(), 10, List.of());
            ProvincialReport rabat = province("MA-RAB", Map.of("0-4|female", 5L, "0-4|male", 6L, "5-9|female", 7L,
                    "5-9|male", 9L), Set.of(), Map.of(), 10, List.of());

            NationalReport national = NationalAggregation.aggregate(PERIOD, List.of(tangier, rabat), List.of(), NOW);

            Cell girlsUnder5 = cell(national.children().byAgeBandAndSex(), "0-4", "female");
            assertThat(girlsUnder5.withheld()).isTrue();
            assertThat(girlsUnder5.count()).isNull();
            // published by both: the sums
            assertThat(national.children().total().count()).isEqualTo(24 + 27);
            assertThat(cell(national.children().bySex(), null, "female").count()).isEqualTo(3 + 7 + 5 + 7);
            assertThat(national.children().byAgeBandAndSex()).allSatisfy(c -> assertThat(c.withheld()).isTrue());
        }

        @Test
        void aNationalRelationNoProvinceHadStillGetsItsComplement() {
            // Tangier has a child with no stage, so its stages are no partition of its total and it withheld
            // only the small one; nationally the stages are treated as parts of the total all the same
            ProvincialReport tangier = province("MA-TNG", Map.of("0-4|female", 10L, "5-9|male", 16L),
                    Set.of("0-4|male", "5-9|female"), Map.of(1, 3L, 2, 10L, 3, 12L), 10, List.of());
            ProvincialReport rabat = province("MA-RAB", Map.of("0-4|female", 10L, "5-9|male", 17L),
                    Set.of("0-4|male", "5-9|female"), Map.of(1, 6L, 2, 7L, 3, 14L), 10, List.of());

            NationalReport national = NationalAggregation.aggregate(PERIOD, List.of(tangier, rabat), List.of(), NOW);

            List<Cell> stages = national.achievements().childrenByStage();
            assertThat(stages.get(0).withheld()).as("withheld in Tangier").isTrue();
            assertThat(stages.get(1).withheld()).as("else 53 minus the others gives stage 1 away").isTrue();
            assertThat(stages.get(2).count()).isEqualTo(26);
        }

        @Test
        void reportsOfAnotherPeriodOrTwiceOneProvinceAreNotAddedUp() {
            ProvincialReport tangier = province("MA-TNG", Map.of(), Set.of(), Map.of(), 1, List.of());

            assertThatThrownBy(() -> NationalAggregation.aggregate(ReportPeriod.parse("2026-H1"), List.of(tangier),
                    List.of(), NOW)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> NationalAggregation.aggregate(PERIOD, List.of(tangier, tangier), List.of(), NOW))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static Cell cell(List<Cell> cells, String ageBand, String sex) {
        return cells.stream().filter(c -> Objects.equals(c.ageBand(), ageBand)
                && Objects.equals(c.sex(), sex)).findFirst().orElseThrow();
    }

    /**
     * A provincial report of {@code PERIOD} over two age bands and two sexes: the age-by-sex counts,
     * which of them the province withheld, the bands, sexes and total as their sums (published), the
     * stages as given (those below five withheld), and the previous period all withheld.
     */
    private static ProvincialReport province(String province, Map<String, Long> bySexAndAge, Set<String> withheld,
            Map<Integer, Long> stages, long cards, List<ReferralFigures> referrals) {
        List<Cell> byAge = new ArrayList<>();
        List<Cell> bySex = new ArrayList<>();
        List<Cell> byAgeAndSex = new ArrayList<>();
        Map<String, Long> sexTotals = new LinkedHashMap<>();
        long total = 0;
        for (String age : AGES) {
            long ageTotal = 0;
            for (String sex : SEXES) {
                long n = bySexAndAge.getOrDefault(age + "|" + sex, 0L);
                boolean hidden = withheld.contains(age + "|" + sex);
                byAgeAndSex.add(new Cell(age, sex, null, null, hidden ? null : n, hidden, null, true));
                ageTotal += n;
                sexTotals.merge(sex, n, Long::sum);
            }
            byAge.add(new Cell(age, null, null, null, ageTotal, false, null, true));
            total += ageTotal;
        }
        sexTotals.forEach((sex, n) -> bySex.add(new Cell(null, sex, null, null, n, false, null, true)));
        Cell totalCell = new Cell(null, null, null, null, total, false, null, true);
        List<Cell> stageCells = new ArrayList<>();
        stages.forEach((stage, n) -> stageCells.add(new Cell(null, null, null, stage, n < 5 ? null : n, n < 5, null, false)));
        stageCells.sort(Comparator.comparing(Cell::stage));
        Achievements now = new Achievements(cards, Map.of("phone", cards), Map.of("health", cards),
                new Cell(null, null, null, null, total, false, null, false), stageCells, referrals, 0, 0);
        Achievements before = new Achievements(0, Map.of(), Map.of(), new Cell(null, null, null, null, null, true, null,
                false), List.of(), List.of(), 0, 0);
        return new ProvincialReport(province, PERIOD.label(), PERIOD.from(), PERIOD.to(), PERIOD.previous().label(), NOW,
                SmallCells.THRESHOLD, now, before, new ChildrenFigures(totalCell, byAge, bySex, byAgeAndSex, List.of(),
                        List.of()));
    }
}
