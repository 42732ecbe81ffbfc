package org.rabt.caserecord.reports;

/**
 * Referrals (linkage cards) to one receiving sector over a period.
 *
 * @param sent               referrals received by the hub in the period
 * @param answered           of those, how many the receiver has reported on
 * @param overdue            of those, how many were past their due date at the period's end (or now) and not closed
 * @param medianResponseDays median days from the referral to the receiver's first report ({@code null}: none answered)
 */
public record ReferralFigures(String sector, long sent, long answered, long overdue, Double medianResponseDays,
        Double meanResponseDays) {
}
