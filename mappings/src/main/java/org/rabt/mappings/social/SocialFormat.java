package org.rabt.mappings.social;

import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.rabt.mappings.Minimisation;
import org.rabt.mappings.SectorFormat;
import org.rabt.mappings.StatusReport;
import org.rabt.mappings.cpm.Attachment;
import org.rabt.mappings.cpm.AttachmentType;
import org.rabt.mappings.cpm.ChildProtected;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.ChildShared;
import org.rabt.mappings.cpm.Header;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.cpm.Status;
import org.rabt.mappings.french.CarteFrancaise.Adresse;
import org.rabt.mappings.french.CarteFrancaise.RepresentantLegal;
import org.rabt.mappings.french.CarteFrancaise.StatutCarte;
import org.rabt.mappings.french.FrenchCards;
import org.rabt.mappings.french.FrenchCodes;
import org.rabt.mappings.json.SectorJson;
import org.rabt.mappings.social.FicheLiaison.Enfant;
import org.rabt.mappings.social.FicheLiaison.Identite;
import org.rabt.mappings.social.FicheLiaison.PieceJointe;

/**
 * The social services' JSON format, both ways: the linkage cards (fiches de liaison sociale) that
 * the Entraide Nationale's delegations, the social protection establishments and social workers
 * send ({@code social/fiche-liaison-v1.schema.json}), the cards the hub sends them in the same
 * shape, and their status reports ({@code social/statut-v1.schema.json}).
 *
 * <p>Social services accompany the child and the family, so they receive the child's names,
 * birth date, civil-status number, address, phone and guardians, the nature of every concern, and
 * the social and school reports; not the national identity card, the Massar school code nor the
 * court file number, for which the format has no member ({@code docs/minimisation.md}). The
 * service's own measure for the child ({@code priseEnCharge}) does not enter the CPM. What the
 * card shares with labour inspection's card is mapped by {@link FrenchCards}.
 * Thread-safe: build one and share it.
 */
public final class SocialFormat implements SectorFormat {

    public static final String MEDIA_TYPE = "application/json";
    static final String SCHEMA = "/social/fiche-liaison-v1.schema.json";
    static final String STATUS_SCHEMA = "/social/statut-v1.schema.json";

    private final SectorJson cards = new SectorJson(SCHEMA);
    private final SectorJson statuses = new SectorJson(STATUS_SCHEMA);

    @Override
    public SectorId sector() {
        return SectorId.SOCIAL;
    }

    @Override
    public String mediaType() {
        return MEDIA_TYPE;
    }

    // ---------------------------------------------------------------- social services -> CPM

    /**
     * A card social services send, as a CPM. Beyond the schema, the sender must be social
     * services, the child must be named (the hub links cards about one child by name and birth
     * date), an age band or birth year given with the birth date must agree with it, and a card
     * resting on consent must carry a consent that covers its receiver and has not been withdrawn.
     */
    @Override
    public ChildProtectionMessage toCpm(byte[] body) {
        Objects.requireNonNull(body, "body");
        FicheLiaison fiche = cards.read(body, FicheLiaison.class);
        Header header = FrenchCards.header(fiche, SectorId.SOCIAL, "social services send their own cards");
        return new ChildProtectionMessage(
                header,
                FrenchCards.child(fiche.enfant(), fiche.dateEnvoi()),
                identity(fiche.enfant().identite()),
                FrenchCards.concerns(fiche.motifs()),
                FrenchCards.pathway(fiche.parcours()),
                FrenchCards.services(fiche.servicesDemandes()),
                FrenchCards.consent(fiche.consentement(), header),
                attachments(fiche.piecesJointes()),
                // A new card asks for something; where the receiver stands comes later, by status report.
                Status.requested());
    }

    /** The names, birth date, guardians, address, phone and civil-status number: what social services send. */
    private static ChildProtected identity(Identite identite) {
        FrenchCards.requireNamed(identite);
        return new ChildProtected(
                identite.nomLatin(),
                identite.prenomLatin(),
                identite.nomArabe(),
                identite.prenomArabe(),
                identite.dateNaissance(),
                FrenchCards.guardians(identite),
                FrenchCards.address(identite),
                identite.telephone(),
                null,
                identite.numeroEtatCivil(),
                null,
                null);
    }

