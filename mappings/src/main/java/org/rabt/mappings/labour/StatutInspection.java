package org.rabt.mappings.labour;

import org.rabt.mappings.cpm.TaskStatus;

/**
 * Where labour inspection stands on a card it received, in the inspectors' words
 * ({@code labour/statut-v1.schema.json}), and what each word means for the referral.
 */
enum StatutInspection {
    RECU("recu"),
    /** An inspector has been assigned the case. */
    AFFECTE("affecte"),
    ENQUETE_EN_COURS("enquete-en-cours"),
    /** Waiting, e.g. for access to a farm or a private home. */
    EN_ATTENTE("en-attente"),
    ENFANT_RETIRE("enfant-retire"),
    /** The inspection was made and found no child at work. */
    NON_CONSTATE("non-constate"),
    /** The child could not be found: the workshop closed, the family moved. */
    ENFANT_INTROUVABLE("enfant-introuvable"),
    /** Not labour inspection's to handle (no work relationship: begging, a family farm). */
    HORS_COMPETENCE("hors-competence"),
    /** Closed without action, e.g. the request was withdrawn or the case passed to another province. */
    CLASSE("classe");

    private final String code;

    StatutInspection(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    /**
     * The referral's status. {@code non-constate} is completed, not failed: the inspection the
     * card asked for was carried out, and its outcome is that no child was found at work; the
     * originator reads the word and the observations. {@code enfant-introuvable} is failed: the
     * withdrawal was attempted and could not be made.
     */
    TaskStatus taskStatus() {
        return switch (this) {
            case RECU -> TaskStatus.RECEIVED;
            case AFFECTE -> TaskStatus.ACCEPTED;
            case ENQUETE_EN_COURS -> TaskStatus.IN_PROGRESS;
            case EN_ATTENTE -> TaskStatus.ON_HOLD;
            case ENFANT_RETIRE, NON_CONSTATE -> TaskStatus.COMPLETED;
            case ENFANT_INTROUVABLE -> TaskStatus.FAILED;
            case HORS_COMPETENCE -> TaskStatus.REJECTED;
            case CLASSE -> TaskStatus.CANCELLED;
        };
    }

    /** The word for {@code code}; the schema has already checked it is one. */
    static StatutInspection of(String code) {
        for (StatutInspection statut : values()) {
            if (statut.code.equals(code)) {
                return statut;
            }
        }
        throw new IllegalArgumentException("not a status of labour/statut-v1.schema.json: " + code);
    }
}
