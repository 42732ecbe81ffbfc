package org.rabt.mappings.justice;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.cpm.Address;
import org.rabt.mappings.cpm.AgeBand;
import org.rabt.mappings.cpm.Attachment;
import org.rabt.mappings.cpm.AttachmentType;
import org.rabt.mappings.cpm.CardType;
import org.rabt.mappings.cpm.Certainty;
import org.rabt.mappings.cpm.ChildProtected;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.ChildShared;
import org.rabt.mappings.cpm.Concern;
import org.rabt.mappings.cpm.ConcernCode;
import org.rabt.mappings.cpm.Confidentiality;
import org.rabt.mappings.cpm.Consent;
import org.rabt.mappings.cpm.EntryChannel;
import org.rabt.mappings.cpm.Guardian;
import org.rabt.mappings.cpm.Header;
import org.rabt.mappings.cpm.LegalBasis;
import org.rabt.mappings.cpm.Party;
import org.rabt.mappings.cpm.Pathway;
import org.rabt.mappings.cpm.PathwayStage;
import org.rabt.mappings.cpm.Priority;
import org.rabt.mappings.cpm.PurposeOfUse;
import org.rabt.mappings.cpm.RequestedService;
import org.rabt.mappings.cpm.RiskLevel;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.cpm.Setting;
import org.rabt.mappings.cpm.Sex;
import org.rabt.mappings.cpm.Status;
import org.rabt.mappings.cpm.TaskStatus;
import org.rabt.mappings.french.FrenchCodes;
import org.rabt.mappings.justice.CarteLiaison.Adresse;
import org.rabt.mappings.justice.CarteLiaison.Consentement;
import org.rabt.mappings.justice.CarteLiaison.Enfant;
import org.rabt.mappings.justice.CarteLiaison.Entete;
import org.rabt.mappings.justice.CarteLiaison.Identite;
import org.rabt.mappings.justice.CarteLiaison.Motif;
import org.rabt.mappings.justice.CarteLiaison.Motifs;
import org.rabt.mappings.justice.CarteLiaison.Partie;
import org.rabt.mappings.justice.CarteLiaison.PieceJointe;
import org.rabt.mappings.justice.CarteLiaison.PiecesJointes;
import org.rabt.mappings.justice.CarteLiaison.RepresentantsLegaux;
import org.rabt.mappings.justice.CarteLiaison.ServiceDemande;
import org.rabt.mappings.justice.CarteLiaison.ServicesDemandes;
import org.rabt.mappings.justice.CarteLiaison.Statut;

/**
 * Reads a linkage card that justice sends (the prosecutor's office, the juvenile judge) into the
 * CPM: validated against {@code justice/carte-liaison-v1.xsd} first, then each French code turned
 * back into its CPM constant through the very tables {@link CarteLiaisonWriter} writes with.
 * Thread-safe.
 *
 * <p>Element paths in errors are those of the XSD check ({@code /carteLiaison/motifs/motif[2]/code};
 * the first of repeated elements has no index).
 */
final class CarteLiaisonReader {

    private static final String ROOT = "/carteLiaison";

    private final JusticeXmlInput<CarteLiaison> input = new JusticeXmlInput<>(JusticeSchema.carteLiaison(),
            CarteLiaison.NAMESPACE, CarteLiaison.class, "carteLiaison");

    /** The card as a CPM sent by justice; the child's pseudonym is left to the hub. */
    ChildProtectionMessage read(byte[] body) {
        return cpm(input.read(body));
    }

    /** The justice model as a CPM, once the document has passed the XSD. */
    static ChildProtectionMessage cpm(CarteLiaison carte) {
        return new ChildProtectionMessage(
                header(carte.entete()),
                child(carte.enfant()),
                identity(carte.enfant().identite()),
                concerns(carte.motifs()),
                pathway(carte.parcours()),
                services(carte.servicesDemandes()),
                consent(carte.consentement()),
                attachments(carte.piecesJointes()),
                status(carte.statut()));
    }

