package org.rabt.mappings.justice;

import org.rabt.mappings.cpm.TaskStatus;

/**
 * Where a card stands at the prosecutor's office or with the juvenile judge, in their words, and
 * what that is as a referral status (FHIR Task.status). Several words may share a status: the word
 * travels on as the business status, so nothing is lost.
 */
enum StatutJustice {
    /** Received at the registry (greffe) or the prosecutor's secretariat. */
    RECU("recu"),
    /** Registered with a serial number: justice takes the matter up. */
    ENREGISTRE("enregistre"),
    EN_COURS_D_EXAMEN("en-cours-d-examen"),
    /** The prosecutor ordered an inquiry (judicial police, gendarmerie, social enquiry). */
    ENQUETE_ORDONNEE("enquete-ordonnee"),
    /** Waiting for a document: the forensic certificate, a social report. */
    EN_ATTENTE_DE_PIECES("en-attente-de-pieces"),
    /** An order or decision was made: protection measure, placement. */
    ORDONNANCE_RENDUE("ordonnance-rendue"),
    /** Examined and dropped by the prosecutor. */
    CLASSE_SANS_SUITE("classe-sans-suite"),
    /** Not this court's matter (territory or subject). */
    INCOMPETENCE("incompetence"),
    /** Cannot be received as it is (incomplete, no judicial matter). */
    IRRECEVABLE("irrecevable");

    private final String code;

    StatutJustice(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    /**
     * The referral status. A case dropped without further action ({@code classe-sans-suite}) is
     * {@code completed}, not {@code rejected}: the prosecutor examined it and decided, which is an
     * outcome; {@code rejected} is kept for a card the court does not take up at all.
     */
    TaskStatus taskStatus() {
        return switch (this) {
            case RECU -> TaskStatus.RECEIVED;
            case ENREGISTRE -> TaskStatus.ACCEPTED;
            case EN_COURS_D_EXAMEN, ENQUETE_ORDONNEE -> TaskStatus.IN_PROGRESS;
            case EN_ATTENTE_DE_PIECES -> TaskStatus.ON_HOLD;
            case ORDONNANCE_RENDUE, CLASSE_SANS_SUITE -> TaskStatus.COMPLETED;
            case INCOMPETENCE, IRRECEVABLE -> TaskStatus.REJECTED;
        };
    }

    /** The constant of a code the XSD has accepted. */
    static StatutJustice of(String code) {
        for (StatutJustice statut : values()) {
            if (statut.code.equals(code)) {
                return statut;
            }
        }
        throw new IllegalArgumentException("not a justice status: " + code + " (the XSD and this enum differ)");
    }
}
