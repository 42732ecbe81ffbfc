package org.rabt.caserecord.children;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.rabt.mappings.cpm.CardType;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.cpm.TaskStatus;

/**
 * One thing that happened in the child's file: a card arrived ({@link #CARD}), or its receiver
 * reported on it ({@link #STATUS}), or the hub could not deliver it ({@link #UNDELIVERED}).
 *
 * @param words the receiver's own words for a status report; the hub's note for an undelivered card
 */
public record TimelineEntry(
        Instant at,
        String kind,
        UUID cardId,
        CardType cardType,
        SectorId sender,
        SectorId receiver,
        Integer stage,
        List<String> concerns,
        TaskStatus status,
        String words) {

    public static final String CARD = "card";
    public static final String STATUS = "status";
    public static final String UNDELIVERED = "undelivered";

    public TimelineEntry {
        concerns = concerns == null ? List.of() : List.copyOf(concerns);
    }
}