    private static Header header(Entete entete) {
        String at = ROOT + "/entete";
        return new Header(
                entete.identifiantCarte(),
                code(CardType.class, FrenchCodes::typeCarte, entete.typeCarte(), at + "/typeCarte"),
                ChildProtectionMessage.SCHEMA_VERSION,
                entete.referenceDossier(),
                entete.carteLiee(),
                entete.dateEnvoi(),
                entete.dateEcheance(),
                code(Priority.class, FrenchCodes::priorite, entete.priorite(), at + "/priorite"),
                sender(entete.emetteur()),
                party(entete.destinataire(), at + "/destinataire"),
                code(PurposeOfUse.class, FrenchCodes::finalite, entete.finalite(), at + "/finalite"),
                code(LegalBasis.class, FrenchCodes::baseLegale, entete.baseLegale(), at + "/baseLegale"),
                code(Confidentiality.class, FrenchCodes::confidentialite, entete.confidentialite(),
                        at + "/confidentialite"));
    }

    /**
     * The sender is justice: the hub has already checked that the client certificate and the
     * signature are justice's, and a card that claims another sector would put words in that
     * sector's mouth.
     */
    private static Party sender(Partie emetteur) {
        String at = ROOT + "/entete/emetteur";
        Party sender = party(emetteur, at);
        if (sender.sector() != SectorId.JUSTICE) {
            throw MappingException.invalid(at + "/secteur", "a card sent by justice names justice as its sender, not '"
                    + emetteur.secteur() + "'");
        }
        return sender;
    }

    private static Party party(Partie partie, String at) {
        return new Party(code(SectorId.class, FrenchCodes::secteur, partie.secteur(), at + "/secteur"),
                partie.organisme(), partie.service(), partie.province());
    }

    /** The shared part. A {@code pseudonyme} in an inbound card is ignored: only the hub assigns one. */
    private static ChildShared child(Enfant enfant) {
        String at = ROOT + "/enfant";
        Identite identite = enfant.identite();
        if (identite != null && identite.dateNaissance() != null && enfant.anneeNaissance() != null
                && identite.dateNaissance().getYear() != enfant.anneeNaissance()) {
            throw MappingException.invalid(at + "/anneeNaissance", enfant.anneeNaissance()
                    + " is not the year of the date of birth " + identite.dateNaissance());
        }
        return new ChildShared(null,
                code(Sex.class, FrenchCodes::sexe, enfant.sexe(), at + "/sexe"),
                code(AgeBand.class, FrenchCodes::trancheAge, enfant.trancheAge(), at + "/trancheAge"),
                enfant.anneeNaissance(),
                enfant.province(),
                enfant.handicap());
    }

    /** The identity, as justice holds it; justice never holds the school code. */
    private static ChildProtected identity(Identite identite) {
        if (identite == null) {
            return null;
        }
        return new ChildProtected(
                identite.nomLatin(),
                identite.prenomLatin(),
                identite.nomArabe(),
                identite.prenomArabe(),
                identite.dateNaissance(),
                guardians(identite.representantsLegaux()),
                address(identite.adresse()),
                identite.telephone(),
                identite.numeroCNIE(),
                identite.numeroEtatCivil(),
                null,
                identite.numeroDossierJudiciaire());
    }

    private static List<Guardian> guardians(RepresentantsLegaux representants) {
        if (representants == null) {
            return List.of();
        }
        return representants.representantLegal().stream()
                .map(representant -> new Guardian(representant.lien(), representant.nom(), representant.telephone()))
                .toList();
    }

    private static Address address(Adresse adresse) {
        return adresse == null ? null : new Address(adresse.ligne(), adresse.ville(), adresse.province());
    }

