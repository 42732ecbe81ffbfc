package org.rabt.caserecord.reports;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The half-yearly or annual provincial report, one structure for every province: the action
 * plan's achievements over the period (and the previous period's) and the children by age band,
 * sex and form of violence. De-identified: counts only, small ones withheld.
 */
public record ProvincialReport(
        String province,
        String period,
        LocalDate from,
        LocalDate to,
        String previousPeriod,
        Instant generatedAt,
        int suppressionThreshold,
        Achievements achievements,
        Achievements previousAchievements,
        ChildrenFigures children) {
}
