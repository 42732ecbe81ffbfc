package org.rabt.caserecord.reports;

import java.util.List;

/**
 * Each form of violence as one bit of {@code card.concern_mask}, so that a report counts a
 * period's children by form of violence in one pass over the cards (a bitwise OR per child)
 * rather than by unnesting and sorting every card's list. The positions are stored in the
 * database: this list only ever grows at its end (ConcernBitsTest pins it).
 */
public final class ConcernBits {

    /** Bit {@code i} is {@code CODES.get(i)}. Append only. */
    public static final List<String> CODES = List.of(
            "physical-violence", "sexual-violence", "psychological-violence", "neglect", "abandonment", "child-labour",
            "economic-exploitation", "sexual-exploitation", "trafficking", "child-marriage", "begging",
            "street-situation", "school-dropout", "online-abuse", "no-civil-registration", "protection-concern");

    private ConcernBits() {
    }

    /** The mask of a card's concern codes (codes without a bit are left out). */
    public static int maskOf(List<String> codes) {
        int mask = 0;
        for (String code : codes) {
            int bit = CODES.indexOf(code);
            if (bit >= 0) {
                mask |= 1 << bit;
            }
        }
        return mask;
    }
}
