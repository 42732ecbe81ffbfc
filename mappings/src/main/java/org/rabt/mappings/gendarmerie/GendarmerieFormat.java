package org.rabt.mappings.gendarmerie;

import org.rabt.mappings.SectorFormat;
import org.rabt.mappings.StatusReport;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.forces.ForcesCards;

/**
 * The cards of the Gendarmerie royale: brigades territoriales and de recherches, centres and
 * compagnies, in rural areas. The document is the police's but for the numbering of procès-verbaux
 * (per brigade and compagnie here), so both formats share {@link ForcesCards}; a card read here
 * must name {@code gendarmerie} as its sender. Thread-safe; build one and share it.
 */
public final class GendarmerieFormat implements SectorFormat {

    public static final String CARD_SCHEMA = "/gendarmerie/carte-v1.schema.json";
    public static final String STATUS_SCHEMA = "/gendarmerie/statut-v1.schema.json";

    private final ForcesCards cards = new ForcesCards(SectorId.GENDARMERIE, CARD_SCHEMA, STATUS_SCHEMA);

    @Override
    public SectorId sector() {
        return SectorId.GENDARMERIE;
    }

    @Override
    public String mediaType() {
        return ForcesCards.MEDIA_TYPE;
    }

    @Override
    public ChildProtectionMessage toCpm(byte[] body) {
        return cards.toCpm(body);
    }

    /**
     * @throws IllegalArgumentException when the card is not addressed to the gendarmerie (a wiring defect)
     */
    @Override
    public byte[] fromCpm(ChildProtectionMessage cpm) {
        return cards.fromCpm(cpm);
    }

    @Override
    public StatusReport readStatus(byte[] body) {
        return cards.readStatus(body);
    }
}
