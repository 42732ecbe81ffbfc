package org.rabt.mappings.freeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The reporting card of the free line and the listening cells, member for member as
 * {@code freeline/signalement-v1.schema.json} describes it. Codes the CPM shares are French codes
 * as strings ({@link org.rabt.mappings.french.FrenchCodes} holds the tables); codes of the line's own are enums.
 *
 * @param carteLiee an earlier report this one adds to (the same situation, called in again)
 * @param dateAppel when the call or the visit took place: the age said then refers to it
 * @param resume    what the caller reported, in the listener's words
 */
record Signalement(
        UUID identifiantCarte,
        UUID carteLiee,
        Instant dateAppel,
        Instant dateEnvoi,
        String priorite,
        String confidentialite,
        Emetteur emetteur,
        Partie destinataire,
        Appelant appelant,
        Enfant enfant,
        List<Motif> motifs,
        SuiteDemandee suiteDemandee,
        String resume) {

    /** The line or the cell that took the call or the visit; {@code secteur} is always {@code ligne-ecoute}. */
    record Emetteur(String secteur, Structure structure, String organisme, String service, String province) {
    }

    /**
     * Who called, as a category: the caller's name and number stay with the line, which calls back
     * when {@code accepteRappel} says it may.
     */
    record Appelant(CategorieAppelant categorie, boolean accepteRappel) {
    }

    /** What is known of the child: often a first name, an age said on the phone and a district. */
    record Enfant(
            String sexe,
            String nomLatin,
            String prenomLatin,
            String nomArabe,
            String prenomArabe,
            LocalDate dateNaissance,
            Integer anneeNaissance,
            Integer age,
            Boolean handicap,
            String quartier,
            String ville,
            String province) {
    }

    /** A form of harm reported: always suspected, a line does not confirm. */
    record Motif(String code, String cadre, String niveauRisque, boolean urgence) {
    }
}
