package org.rabt.caserecord.reports;

import java.util.List;

/**
 * The trend of violence in the province: the children whose files moved in the period (each
 * counted once), by age band, sex and both; and by form of violence (concern code; a child with
 * several forms counts under each), alone and by age band and sex. Each figure beside the
 * previous period's, small counts and their complements withheld.
 */
public record ChildrenFigures(
        Cell total,
        List<Cell> byAgeBand,
        List<Cell> bySex,
        List<Cell> byAgeBandAndSex,
        List<Cell> byConcern,
        List<Cell> byConcernAgeBandAndSex) {
}
