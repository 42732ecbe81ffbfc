package org.rabt.mappings.forces;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.rabt.mappings.cpm.Coded;
import org.rabt.mappings.cpm.TaskStatus;

/**
 * Where a request addressed to a police or gendarmerie unit stands, in the words of the forces'
 * own case-management systems, and what each word means for the referral (FHIR Task.status).
 * Several words share a Task status: the word itself travels on as the business status, so the
 * centre reads "famille localisée", not just "in progress".
 */
enum StatutForces implements Coded {
    /** The unit's system holds the card. */
    RECU("recu"),
    /** An officer or a unit is assigned to the request. */
    PRIS_EN_CHARGE("pris-en-charge"),
    /** Outside the unit's territory or remit (a town for the gendarmerie, a rural commune for the police). */
    HORS_COMPETENCE("hors-competence"),
    /** The request lacks what the unit needs to act on it (an address, the child's identity). */
    DEMANDE_INCOMPLETE("demande-incomplete"),
    ENQUETE_EN_COURS("enquete-en-cours"),
    /** Searching for the child (a runaway) or for the family. */
    RECHERCHES_EN_COURS("recherches-en-cours"),
    /** The family is found; the hand-over or the report to the prosecutor is still to come. */
    FAMILLE_LOCALISEE("famille-localisee"),
    /** The unit waits for the prosecutor's instructions before it acts further. */
    EN_ATTENTE_PARQUET("en-attente-parquet"),
    /** The procès-verbal has gone to the prosecutor: the forces' part is done. */
    TRANSMIS_AU_PARQUET("transmis-au-parquet"),
    /** The child has been handed over to the family, the centre or the institution named. */
    ENFANT_REMIS("enfant-remis"),
    /** What was asked (an escort, a visit, a verification) is done. */
    MISSION_ACCOMPLIE("mission-accomplie"),
    /** The child or the family could not be found. */
    RECHERCHES_INFRUCTUEUSES("recherches-infructueuses"),
    /** Closed without action: the request was withdrawn or the danger not confirmed. */
    SANS_SUITE("sans-suite");

    private final String code;

    StatutForces(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    /** The referral's status; no default branch, so a new word does not compile until it is mapped. */
    TaskStatus taskStatus() {
        return switch (this) {
            case RECU -> TaskStatus.RECEIVED;
            case PRIS_EN_CHARGE -> TaskStatus.ACCEPTED;
            case HORS_COMPETENCE, DEMANDE_INCOMPLETE -> TaskStatus.REJECTED;
            case ENQUETE_EN_COURS, RECHERCHES_EN_COURS, FAMILLE_LOCALISEE -> TaskStatus.IN_PROGRESS;
            case EN_ATTENTE_PARQUET -> TaskStatus.ON_HOLD;
            case TRANSMIS_AU_PARQUET, ENFANT_REMIS, MISSION_ACCOMPLIE -> TaskStatus.COMPLETED;
            case RECHERCHES_INFRUCTUEUSES -> TaskStatus.FAILED;
            case SANS_SUITE -> TaskStatus.CANCELLED;
        };
    }

    /** Whether the unit must say why (a refusal, a failure, a closure without action). */
    boolean needsObservations() {
        return switch (taskStatus()) {
            case REJECTED, FAILED, CANCELLED -> true;
            case REQUESTED, RECEIVED, ACCEPTED, IN_PROGRESS, ON_HOLD, COMPLETED -> false;
        };
    }

    @JsonCreator
    static StatutForces fromCode(String code) {
        return Coded.parse(StatutForces.class, code, "/statut");
    }
}
