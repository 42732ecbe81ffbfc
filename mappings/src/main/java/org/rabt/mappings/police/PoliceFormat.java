package org.rabt.mappings.police;

import org.rabt.mappings.SectorFormat;
import org.rabt.mappings.StatusReport;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.forces.ForcesCards;

/**
 * The cards of the Sûreté nationale (DGSN): brigades des mineurs, commissariats, districts and
 * préfectures de police, in towns. The document is the gendarmerie's but for the numbering of
 * procès-verbaux (per district here), so both formats share {@link ForcesCards}; a card read here
 * must name {@code police} as its sender. Thread-safe; build one and share it.
 */
public final class PoliceFormat implements SectorFormat {

    public static final String CARD_SCHEMA = "/police/carte-v1.schema.json";
    public static final String STATUS_SCHEMA = "/police/statut-v1.schema.json";

    private final ForcesCards cards = new ForcesCards(SectorId.POLICE, CARD_SCHEMA, STATUS_SCHEMA);

    @Override
    public SectorId sector() {
        return SectorId.POLICE;
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
     * @throws IllegalArgumentException when the card is not addressed to the police (a wiring defect)
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
