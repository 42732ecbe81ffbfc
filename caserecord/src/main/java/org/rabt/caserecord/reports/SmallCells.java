package org.rabt.caserecord.reports;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Small-cell suppression of a table of counts of children: every count below {@link #THRESHOLD}
 * is withheld (primary suppression), and then, wherever a published total and its published parts
 * would let a reader recompute one withheld count by subtraction, another part is withheld too
 * (complementary suppression: the smallest remaining part), until no total has exactly one
 * withheld part and no withheld total has all its parts published.
 *
 * <p>Written here because the well-known tools for this (sdcTable, τ-ARGUS) are R and C++
 * programs, not libraries for the JVM. This is the common heuristic (each relation keeps zero or
 * at least two withheld cells), not an optimal solution of the suppression problem; a reader
 * combining several tables' relations could in principle narrow a withheld cell to a range.
 */
public final class SmallCells {

    /** Counts below this are never published. */
    public static final int THRESHOLD = 5;

    /** A published total and the published cells it is the sum of. */
    public record Relation(String total, List<String> parts) {
    }

    private SmallCells() {
    }

    /** The ids of the cells to withhold. */
    public static Set<String> suppress(Map<String, Long> counts, List<Relation> relations) {
        Set<String> withheld = new HashSet<>();
        counts.forEach((id, count) -> {
            if (count < THRESHOLD) {
                withheld.add(id);
            }
        });
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Relation relation : relations) {
                if (relation.parts().isEmpty()) {
                    continue;
                }
                long hiddenParts = relation.parts().stream().filter(withheld::contains).count();
                boolean totalHidden = withheld.contains(relation.total());
                if ((!totalHidden && hiddenParts == 1) || (totalHidden && hiddenParts == 0)) {
                    Optional<String> next = relation.parts().stream().filter(p -> !withheld.contains(p))
                            .min(Comparator.comparingLong((String p) -> counts.getOrDefault(p, 0L)).thenComparing(p -> p));
                    if (next.isPresent()) {
                        withheld.add(next.get());
                    } else {
                        withheld.add(relation.total());
                    }
                    changed = true;
                }
            }
        }
        return withheld;
    }
}
