package org.rabt.mappings.education;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The education card, member for member as {@code education/carte-education-v1.schema.json}
 * describes it; each record component is named after its JSON member, in the schema's order.
 * Codes are the French codes of the schema as strings ({@link org.rabt.mappings.french.FrenchCodes} holds the tables);
 * absent values are {@code null} and are left out when written, and so are empty lists.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record CarteEducation(
        UUID identifiantCarte,
        String typeCarte,
        Instant dateEnvoi,
        LocalDate echeance,
        String priorite,
        Partie emetteur,
        Partie destinataire,
        String referenceDossier,
        UUID carteLiee,
        String baseLegale,
        String finalite,
        String confidentialite,
        Eleve eleve,
        List<RepresentantLegal> representantsLegaux,
        List<Motif> motifs,
        Integer etapeParcours,
        String canalEntree,
        List<ServiceDemande> servicesDemandes,
        Consentement consentement,
        List<PieceJointe> piecesJointes,
        Statut statut) {

    CarteEducation {
        representantsLegaux = representantsLegaux == null ? List.of() : List.copyOf(representantsLegaux);
        motifs = motifs == null ? List.of() : List.copyOf(motifs);
        servicesDemandes = servicesDemandes == null ? List.of() : List.copyOf(servicesDemandes);
        piecesJointes = piecesJointes == null ? List.of() : List.copyOf(piecesJointes);
    }

    /**
     * A sender, a receiver or the provider of a requested service.
     *
     * @param etablissement the school (or another sector's establishment: hospital, court...), or
     *                      the provincial directorate when it acts itself
     * @param province      ISO 3166-2:MA code; one provincial directorate per province or prefecture
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Partie(String secteur, String etablissement, String service, String province) {
    }

    /**
     * The pupil: the part every receiver sees (pseudonyme, sexe, trancheAge, anneeNaissance,
     * province, handicap) and the identity (Massar code, names, birth date, address).
     *
     * @param pseudonyme the hub's pseudonym: on cards the school receives, never on cards it sends
     * @param adresse    on cards the school sends; education never receives an address
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Eleve(
            String pseudonyme,
            String codeMassar,
            String nom,
            String prenom,
            String nomArabe,
            String prenomArabe,
            LocalDate dateNaissance,
            Integer anneeNaissance,
            String trancheAge,
            String sexe,
            String province,
            Boolean handicap,
            Adresse adresse) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Adresse(String ligne, String ville, String province) {
    }

    /** @param lien an HL7 v3 RoleCode (MTH, FTH, GRMTH, GUARD...), as in the CPM */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record RepresentantLegal(String lien, String nom, String telephone) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Motif(String code, String certitude, String cadre, String niveauRisque, Boolean urgence) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record ServiceDemande(String code, Partie prestataire, String motif, LocalDate echeance) {
    }

    /** @param donnePar {@code enfant} or the guardian's HL7 v3 RoleCode */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Consentement(String donnePar, Instant date, List<String> secteurs, Instant dateRetrait) {

        Consentement {
            secteurs = secteurs == null ? List.of() : List.copyOf(secteurs);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record PieceJointe(String type, String titre, String typeMedia, Long taille, String empreinteSha256) {
    }

    /** @param code the FHIR Task.status code of the referral, unchanged */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Statut(String code, String statutMetier, String resultat) {
    }

    /**
     * A status report about a card the school received ({@code education/statut-v1.schema.json}).
     *
     * @param statut the school's word, a {@link StatutScolaire} code
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record RapportStatut(UUID identifiantCarte, String statut, String observation, Instant dateStatut) {
    }
}
