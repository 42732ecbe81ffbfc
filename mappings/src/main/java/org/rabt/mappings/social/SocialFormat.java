package org.rabt.mappings.social;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.rabt.mappings.MappingError;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.Minimisation;
import org.rabt.mappings.SectorFormat;
import org.rabt.mappings.StatusReport;
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
import org.rabt.mappings.json.SectorJson;
import org.rabt.mappings.social.FicheLiaison.Adresse;
import org.rabt.mappings.social.FicheLiaison.Consentement;
import org.rabt.mappings.social.FicheLiaison.Enfant;
import org.rabt.mappings.social.FicheLiaison.Identite;
import org.rabt.mappings.social.FicheLiaison.Motif;
import org.rabt.mappings.social.FicheLiaison.Parcours;
import org.rabt.mappings.social.FicheLiaison.Partie;
import org.rabt.mappings.social.FicheLiaison.PieceJointe;
import org.rabt.mappings.social.FicheLiaison.RepresentantLegal;
import org.rabt.mappings.social.FicheLiaison.ServiceDemande;

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
 * service's own measure for the child ({@code priseEnCharge}) does not enter the CPM.
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
     * date), an age band or birth year given with the birth date must
     * agree with it, and a card resting on consent must carry a consent that covers its receiver
     * and has not been withdrawn.
     */
    @Override
    public ChildProtectionMessage toCpm(byte[] body) {
        Objects.requireNonNull(body, "body");
        FicheLiaison fiche = cards.read(body, FicheLiaison.class);
        Header header = header(fiche);
        return new ChildProtectionMessage(
                header,
                child(fiche.enfant(), fiche.dateEnvoi()),
                identity(fiche.enfant().identite()),
                concerns(fiche.motifs()),
                new Pathway(PathwayStage.of(fiche.parcours().etape()),
                        parseOrNull(EntryChannel.class, FrenchCodes::canalEntree, fiche.parcours().canalEntree(),
                                "/parcours/canalEntree")),
                services(fiche.servicesDemandes()),
                consent(fiche.consentement(), header),
                attachments(fiche.piecesJointes()),
                // A new card asks for something; where the receiver stands comes later, by status report.
                Status.requested());
    }

    private static Header header(FicheLiaison fiche) {
        Party sender = party(fiche.emetteur(), "/emetteur");
        if (sender.sector() != SectorId.SOCIAL) {
            throw MappingException.invalid("/emetteur/secteur", "'" + fiche.emetteur().secteur()
                    + "': social services send their own cards, the sender must be 'social'");
        }
        return new Header(
                fiche.identifiantCarte(),
                parse(CardType.class, FrenchCodes::typeCarte, fiche.typeCarte(), "/typeCarte"),
                ChildProtectionMessage.SCHEMA_VERSION,
                fiche.referenceDossier(),
                fiche.carteLiee(),
                fiche.dateEnvoi(),
                fiche.dateEcheance(),
                parse(Priority.class, FrenchCodes::priorite, fiche.priorite(), "/priorite"),
                sender,
                party(fiche.destinataire(), "/destinataire"),
                parse(PurposeOfUse.class, FrenchCodes::finalite, fiche.finalite(), "/finalite"),
                parse(LegalBasis.class, FrenchCodes::baseLegale, fiche.baseLegale(), "/baseLegale"),
                parse(Confidentiality.class, FrenchCodes::confidentialite, fiche.confidentialite(),
                        "/confidentialite"));
    }

    private static Party party(Partie partie, String field) {
        return new Party(parse(SectorId.class, FrenchCodes::secteur, partie.secteur(), field + "/secteur"),
                partie.organisme(), partie.service(), partie.province());
    }

    /**
     * The shared part. A child without civil registration has no known birth date, so the social
     * worker may give an estimated age band instead of a birth date; given both, they must agree on the day the card
     * was sent (UTC), as the hub computes the band from the date.
     */
    private static ChildShared child(Enfant enfant, Instant sentAt) {
        LocalDate birthDate = enfant.identite() == null ? null : enfant.identite().dateNaissance();
        LocalDate sentOn = LocalDate.ofInstant(sentAt, ZoneOffset.UTC);
        if (birthDate != null && birthDate.isAfter(sentOn)) {
            throw MappingException.invalid("/enfant/identite/dateNaissance",
                    birthDate + " is after the card was sent (" + sentOn + ")");
        }
        AgeBand declared = parseOrNull(AgeBand.class, FrenchCodes::trancheAge, enfant.trancheAge(),
                "/enfant/trancheAge");
        AgeBand band = birthDate == null ? declared : AgeBand.of(birthDate, sentOn);
        if (declared != null && declared != band) {
            throw MappingException.invalid("/enfant/trancheAge", "'" + enfant.trancheAge()
                    + "' contradicts the birth date " + birthDate + " (" + FrenchCodes.trancheAge(band)
                    + " on " + sentOn + ")");
        }
        Integer birthYear = enfant.anneeNaissance();
        if (birthDate != null && birthYear != null && birthYear != birthDate.getYear()) {
            throw MappingException.invalid("/enfant/anneeNaissance",
                    birthYear + " contradicts the birth date " + birthDate);
        }
        return new ChildShared(
                null,
                parse(Sex.class, FrenchCodes::sexe, enfant.sexe(), "/enfant/sexe"),
                band == null ? AgeBand.UNKNOWN : band,
                birthDate == null ? birthYear : Integer.valueOf(birthDate.getYear()),
                enfant.province(),
                enfant.handicap());
    }

    private static ChildProtected identity(Identite identite) {
        if (identite == null || identite.nomLatin() == null && identite.prenomLatin() == null
                && identite.nomArabe() == null && identite.prenomArabe() == null) {
            throw new MappingException(MappingError.MISSING_ELEMENT, "/enfant/identite",
                    "/enfant/identite must name the child (nomLatin, prenomLatin, nomArabe or prenomArabe): "
                            + "the hub links the cards about one child by name and birth date");
        }
        Adresse adresse = identite.adresse();
        return new ChildProtected(
                identite.nomLatin(),
                identite.prenomLatin(),
                identite.nomArabe(),
                identite.prenomArabe(),
                identite.dateNaissance(),
                readAll(identite.representantsLegaux(), r -> new Guardian(r.lien(), r.nom(), r.telephone())),
                adresse == null ? null : new Address(adresse.ligne(), adresse.ville(), adresse.province()),
                identite.telephone(),
                null,
                identite.numeroEtatCivil(),
                null,
                null);
    }

    private static List<Concern> concerns(List<Motif> motifs) {
        if (motifs == null) {
            return List.of();
        }
        return IntStream.range(0, motifs.size()).mapToObj(i -> {
            Motif motif = motifs.get(i);
            String at = "/motifs/" + i;
            return new Concern(
                    parse(ConcernCode.class, FrenchCodes::motif, motif.code(), at + "/code"),
                    parse(Certainty.class, FrenchCodes::certitude, motif.certitude(), at + "/certitude"),
                    parseOrNull(Setting.class, FrenchCodes::cadre, motif.cadre(), at + "/cadre"),
                    parseOrNull(RiskLevel.class, FrenchCodes::niveauRisque, motif.niveauRisque(), at + "/niveauRisque"),
                    motif.urgence());
        }).toList();
    }

    private static List<RequestedService> services(List<ServiceDemande> services) {
        if (services == null) {
            return List.of();
        }
        return IntStream.range(0, services.size()).mapToObj(i -> {
            ServiceDemande service = services.get(i);
            return new RequestedService(service.code(), party(service.cible(), "/servicesDemandes/" + i + "/cible"),
                    service.motif(), service.dateEcheance());
        }).toList();
    }

    private static List<Attachment> attachments(List<PieceJointe> pieces) {
        if (pieces == null) {
            return List.of();
        }
        return IntStream.range(0, pieces.size()).mapToObj(i -> {
            PieceJointe piece = pieces.get(i);
            return new Attachment(
                    parse(AttachmentType.class, FrenchCodes::typePieceJointe, piece.type(), "/piecesJointes/" + i + "/type"),
                    piece.titre(), piece.typeMedia(), piece.taille(), piece.sha256());
        }).toList();
    }

    /**
     * Law 09-08: a card shared on the strength of consent must carry that consent, and the consent
     * must still hold and cover the receiver. (Other legal bases may carry a consent too.)
     */
    private static Consent consent(Consentement consentement, Header header) {
        if (consentement == null) {
            if (header.legalBasis() == LegalBasis.CONSENT) {
                throw MappingException.missing("/consentement");
            }
            return null;
        }
        List<SectorId> sectors = readAll(consentement.secteurs(),
                secteur -> parse(SectorId.class, FrenchCodes::secteur, secteur, "/consentement/secteurs"));
        if (header.legalBasis() == LegalBasis.CONSENT) {
            if (consentement.dateRetrait() != null) {
                throw MappingException.invalid("/consentement/dateRetrait",
                        "the consent was withdrawn; the card cannot rest on it (baseLegale 'consentement')");
            }
            if (!sectors.isEmpty() && !sectors.contains(header.receiver().sector())) {
                throw MappingException.invalid("/consentement/secteurs", "the consent does not cover the receiver '"
                        + FrenchCodes.secteur(header.receiver().sector()) + "'");
            }
        }
        return new Consent(FrenchCodes.givenBy(consentement.donnePar()), consentement.date(), sectors,
                consentement.dateRetrait());
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
                code(header.cardType(), FrenchCodes::typeCarte),
                header.caseReference(),
                header.correlationId(),
                header.sentAt(),
                header.dueBy(),
                code(header.priority(), FrenchCodes::priorite),
                partie(header.sender()),
                partie(header.receiver()),
                code(header.purposeOfUse(), FrenchCodes::finalite),
                code(header.legalBasis(), FrenchCodes::baseLegale),
                code(header.confidentiality(), FrenchCodes::confidentialite),
                enfant(card.child(), card.childProtected()),
                // The social service's own record: there is nothing of it in a CPM.
                null,
                writeAll(card.concerns(), SocialFormat::motif),
                parcours(card.pathway()),
                writeAll(card.requestedServices(), service -> new ServiceDemande(service.serviceCode(),
                        partie(service.target()), service.reason(), service.dueDate())),
                consentement(card.consent()),
                writeAll(card.attachments(), attachment -> new PieceJointe(
                        code(attachment.type(), FrenchCodes::typePieceJointe), attachment.title(),
                        attachment.mediaType(), attachment.size(), attachment.sha256())));
    }

    private static Partie partie(Party party) {
        return party == null ? null
                : new Partie(code(party.sector(), FrenchCodes::secteur), party.organisation(), party.service(),
                        party.provinceCode());
    }

    private static Enfant enfant(ChildShared child, ChildProtected identity) {
        return new Enfant(
                child.pseudonym(),
                code(child.sex(), FrenchCodes::sexe),
                code(child.ageBand(), FrenchCodes::trancheAge),
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
        Address address = identity.address();
        Adresse adresse = address == null || allBlank(address.line(), address.city(), address.province()) ? null
                : new Adresse(address.line(), address.city(), address.province());
        List<RepresentantLegal> guardians = writeAll(identity.guardians(),
                guardian -> new RepresentantLegal(guardian.relationship(), guardian.name(), guardian.phone()));
        if (adresse == null && guardians == null && identity.birthDate() == null && allBlank(identity.familyNameLatin(),
                identity.givenNameLatin(), identity.familyNameArabic(), identity.givenNameArabic(),
                identity.civilStatusNumber(), identity.phone())) {
            return null;
        }
        return new Identite(identity.familyNameLatin(), identity.givenNameLatin(), identity.familyNameArabic(),
                identity.givenNameArabic(), identity.birthDate(), identity.civilStatusNumber(), adresse,
                identity.phone(), guardians);
    }

    private static Motif motif(Concern concern) {
        return new Motif(
                code(concern.code(), FrenchCodes::motif),
                code(concern.certainty(), FrenchCodes::certitude),
                code(concern.setting(), FrenchCodes::cadre),
                code(concern.riskLevel(), FrenchCodes::niveauRisque),
                concern.emergency());
    }

    private static Parcours parcours(Pathway pathway) {
        return pathway == null ? null
                : new Parcours(code(pathway.stage(), PathwayStage::number),
                        code(pathway.entryChannel(), FrenchCodes::canalEntree));
    }

    private static Consentement consentement(Consent consent) {
        return consent == null ? null
                : new Consentement(FrenchCodes.donnePar(consent.givenBy()), consent.givenAt(),
                        writeAll(consent.sectors(), FrenchCodes::secteur), consent.revokedAt());
    }

    // ---------------------------------------------------------------- status reports

    /**
     * A status report in the social workers' words. A refusal, a failure or a closing without action
     * must say why ({@code observations}): the originator has to decide what to do next.
     */
    @Override
    public StatusReport readStatus(byte[] body) {
        Objects.requireNonNull(body, "body");
        StatutCarte statut = statuses.read(body, StatutCarte.class);
        StatutSocial word = StatutSocial.of(statut.statut());
        TaskStatus status = word.taskStatus();
        if (statut.observations() == null && mustGiveReason(status)) {
            throw new MappingException(MappingError.MISSING_ELEMENT, "/observations",
                    "/observations is required with the status '" + word.code() + "': say why");
        }
        return new StatusReport(statut.identifiantCarte(), status, word.code(), statut.observations());
    }

    private static boolean mustGiveReason(TaskStatus status) {
        return switch (status) {
            case REJECTED, FAILED, CANCELLED -> true;
            case REQUESTED, RECEIVED, ACCEPTED, IN_PROGRESS, ON_HOLD, COMPLETED -> false;
        };
    }

    // ---------------------------------------------------------------- helpers

    private static <E extends Enum<E>> E parse(Class<E> type, Function<E, String> table, String code, String field) {
        return FrenchCodes.parse(type, table, code, field);
    }

    private static <E extends Enum<E>> E parseOrNull(Class<E> type, Function<E, String> table, String code,
            String field) {
        return code == null ? null : FrenchCodes.parse(type, table, code, field);
    }

    /** A code through its table; an absent value stays absent (the schema then says if it was required). */
    private static <E, R> R code(E value, Function<E, R> table) {
        return value == null ? null : table.apply(value);
    }

    /** An inbound list mapped; an absent list is an empty one. */
    private static <T, R> List<R> readAll(List<T> items, Function<T, R> mapping) {
        return items == null ? List.of() : items.stream().map(mapping).toList();
    }

    /** An outbound list mapped, or {@code null} for none: an empty list is left out, not written as {@code []}. */
    private static <T, R> List<R> writeAll(List<T> items, Function<T, R> mapping) {
        return items == null || items.isEmpty() ? null : items.stream().map(mapping).toList();
    }

    private static boolean allBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
