package org.rabt.mappings.french;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the French JSON cards of labour inspection ({@code RapportRetrait}) and social services
 * ({@code FicheLiaison}) have in common, member for member as their schemas describe it: the
 * header members at the card's top level, the child, and the parts (parties, concerns, pathway,
 * requested services, consent) whose shape is the same in both. Each card stays a record of its
 * own sector, since its identity members and its own record (the work situation, the social
 * measure) differ; {@link FrenchCards} maps what is shared here.
 *
 * <p>The records keep the cards' member names, order and {@code NON_EMPTY} inclusion, so a card
 * reads and writes the same bytes as when each sector declared them.
 */
public final class CarteFrancaise {

    private CarteFrancaise() {
    }

    /** The header members, flat at the top of the card; a card record implements them by its components. */
    public interface Entete {

        UUID identifiantCarte();

        String typeCarte();

        String referenceDossier();

        UUID carteLiee();

        Instant dateEnvoi();

        LocalDate dateEcheance();

        String priorite();

        Partie emetteur();

        Partie destinataire();

        String finalite();

        String baseLegale();

        String confidentialite();
    }

    /** The child's shared part, as each card's {@code enfant} record has it. */
    public interface Enfant {

        String pseudonyme();

        String sexe();

        String trancheAge();

        Integer anneeNaissance();

        String province();

        Boolean handicap();

        Identite identite();
    }

    /** The identity members both cards have; a card adds the ones its sector may receive. */
    public interface Identite {

        String nomLatin();

        String prenomLatin();

        String nomArabe();

        String prenomArabe();

        LocalDate dateNaissance();

        Adresse adresse();

        List<RepresentantLegal> representantsLegaux();
    }

    /** A sender, receiver or target: the sector, the body, the service, the province. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Partie(String secteur, String organisme, String service, String province) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Adresse(String ligne, String ville, String province) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record RepresentantLegal(String lien, String nom, String telephone) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Motif(String code, String certitude, String cadre, String niveauRisque, Boolean urgence) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Parcours(Integer etape, String canalEntree) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ServiceDemande(String code, Partie cible, String motif, LocalDate dateEcheance) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Consentement(String donnePar, Instant date, List<String> secteurs, Instant dateRetrait) {
    }

    /** A status report, as both cards' {@code statut-v1.schema.json} describe it (the words differ, not the shape). */
    public record StatutCarte(UUID identifiantCarte, String statut, String observations, Instant dateStatut) {
    }
}
