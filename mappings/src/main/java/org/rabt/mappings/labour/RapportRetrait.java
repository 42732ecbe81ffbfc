package org.rabt.mappings.labour;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.rabt.mappings.french.CarteFrancaise;
import org.rabt.mappings.french.CarteFrancaise.Adresse;
import org.rabt.mappings.french.CarteFrancaise.Consentement;
import org.rabt.mappings.french.CarteFrancaise.Motif;
import org.rabt.mappings.french.CarteFrancaise.Parcours;
import org.rabt.mappings.french.CarteFrancaise.Partie;
import org.rabt.mappings.french.CarteFrancaise.RepresentantLegal;
import org.rabt.mappings.french.CarteFrancaise.ServiceDemande;

/**
 * Labour inspection's card, member for member as {@code labour/rapport-retrait-v1.schema.json}
 * describes it: a child-labour withdrawal report when labour inspection sends it, a linkage card
 * when the hub sends it. Codes are the French codes of the schema, as strings
 * ({@link org.rabt.mappings.french.FrenchCodes} holds the tables). The parts it shares with the
 * other French card are {@link CarteFrancaise}'s. Absent and empty values are left out when written.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record RapportRetrait(
        String version,
        UUID identifiantCarte,
        String typeCarte,
        String referenceDossier,
        UUID carteLiee,
        Instant dateEnvoi,
        LocalDate dateEcheance,
        String priorite,
        Partie emetteur,
        Partie destinataire,
        String finalite,
        String baseLegale,
        String confidentialite,
        Enfant enfant,
        SituationTravail situationTravail,
        List<Motif> motifs,
        Parcours parcours,
        List<ServiceDemande> servicesDemandes,
        Consentement consentement) implements CarteFrancaise.Entete {

    static final String VERSION = "1.0";

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Enfant(
            String pseudonyme,
            String sexe,
            String trancheAge,
            Integer anneeNaissance,
            String province,
            Boolean handicap,
            Identite identite) implements CarteFrancaise.Enfant {
    }

    /** Only what labour inspection may know of the child's identity: the format has no member for the rest. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Identite(
            String nomLatin,
            String prenomLatin,
            String nomArabe,
            String prenomArabe,
            LocalDate dateNaissance,
            Adresse adresse,
            List<RepresentantLegal> representantsLegaux) implements CarteFrancaise.Identite {
    }

    /** The work the child was found doing: labour inspection's own record, never put in the CPM. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record SituationTravail(
            String typeActivite,
            String secteurActivite,
            String province,
            String referenceEtablissement,
            List<String> travauxDangereux,
            Integer heuresParSemaine,
            Boolean travailDeNuit,
            Boolean employeurSignaleAuParquet,
            LocalDate dateConstat,
            LocalDate dateRetrait) {
    }
}
