package org.rabt.mappings.education;

import java.util.Objects;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.Minimisation;
import org.rabt.mappings.SectorFormat;
import org.rabt.mappings.StatusReport;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.json.SectorJson;

/**
 * The education sector's card, both ways: JSON with French member names, described by
 * {@value #CARD_SCHEMA}, for the reporting and linkage cards schools and provincial directorates
 * send (a pupil at risk noticed at school) and the linkage cards they receive (reintegration,
 * school support); status reports by {@value #STATUS_SCHEMA}. The nightly CSV batches of
 * dropouts and long absences are read by {@link DropoutBatchReader}. Thread-safe: build one and
 * share it.
 */
public final class EducationFormat implements SectorFormat {

    public static final String MEDIA_TYPE = "application/json";
    public static final String CARD_SCHEMA = "/education/carte-education-v1.schema.json";
    public static final String STATUS_SCHEMA = "/education/statut-v1.schema.json";

    private final SectorJson cards = new SectorJson(CARD_SCHEMA);
    private final SectorJson statuses = new SectorJson(STATUS_SCHEMA);

    @Override
    public SectorId sector() {
        return SectorId.EDUCATION;
    }

    @Override
    public String mediaType() {
        return MEDIA_TYPE;
    }

    /**
     * A card a school or a provincial directorate sends. Fails with a coded {@link MappingException}
     * naming the JSON pointer: UNPARSEABLE (not UTF-8 JSON), SECTOR_SCHEMA_VIOLATION (breaks the
     * schema: unknown member, missing required member, bad code or pattern), INVALID_VALUE or
     * MISSING_ELEMENT (what the schema cannot check, e.g. a sender other than education).
     */
    @Override
    public ChildProtectionMessage toCpm(byte[] body) {
        Objects.requireNonNull(body, "body");
        return CarteToCpm.cpm(cards.read(body, CarteEducation.class));
    }

    /**
     * A card addressed to education, minimised for it first: names, birth date, guardians and the
     * Massar code of the pupil, but no address, phone, national, civil-status or court file
     * number, no sexual nature of a concern, only school reports among the documents, and only the
     * services asked of education.
     *
     * @throws IllegalArgumentException when the card is addressed to another sector (a dispatch defect)
     * @throws MappingException         OUTBOUND_SCHEMA_VIOLATION when the card cannot be written in
     *                                  the education schema (a defect of the hub)
     */
    @Override
    public byte[] fromCpm(ChildProtectionMessage cpm) {
        Objects.requireNonNull(cpm, "cpm");
        Objects.requireNonNull(cpm.header(), "cpm.header");
        if (cpm.header().receiver() == null || cpm.header().receiver().sector() != SectorId.EDUCATION) {
            throw new IllegalArgumentException("the card is addressed to "
                    + (cpm.header().receiver() == null ? "nobody" : cpm.header().receiver().sector())
                    + ", not to education");
        }
        ChildProtectionMessage minimised = Minimisation.forReceiver(sector(), cpm);
        return cards.write(CpmToCarte.carte(minimised));
    }

    /** A school's report on a card it received, in its words ({@link StatutScolaire}). */
    @Override
    public StatusReport readStatus(byte[] body) {
        Objects.requireNonNull(body, "body");
        CarteEducation.RapportStatut rapport = statuses.read(body, CarteEducation.RapportStatut.class);
        StatutScolaire statut = StatutScolaire.fromCode(rapport.statut());
        return new StatusReport(rapport.identifiantCarte(), statut.taskStatus(), statut.code(), rapport.observation());
    }
}
