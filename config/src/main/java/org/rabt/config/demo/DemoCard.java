package org.rabt.config.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.rabt.mappings.cpm.CardType;
import org.rabt.mappings.cpm.EntryChannel;
import org.rabt.mappings.cpm.LegalBasis;
import org.rabt.mappings.cpm.Priority;
import org.rabt.mappings.cpm.PurposeOfUse;
import org.rabt.mappings.cpm.SectorId;

/**
 * One card a simulated sector system sends, and what the receiving system then reports about it.
 *
 * @param key         names the card in the scenario; its id is derived from it, so a restarted
 *                    demo sends the same card again (the hub answers idempotently)
 * @param service     the service asked of the receiver (a code of the directory of services), or
 *                    {@code null} for a card that asks nothing (a report to the centre, a follow-up)
 * @param sentDaysAgo days before the demo's first start that the card was sent
 * @param dueInDays   the due date, in days from the demo's first start (negative: already past), or {@code null}
 * @param statuses    what the receiver reports, in order
 */
record DemoCard(
        String key,
        SectorId sender,
        SectorId receiver,
        CardType type,
        DemoChild child,
        int stage,
        EntryChannel channel,
        Priority priority,
        PurposeOfUse purpose,
        LegalBasis legalBasis,
        List<DemoConcern> concerns,
        String service,
        String narrative,
        int sentDaysAgo,
        Integer dueInDays,
        List<DemoStatus> statuses) {

    DemoCard {
        concerns = List.copyOf(concerns);
        statuses = List.copyOf(statuses);
    }

    UUID id() {
        return UUID.nameUUIDFromBytes(("rabt-demo/card/" + key).getBytes(StandardCharsets.UTF_8));
    }
}
