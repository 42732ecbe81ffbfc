package org.rabt.caserecord.reports;

import java.util.List;
import java.util.Map;

/**
 * What the centre did over a period: cards received by entry channel and by sending sector, the
 * children whose files moved in the period by their pathway stage at its end (small counts
 * withheld), referrals by receiving sector with their response times, and the follow-up and
 * evaluation cards.
 */
public record Achievements(
        long cards,
        Map<String, Long> cardsByEntryChannel,
        Map<String, Long> cardsBySector,
        Cell children,
        List<Cell> childrenByStage,
        List<ReferralFigures> referrals,
        long followUpCards,
        long evaluationCards) {
}
