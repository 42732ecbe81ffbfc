package org.rabt.mappings.cpm;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Who sends what to whom, why, and by when.
 *
 * @param messageId     the card's identity (a UUID chosen by the sender; repeated sends carry the same one)
 * @param correlationId the card this one follows up or answers, if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Header(
        UUID messageId,
        CardType cardType,
        String schemaVersion,
        String caseReference,
        UUID correlationId,
        Instant sentAt,
        LocalDate dueBy,
        Priority priority,
        Party sender,
        Party receiver,
        PurposeOfUse purposeOfUse,
        LegalBasis legalBasis,
        Confidentiality confidentiality) {
}
