package org.rabt.mappings.social;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The social services' card, member for member as {@code social/fiche-liaison-v1.schema.json}
 * describes it: the linkage card (fiche de liaison sociale) that a delegation of the Entraide
 * Nationale, a social protection establishment or a social worker sends, and the card the hub
 * sends them in the same shape. Codes are the French codes of the schema, as strings
 * ({@link org.rabt.mappings.french.FrenchCodes} holds the tables). Absent and empty values are
 * left out when written.
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
        List<PieceJointe> piecesJointes) {

    static final String VERSION = "1.0";

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Partie(String secteur, String organisme, String service, String province) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Enfant(
            String pseudonyme,
            String sexe,
            String trancheAge,
            Integer anneeNaissance,
            String province,
            Boolean handicap,
            Identite identite) {
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
            List<RepresentantLegal> representantsLegaux) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Adresse(String ligne, String ville, String province) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record RepresentantLegal(String lien, String nom, String telephone) {
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

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Motif(String code, String certitude, String cadre, String niveauRisque, Boolean urgence) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Parcours(Integer etape, String canalEntree) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record ServiceDemande(String code, Partie cible, String motif, LocalDate dateEcheance) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Consentement(String donnePar, Instant date, List<String> secteurs, Instant dateRetrait) {
    }

    /** A document referenced by its fingerprint; the content travels apart, encrypted. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record PieceJointe(String type, String titre, String typeMedia, Long taille, String sha256) {
    }
}
