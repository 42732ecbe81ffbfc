package org.rabt.caserecord.children;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.cpm.TaskStatus;

/**
 * A linkage card followed to its outcome.
 *
 * @param dueBy          the card's due date, else its receipt plus the configured response time
 * @param businessStatus the receiver's own words for where it stands
 * @param reason         the reason of a refusal or the outcome of a completion, as reported
 * @param answeredAt     when the receiver last reported on it ({@code null}: never)
 * @param overdue        past its due date and not closed (completed, rejected, cancelled or failed)
 */
public record Referral(
        UUID cardId,
        UUID fileId,
        String childPseudonym,
        SectorId from,
        SectorId to,
        Instant sentAt,
        LocalDate dueBy,
        TaskStatus status,
        String businessStatus,
        String reason,
        Instant answeredAt,
        boolean overdue) {
}
