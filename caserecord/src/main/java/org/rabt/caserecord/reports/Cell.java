package org.rabt.caserecord.reports;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One figure of a report about children, for the period and the one before it. A withheld figure
 * (below {@link SmallCells#THRESHOLD}, or withheld so that another cannot be recomputed) has no
 * count: {@code count} is {@code null} and {@code withheld} is true.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Cell(
        String ageBand,
        String sex,
        String concern,
        Integer stage,
        Long count,
        boolean withheld,
        Long previous,
        boolean previousWithheld) {

    /** A cell of the children's table, its dimensions added one by one. */
    static final class Builder {
        private final long count;
        private final boolean withheld;
        private final long previous;
        private final boolean previousWithheld;
        private String ageBand;
        private String sex;
        private String concern;

        Builder(long count, boolean withheld, long previous, boolean previousWithheld) {
            this.count = count;
            this.withheld = withheld;
            this.previous = previous;
            this.previousWithheld = previousWithheld;
        }

        Builder age(String value) {
            this.ageBand = value;
            return this;
        }

        Builder sex(String value) {
            this.sex = value;
            return this;
        }

        Builder concern(String value) {
            this.concern = value;
            return this;
        }

        Cell build() {
            return new Cell(ageBand, sex, concern, null, withheld ? null : count, withheld,
                    previousWithheld ? null : previous, previousWithheld);
        }
    }
}
