package org.rabt.caserecord.children;

import java.time.Instant;
import java.util.UUID;
import org.rabt.mappings.cpm.SectorId;

/** The child's pathway stage (1 to 6) as a card set it: when, which card, which sector. */
public record StageChange(Instant at, int stage, UUID cardId, SectorId sector) {
}
