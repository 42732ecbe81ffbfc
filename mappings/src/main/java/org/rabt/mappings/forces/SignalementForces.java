package org.rabt.mappings.forces;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The card of the forces of law and order, member for member as {@code police/carte-v1.schema.json}
 * and {@code gendarmerie/carte-v1.schema.json} describe it: one document for the Sûreté nationale
 * and the Gendarmerie royale, whose {@code emetteur.secteur} says which force sent it; only the
 * pattern of {@code numeroProcesVerbal} differs.
 * Codes are the schema's French codes as strings; {@link org.rabt.mappings.french.FrenchCodes} and
 * {@link ForcesCodes} hold the tables. Absent values are left out when written, and lists are
 * {@code null} rather than empty (the schema refuses empty arrays).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SignalementForces(
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
        List<Motif> motifs,
        Parcours parcours,
        List<ServiceDemande> servicesDemandes,
        Consentement consentement,
        List<PieceJointe> piecesJointes) {

    static final String VERSION = "1.0";

    /** A sender, receiver or target: the sector, the body, the unit or service, the province. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Partie(String secteur, String organisme, String service, String province) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Enfant(
            String pseudonyme,
            String sexe,
            String trancheAge,
            Integer anneeNaissance,
            String province,
            Boolean handicap,
            Identite identite) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Identite(
            String nomLatin,
            String prenomLatin,
            String nomArabe,
            String prenomArabe,
            LocalDate dateNaissance,
            String numeroCNIE,
            String numeroEtatCivil,
            String numeroDossierJudiciaire,
            Adresse adresse,
            String telephone,
            List<RepresentantLegal> representantsLegaux) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Adresse(String ligne, String ville, String province) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RepresentantLegal(String lien, String nom, String telephone) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Motif(String code, String certitude, String cadre, String niveauRisque, boolean urgence) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Parcours(int etape, String canalEntree) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ServiceDemande(String code, Partie cible, String motif, LocalDate dateEcheance) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Consentement(String donnePar, Instant date, List<String> secteurs, Instant dateRetrait) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PieceJointe(String type, String titre, String numeroProcesVerbal, String typeMedia, long taille,
            String empreinteSha256) {
    }
}
