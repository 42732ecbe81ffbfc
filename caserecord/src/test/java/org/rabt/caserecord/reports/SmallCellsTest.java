package org.rabt.caserecord.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rabt.caserecord.reports.SmallCells.Relation;

/** No published figure below five, and no withheld figure recomputable from a total and its other parts. */
class SmallCellsTest {

    @Test
    void aSmallCellIsWithheldWithTheSmallestOtherPartOfItsTotal() {
        Map<String, Long> counts = Map.of("girls", 3L, "boys", 40L, "unknown", 12L, "total", 55L);

        Set<String> withheld = SmallCells.suppress(counts, List.of(new Relation("total", List.of("girls", "boys", "unknown"))));

        // 3 alone would be 55 - 40 - 12: the next smallest part goes with it
        assertThat(withheld).containsExactlyInAnyOrder("girls", "unknown");
    }

    @Test
    void zeroIsBelowFiveToo() {
        Map<String, Long> counts = Map.of("a", 0L, "b", 0L, "c", 9L, "total", 9L);

        assertThat(SmallCells.suppress(counts, List.of(new Relation("total", List.of("a", "b", "c")))))
                .containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void aWithheldTotalWhosePartsAreAllPublishedLosesOneOfThem() {
        // the parts are large but the total is withheld by another rule (here: below five is impossible,
        // so force it through a second relation where it is the lone small part)
        Map<String, Long> counts = Map.of("x", 6L, "y", 7L, "t", 13L, "u", 2L, "grand", 200L, "other", 185L);
        List<Relation> relations = List.of(new Relation("t", List.of("x", "y")),
                new Relation("grand", List.of("t", "u", "other")));

        Set<String> withheld = SmallCells.suppress(counts, relations);

        assertThat(withheld).contains("u", "t");
        assertThat(withheld).containsAnyOf("x", "y");
        assertNoRelationRevealsAWithheldCell(counts, relations, withheld);
    }

    @Test
    void aTableOfAgeBandsAndSexesKeepsEveryRelationSafe() {
        Map<String, Long> counts = new java.util.HashMap<>(Map.of(
                "a1s1", 12L, "a1s2", 2L, "a2s1", 30L, "a2s2", 25L, "a3s1", 1L, "a3s2", 8L));
        counts.put("a1", 14L);
        counts.put("a2", 55L);
        counts.put("a3", 9L);
        counts.put("s1", 43L);
        counts.put("s2", 35L);
        counts.put("t", 78L);
        List<Relation> relations = List.of(
                new Relation("a1", List.of("a1s1", "a1s2")), new Relation("a2", List.of("a2s1", "a2s2")),
                new Relation("a3", List.of("a3s1", "a3s2")), new Relation("s1", List.of("a1s1", "a2s1", "a3s1")),
                new Relation("s2", List.of("a1s2", "a2s2", "a3s2")), new Relation("t", List.of("a1", "a2", "a3")),
                new Relation("t", List.of("s1", "s2")));

        Set<String> withheld = SmallCells.suppress(counts, relations);

        assertThat(withheld).contains("a1s2", "a3s1");
        counts.forEach((id, n) -> {
            if (n < SmallCells.THRESHOLD) {
                assertThat(withheld).contains(id);
            }
        });
        assertNoRelationRevealsAWithheldCell(counts, relations, withheld);
    }

    private static void assertNoRelationRevealsAWithheldCell(Map<String, Long> counts, List<Relation> relations,
            Set<String> withheld) {
        for (Relation relation : relations) {
            long hidden = relation.parts().stream().filter(withheld::contains).count();
            if (withheld.contains(relation.total())) {
                assertThat(hidden).as("withheld %s with all its parts published", relation.total()).isNotZero();
            } else {
                assertThat(hidden).as("one withheld part of published %s", relation.total()).isNotEqualTo(1);
            }
        }
    }
}
