package org.rabt.mappings.justice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import tools.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import tools.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * The justice sector's linkage card, element for element as {@code justice/carte-liaison-v1.xsd}
 * describes it: each record component is named after its XML element, so the same records can be
 * read back from XML with the same Jackson configuration when the inbound direction is written.
 *
 * <p>Repeated elements sit in their own container record ({@code Motifs} holds {@code motif}
 * elements) rather than behind {@code @JacksonXmlElementWrapper}: Jackson cannot deserialise a
 * record whose wrapped list is renamed, and the container keeps the model a plain image of the XSD.
 * Codes are the French codes of the XSD as strings; {@link org.rabt.mappings.french.FrenchCodes} holds the tables.
 */
@JacksonXmlRootElement(namespace = CarteLiaison.NAMESPACE, localName = "carteLiaison")
record CarteLiaison(
        @JacksonXmlProperty(isAttribute = true) String version,
        Entete entete,
        Enfant enfant,
        Motifs motifs,
        Parcours parcours,
        ServicesDemandes servicesDemandes,
        Consentement consentement,
        PiecesJointes piecesJointes,
        Statut statut) {

    static final String NAMESPACE = "https://rabt.ma/ns/justice/carte-liaison/1";
    static final String VERSION = "1.0";

    record Entete(
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
            String confidentialite) {
    }

    record Partie(String secteur, String organisme, String service, String province) {
    }

    record Enfant(
            String pseudonyme,
            String sexe,
            String trancheAge,
            Integer anneeNaissance,
            String province,
            Boolean handicap,
            Identite identite) {
    }

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
            RepresentantsLegaux representantsLegaux) {
    }

    record Adresse(String ligne, String ville, String province) {
    }

    record RepresentantsLegaux(List<RepresentantLegal> representantLegal) {
    }

    record RepresentantLegal(String lien, String nom, String telephone) {
    }

    record Motifs(List<Motif> motif) {
    }

    record Motif(String code, String libelle, String certitude, String cadre, String niveauRisque, boolean urgence) {
    }

    record Parcours(Integer etape, String canalEntree) {
    }

    record ServicesDemandes(List<ServiceDemande> serviceDemande) {
    }

    record ServiceDemande(
            String code,
            String secteur,
            String organisme,
            String service,
            String province,
            String motif,
            LocalDate dateEcheance) {
    }

    record Consentement(String donnePar, Instant date, Secteurs secteurs, Instant dateRetrait) {
    }

    record Secteurs(List<String> secteur) {
    }

    record PiecesJointes(List<PieceJointe> pieceJointe) {
    }

    record PieceJointe(String type, String titre, String typeMedia, long taille, String empreinteSha256) {
    }

    record Statut(String code, String statutMetier, String resultat) {
    }
}
