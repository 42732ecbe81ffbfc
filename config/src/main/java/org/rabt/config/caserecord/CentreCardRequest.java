package org.rabt.config.caserecord;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A card the centre's staff write (POST /api/v1/cards, and the console's forms): a reporting card
 * for the centre, a linkage card (referral) to a sector, or a follow-up or evaluation card.
 *
 * @param type        {@code reporting}, {@code linkage}, {@code follow-up} or {@code evaluation}
 * @param receiver    the sector a linkage card goes to; the centre when absent for the others
 * @param childFileId the child's file, for a child the centre knows; else {@code child}
 * @param child       a child new to the centre
 * @param stage       the pathway stage (1 to 6); by default 1 for a reporting card, the file's
 *                    current stage for the others (2 when it has none)
 * @param service     the service asked of the receiver (a directory code); by default the
 *                    receiver's usual one
 * @param reason      why the service is asked, or the follow-up's or evaluation's note
 * @param follows     the card this one follows up or evaluates
 */
public record CentreCardRequest(
        String type,
        String receiver,
        UUID childFileId,
        NewChild child,
        Integer stage,
        String entryChannel,
        List<ConcernEntry> concerns,
        String priority,
        LocalDate dueBy,
        String service,
        String reason,
        UUID follows) {

    public CentreCardRequest {
        concerns = concerns == null ? List.of() : List.copyOf(concerns);
    }

    /** A child the centre registers: names in either script or both, and what identifies the child. */
    public record NewChild(
            String familyNameLatin,
            String givenNameLatin,
            String familyNameArabic,
            String givenNameArabic,
            LocalDate birthDate,
            Integer birthYear,
            String sex,
            String nationalId,
            String civilStatusNumber,
            String province,
            Boolean disability) {
    }

    /** A form of harm: a concern code (docs/concerns.md), suspected by default. */
    public record ConcernEntry(String code, String certainty, String setting, String riskLevel, Boolean emergency) {
    }
}