    private static List<Attachment> attachments(List<PieceJointe> pieces) {
        if (pieces == null) {
            return List.of();
        }
        return IntStream.range(0, pieces.size()).mapToObj(i -> {
            PieceJointe piece = pieces.get(i);
            return new Attachment(
                    FrenchCodes.parse(AttachmentType.class, FrenchCodes::typePieceJointe, piece.type(),
                            "/piecesJointes/" + i + "/type"),
                    piece.titre(), piece.typeMedia(), piece.taille(), piece.sha256());
        }).toList();
    }

    // ---------------------------------------------------------------- CPM -> social services

    /**
     * The card as social services receive it: minimised first, then written from the minimised
     * card only, and checked against the schema before it leaves.
     *
     * @throws IllegalArgumentException when the card is not addressed to social services (a
     *                                  dispatch defect: another sector's card must not be written here)
     */
    @Override
    public byte[] fromCpm(ChildProtectionMessage cpm) {
        Objects.requireNonNull(cpm, "cpm");
        ChildProtectionMessage card = Minimisation.forReceiver(SectorId.SOCIAL, cpm);
        SectorId receiver = card.header().receiver().sector();
        if (receiver != SectorId.SOCIAL) {
            throw new IllegalArgumentException("a card addressed to " + receiver + " is not written for social");
        }
        return cards.write(fiche(card));
    }

    private static FicheLiaison fiche(ChildProtectionMessage card) {
        Header header = card.header();
        return new FicheLiaison(
                FicheLiaison.VERSION,
                header.messageId(),
                FrenchCards.code(header.cardType(), FrenchCodes::typeCarte),
                header.caseReference(),
                header.correlationId(),
                header.sentAt(),
                header.dueBy(),
                FrenchCards.code(header.priority(), FrenchCodes::priorite),
                FrenchCards.partie(header.sender()),
                FrenchCards.partie(header.receiver()),
                FrenchCards.code(header.purposeOfUse(), FrenchCodes::finalite),
                FrenchCards.code(header.legalBasis(), FrenchCodes::baseLegale),
                FrenchCards.code(header.confidentiality(), FrenchCodes::confidentialite),
                enfant(card.child(), card.childProtected()),
                // The social service's own record: there is nothing of it in a CPM.
                null,
                FrenchCards.writeAll(card.concerns(), FrenchCards::motif),
                FrenchCards.parcours(card.pathway()),
                FrenchCards.writeAll(card.requestedServices(), FrenchCards::serviceDemande),
                FrenchCards.consentement(card.consent()),
                FrenchCards.writeAll(card.attachments(), attachment -> new PieceJointe(
                        FrenchCards.code(attachment.type(), FrenchCodes::typePieceJointe), attachment.title(),
                        attachment.mediaType(), attachment.size(), attachment.sha256())));
    }

    private static Enfant enfant(ChildShared child, ChildProtected identity) {
        return new Enfant(
                child.pseudonym(),
                FrenchCards.code(child.sex(), FrenchCodes::sexe),
                FrenchCards.code(child.ageBand(), FrenchCodes::trancheAge),
                child.birthYear(),
                child.province(),
                child.disability(),
                identite(identity));
    }

    /** Only the members social services may receive; {@code null} when none of them is known. */
    private static Identite identite(ChildProtected identity) {
        if (identity == null) {
            return null;
        }
        Adresse adresse = FrenchCards.adresse(identity.address());
        List<RepresentantLegal> guardians = FrenchCards.representantsLegaux(identity.guardians());
        if (adresse == null && guardians == null && identity.birthDate() == null && FrenchCards.allBlank(
                identity.familyNameLatin(), identity.givenNameLatin(), identity.familyNameArabic(),
                identity.givenNameArabic(), identity.civilStatusNumber(), identity.phone())) {
            return null;
        }
        return new Identite(identity.familyNameLatin(), identity.givenNameLatin(), identity.familyNameArabic(),
                identity.givenNameArabic(), identity.birthDate(), identity.civilStatusNumber(), adresse,
                identity.phone(), guardians);
    }

    // ---------------------------------------------------------------- status reports

    /**
     * A status report in the social workers' words. A refusal, a failure or a closing without
     * action must say why ({@code observations}): the originator has to decide what to do next.
     */
    @Override
    public StatusReport readStatus(byte[] body) {
        Objects.requireNonNull(body, "body");
        StatutCarte statut = statuses.read(body, StatutCarte.class);
        StatutSocial word = StatutSocial.of(statut.statut());
        return FrenchCards.statusReport(statut, word.code(), word.taskStatus());
    }
}
