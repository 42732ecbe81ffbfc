package org.rabt.mappings.education;

import org.rabt.mappings.cpm.Coded;
import org.rabt.mappings.cpm.TaskStatus;

/**
 * What a school or a provincial directorate says about a card it received, in its own words
 * (the {@code statut} of {@code education/statut-v1.schema.json}), and what each word
 * means for the referral (FHIR Task.status).
 */
enum StatutScolaire implements Coded {
    /** The card reached the school's system. */
    RECU("recu"),
    /** The school takes the pupil's situation in hand. */
    PRIS_EN_CHARGE("pris-en-charge"),
    /** Support or reintegration under way (remedial classes, listening cell, family visits). */
    EN_COURS("en-cours"),
    /** Waiting for something outside the school: the guardians, a place, the next term. */
    EN_ATTENTE("en-attente"),
    /** The pupil is back in class: the outcome a reintegration card asks for. */
    ELEVE_REINTEGRE("eleve-reintegre"),
    /** The support asked for was given, the pupil having stayed in school. */
    SOUTIEN_ASSURE("soutien-assure"),
    /** The school declines the card (not its pupil, wrong school...); the reason is required. */
    REFUSE("refuse"),
    /** The reintegration was attempted and could not be achieved; the reason is required. */
    NON_REINTEGRE("non-reintegre"),
    /** The request was withdrawn before it was carried out. */
    ANNULE("annule");

    private final String code;

    StatutScolaire(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** The referral status this word stands for; without a default branch, so a new word must say. */
    TaskStatus taskStatus() {
        return switch (this) {
            case RECU -> TaskStatus.RECEIVED;
            case PRIS_EN_CHARGE -> TaskStatus.ACCEPTED;
            case EN_COURS -> TaskStatus.IN_PROGRESS;
            case EN_ATTENTE -> TaskStatus.ON_HOLD;
            case ELEVE_REINTEGRE, SOUTIEN_ASSURE -> TaskStatus.COMPLETED;
            case REFUSE -> TaskStatus.REJECTED;
            case NON_REINTEGRE -> TaskStatus.FAILED;
            case ANNULE -> TaskStatus.CANCELLED;
        };
    }

    static StatutScolaire fromCode(String code) {
        return Coded.parse(StatutScolaire.class, code, "/statut");
    }
}
