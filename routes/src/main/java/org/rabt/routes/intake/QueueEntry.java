package org.rabt.routes.intake;

import java.util.UUID;
import org.rabt.connectors.SectorQueues;
import org.rabt.mappings.cpm.SectorId;

/** What goes on a receiver's queue: only the card id; the card itself stays in the database. */
public record QueueEntry(UUID cardId, SectorId receiver) {

    public String queue() {
        return SectorQueues.outbound(receiver);
    }
}
