package org.rabt.mappings.social;

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
 * The social services' card, member for member as {@code social/fiche-liaison-v1.schema.json}
 * describes it: the linkage card (fiche de liaison sociale) that a delegation of the Entraide
 * Nationale, a social protection establishment or a social worker sends, and the card the hub
 * sends them in the same shape. Codes are the French codes of the schema, as strings
 * ({@link org.rabt.mappings.french.FrenchCodes} holds the tables). The parts it shares with the
 * other French card are {@link CarteFrancaise}'s. Absent and empty values are left out when written.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record FicheLiaison(
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
        PriseEnCharge priseEnCharge,
        List<Motif> motifs,
        Parcours parcours,
        List<ServiceDemande> servicesDemandes,
        Consentement consentement,
        List<PieceJointe> piecesJointes) implements CarteFrancaise.Entete {

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

    /**
     * Only what social services may know of the child's identity: the format has no member for the
     * national identity card, the Massar school code or the court file number.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Identite(
            String nomLatin,
            String prenomLatin,
            String nomArabe,
            String prenomArabe,
            LocalDate dateNaissance,
            String numeroEtatCivil,
            Adresse adresse,
            String telephone,
            List<RepresentantLegal> representantsLegaux) implements CarteFrancaise.Identite {
    }

    /** What the social service does for the child: its own record, never put in the CPM. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record PriseEnCharge(
            String mesure,
            String etablissement,
            String referenceDossierSocial,
            LocalDate dateDebut,
            LocalDate dateFin) {
    }

    /** A document referenced by its fingerprint; the content travels apart, encrypted. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record PieceJointe(String type, String titre, String typeMedia, Long taille, String sha256) {
    }
}
