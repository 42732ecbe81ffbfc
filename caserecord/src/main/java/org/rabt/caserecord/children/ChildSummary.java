package org.rabt.caserecord.children;

import java.time.Instant;
import java.util.List;
import org.rabt.mappings.cpm.SectorId;

/**
 * One line of a list of files: what a worker needs to pick the right child.
 *
 * @param displayName the child's name, only for roles that may see the identity ({@code null} otherwise or when unknown)
 * @param sectors     the sectors whose cards are in the file (as sender or receiver), the centre excluded
 * @param stage       the pathway stage of the most recent card that gave one
 */
public record ChildSummary(
        java.util.UUID fileId,
        List<String> pseudonyms,
        String displayName,
        String sex,
        Integer birthYear,
        String ageBand,
        String province,
        List<SectorId> sectors,
        int cards,
        Integer stage,
        Instant lastActivity,
        int openReferrals,
        int overdueReferrals) {

    public ChildSummary {
        pseudonyms = List.copyOf(pseudonyms);
        sectors = List.copyOf(sectors);
    }

    /** The same line with the child's name (for the roles that see identities). */
    public ChildSummary withDisplayName(String name) {
        return new ChildSummary(fileId, pseudonyms, name, sex, birthYear, ageBand, province, sectors, cards, stage,
                lastActivity, openReferrals, overdueReferrals);
    }
}
