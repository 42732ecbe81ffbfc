package org.rabt.caserecord.batches;

import org.rabt.caserecord.cards.CaseFacts;
import java.util.UUID;
import org.rabt.mappings.cpm.CardType;
import org.rabt.mappings.cpm.SectorId;

/** A row of a batch turned into a card for the centre, pseudonymised and validated. */
public record BatchCard(long line, UUID id, SectorId receiver, CardType type, String childPseudonym, String cpmJson,
        CaseFacts facts) {
}
