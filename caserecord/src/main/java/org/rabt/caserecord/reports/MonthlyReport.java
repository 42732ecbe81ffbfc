package org.rabt.caserecord.reports;

import java.time.Instant;
import java.time.LocalDate;

/** The centre's monthly report. {@code to} is the first day after the month. */
public record MonthlyReport(String province, String month, LocalDate from, LocalDate to, Instant generatedAt,
        int suppressionThreshold, Achievements achievements) {
}
