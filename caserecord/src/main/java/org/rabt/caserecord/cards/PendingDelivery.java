package org.rabt.caserecord.cards;

import java.time.Instant;
import java.util.UUID;
import org.rabt.mappings.cpm.SectorId;

/** A card that has not reached its receiver yet, as the start-up sweep sees it. */
public record PendingDelivery(UUID cardId, SectorId receiver, Instant receivedAt) {
}
