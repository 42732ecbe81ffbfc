package org.rabt.caserecord.cards;

import java.time.Instant;
import java.util.UUID;
import org.rabt.mappings.cpm.CardType;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.cpm.TaskStatus;

/**
 * A stored card's metadata: what the status endpoint shows, without the child's data.
 *
 * @param taskStatus     the referral's status as the receiver last reported it (FHIR Task.status)
 * @param businessStatus the receiver's own words for it, or {@code null}
 * @param statusReason   the reason or outcome the receiver gave, or {@code null}
 */
public record CardRecord(
        UUID id,
        SectorId sender,
        SectorId receiver,
        CardType type,
        String childPseudonym,
        DeliveryStatus deliveryStatus,
        TaskStatus taskStatus,
        String businessStatus,
        String statusReason,
        int deliveryAttempts,
        String idempotencyKey,
        String bodySha256,
        Instant receivedAt,
        Instant updatedAt) {

    /** Whether the sector may see this card: it sent it or receives it. */
    public boolean concerns(SectorId sector) {
        return sender == sector || receiver == sector;
    }
}