    /** {@code libelle} is for people reading the card; the code alone says what the concern is. */
    private static List<Concern> concerns(Motifs motifs) {
        if (motifs == null) {
            return List.of();
        }
        List<Concern> concerns = new ArrayList<>();
        for (int i = 0; i < motifs.motif().size(); i++) {
            Motif motif = motifs.motif().get(i);
            String at = ROOT + "/motifs/" + repeated("motif", i);
            concerns.add(new Concern(
                    code(ConcernCode.class, FrenchCodes::motif, motif.code(), at + "/code"),
                    code(Certainty.class, FrenchCodes::certitude, motif.certitude(), at + "/certitude"),
                    code(Setting.class, FrenchCodes::cadre, motif.cadre(), at + "/cadre"),
                    code(RiskLevel.class, FrenchCodes::niveauRisque, motif.niveauRisque(), at + "/niveauRisque"),
                    motif.urgence()));
        }
        return concerns;
    }

    private static Pathway pathway(CarteLiaison.Parcours parcours) {
        return new Pathway(PathwayStage.of(parcours.etape()),
                code(EntryChannel.class, FrenchCodes::canalEntree, parcours.canalEntree(),
                        ROOT + "/parcours/canalEntree"));
    }

    private static List<RequestedService> services(ServicesDemandes servicesDemandes) {
        if (servicesDemandes == null) {
            return List.of();
        }
        List<RequestedService> services = new ArrayList<>();
        for (int i = 0; i < servicesDemandes.serviceDemande().size(); i++) {
            ServiceDemande demande = servicesDemandes.serviceDemande().get(i);
            String at = ROOT + "/servicesDemandes/" + repeated("serviceDemande", i);
            Party target = new Party(code(SectorId.class, FrenchCodes::secteur, demande.secteur(), at + "/secteur"),
                    demande.organisme(), demande.service(), demande.province());
            services.add(new RequestedService(demande.code(), target, demande.motif(), demande.dateEcheance()));
        }
        return services;
    }

    private static Consent consent(Consentement consentement) {
        if (consentement == null) {
            return null;
        }
        List<SectorId> sectors = new ArrayList<>();
        if (consentement.secteurs() != null) {
            List<String> secteurs = consentement.secteurs().secteur();
            for (int i = 0; i < secteurs.size(); i++) {
                sectors.add(code(SectorId.class, FrenchCodes::secteur, secteurs.get(i),
                        ROOT + "/consentement/secteurs/" + repeated("secteur", i)));
            }
        }
        return new Consent(FrenchCodes.givenBy(consentement.donnePar()), consentement.date(), sectors,
                consentement.dateRetrait());
    }

    private static List<Attachment> attachments(PiecesJointes piecesJointes) {
        if (piecesJointes == null) {
            return List.of();
        }
        List<Attachment> attachments = new ArrayList<>();
        for (int i = 0; i < piecesJointes.pieceJointe().size(); i++) {
            PieceJointe piece = piecesJointes.pieceJointe().get(i);
            String at = ROOT + "/piecesJointes/" + repeated("pieceJointe", i);
            attachments.add(new Attachment(
                    code(AttachmentType.class, FrenchCodes::typePieceJointe, piece.type(), at + "/type"),
                    piece.titre(), piece.typeMedia(), piece.taille(), piece.empreinteSha256()));
        }
        return attachments;
    }

    private static Status status(Statut statut) {
        return new Status(code(TaskStatus.class, JusticeCodes::statut, statut.code(), ROOT + "/statut/code"),
                statut.statutMetier(), statut.resultat());
    }

    /** An optional code: absent stays absent. */
    private static <E extends Enum<E>> E code(Class<E> type, Function<E, String> table, String french, String field) {
        return french == null ? null : FrenchCodes.parse(type, table, french, field);
    }

    /** The element name with its position, as the XSD check writes it: none for the first. */
    private static String repeated(String element, int index) {
        return index == 0 ? element : element + "[" + (index + 1) + "]";
    }
}
