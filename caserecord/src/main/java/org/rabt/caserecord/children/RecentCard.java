package org.rabt.caserecord.children;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.rabt.mappings.cpm.CardType;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.cpm.TaskStatus;

/** A card on the worklist of new cards: what came in, about which file. */
public record RecentCard(
        UUID cardId,
        UUID fileId,
        CardType type,
        SectorId sender,
        SectorId receiver,
        Instant receivedAt,
        Integer stage,
        List<String> concerns,
        TaskStatus status) {

    public RecentCard {
        concerns = concerns == null ? List.of() : List.copyOf(concerns);
    }
}
