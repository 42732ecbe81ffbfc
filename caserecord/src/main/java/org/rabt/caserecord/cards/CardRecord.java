package org.rabt.caserecord.cards;

import java.time.Instant;
import java.util.UUID;
import org.rabt.mappings.cpm.CardType;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.cpm.TaskStatus;

/** A stored card's metadata: what the status endpoint shows, without the child's data. */
public record CardRecord(
        UUID id,
        SectorId sender,
        SectorId receiver,
        CardType type,
        String childPseudonym,
        DeliveryStatus deliveryStatus,
        TaskStatus taskStatus,
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
