package org.rabt.caserecord.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The national report of a half-year or a year: the provincial reports imported for that period,
 * added up into the same structure (docs/reports.md, "National aggregation"). A child figure is
 * published only where every province published it, and small cells are withheld again over the
 * national table; referral response times are a mean weighted by the answered referrals (the
 * median cannot be added up, so it is absent).
 *
 * @param provinces        the provinces whose reports are added up, in code order
 * @param missingProvinces the expected provinces ({@code rabt.reports.national.expected-provinces})
 *                         that have not sent this period's report yet
 */
public record NationalReport(
        String period,
        LocalDate from,
        LocalDate to,
        String previousPeriod,
        Instant generatedAt,
        int suppressionThreshold,
        List<String> provinces,
        List<String> missingProvinces,
        Achievements achievements,
        Achievements previousAchievements,
        ChildrenFigures children) {
}
