package org.rabt.mappings.social;

import org.rabt.mappings.cpm.TaskStatus;

/**
 * Where social services stand on a card they received, in the social workers' words
 * ({@code social/statut-v1.schema.json}), and what each word means for the referral.
 */
enum StatutSocial {
    RECU("recu"),
    /** A social worker has taken the case on. */
    PRIS_EN_CHARGE("pris-en-charge"),
    /** The social enquiry (enquête sociale) at the family's home is under way. */
    ENQUETE_SOCIALE_EN_COURS("enquete-sociale-en-cours"),
    ACCOMPAGNEMENT_EN_COURS("accompagnement-en-cours"),
    /** Waiting for a place in a social protection establishment, or for a document from the family. */
    EN_ATTENTE_PLACE("en-attente-place"),
    ACCOMPAGNEMENT_TERMINE("accompagnement-termine"),
    /** The family could not be reached or refused every contact. */
    FAMILLE_INJOIGNABLE("famille-injoignable"),
    /** Outside the service's mission (e.g. a child the judge has placed elsewhere). */
    HORS_MISSION("hors-mission"),
    /** Closed without action: the request was withdrawn or passed to another delegation. */
    CLASSE("classe");

    private final String code;

    StatutSocial(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    /**
     * The referral's status. The enquiry and the accompaniment are both work in progress: the
     * word tells the originator which of the two.
     */
    TaskStatus taskStatus() {
        return switch (this) {
            case RECU -> TaskStatus.RECEIVED;
            case PRIS_EN_CHARGE -> TaskStatus.ACCEPTED;
            case ENQUETE_SOCIALE_EN_COURS, ACCOMPAGNEMENT_EN_COURS -> TaskStatus.IN_PROGRESS;
            case EN_ATTENTE_PLACE -> TaskStatus.ON_HOLD;
            case ACCOMPAGNEMENT_TERMINE -> TaskStatus.COMPLETED;
            case FAMILLE_INJOIGNABLE -> TaskStatus.FAILED;
            case HORS_MISSION -> TaskStatus.REJECTED;
            case CLASSE -> TaskStatus.CANCELLED;
        };
    }

    /** The word for {@code code}; the schema has already checked it is one. */
    static StatutSocial of(String code) {
        for (StatutSocial statut : values()) {
            if (statut.code.equals(code)) {
                return statut;
            }
        }
        throw new IllegalArgumentException("not a status of social/statut-v1.schema.json: " + code);
    }
}
