package org.rabt.mappings.forces;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.rabt.mappings.MappingError;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.Minimisation;
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
import org.rabt.mappings.forces.SignalementForces.Adresse;
import org.rabt.mappings.forces.SignalementForces.Consentement;
import org.rabt.mappings.forces.SignalementForces.Enfant;
import org.rabt.mappings.forces.SignalementForces.Identite;
import org.rabt.mappings.forces.SignalementForces.Motif;
import org.rabt.mappings.forces.SignalementForces.Parcours;
import org.rabt.mappings.forces.SignalementForces.Partie;
import org.rabt.mappings.forces.SignalementForces.PieceJointe;
import org.rabt.mappings.forces.SignalementForces.RepresentantLegal;
import org.rabt.mappings.forces.SignalementForces.ServiceDemande;
import org.rabt.mappings.french.FrenchCodes;
import org.rabt.mappings.json.SectorJson;
import tools.jackson.databind.JsonNode;

/**
 * The forces' card and status report, both ways, for one force: the police and the gendarmerie
 * exchange the same document and differ only in the sector the document must name and in the
 * numbering of their procès-verbaux, which each force's schema describes. Thread-safe; build one
 * per force. Fields in errors are JSON pointers into the forces' document ({@code /emetteur/secteur}).
 */
public final class ForcesCards {

    /** Both forces exchange JSON. */
    public static final String MEDIA_TYPE = "application/json";

    /**
     * How a procès-verbal's number travels in the CPM, which has no member for it: in the
     * attachment's title, {@code PV n° <number>}, then {@code " — "} and the unit's title if it gave one.
     */
    static final String PV_PREFIX = "PV n° ";
    static final String PV_TITLE_SEPARATOR = " — ";
    /** The CPM's limit on an attachment's title. */
    private static final int MAX_TITLE = 200;
    private static final String PV_NUMBER_POINTER = "/$defs/pieceJointe/properties/numeroProcesVerbal/pattern";

    private final SectorId sector;
    private final SectorJson cards;
    private final SectorJson statuses;
    private final Pattern procesVerbalNumber;

    /**
     * @param sector       {@link SectorId#POLICE} or {@link SectorId#GENDARMERIE}
     * @param cardSchema   class-path location of the force's card schema
     * @param statusSchema class-path location of the force's status-report schema
     */
    public ForcesCards(SectorId sector, String cardSchema, String statusSchema) {
        if (sector != SectorId.POLICE && sector != SectorId.GENDARMERIE) {
            throw new IllegalArgumentException("not a force of law and order: " + sector);
        }
        this.sector = sector;
        this.cards = new SectorJson(cardSchema);
        this.statuses = new SectorJson(statusSchema);
        this.procesVerbalNumber = procesVerbalNumber(cardSchema);
    }

    /** The numbering of this force's procès-verbaux, taken from its schema so the two cannot disagree. */
    private static Pattern procesVerbalNumber(String cardSchema) {
        try (InputStream in = ForcesCards.class.getResourceAsStream(cardSchema)) {
            if (in == null) {
                throw new IllegalStateException("card schema missing from the class path: " + cardSchema);
            }
            JsonNode pattern = SectorJson.tree(in.readAllBytes()).at(PV_NUMBER_POINTER);
            if (!pattern.isString()) {
                throw new IllegalStateException(cardSchema + " has no pattern at " + PV_NUMBER_POINTER);
            }
            return Pattern.compile(pattern.asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- inbound

    /** The force's card as a CPM; see {@link org.rabt.mappings.SectorFormat#toCpm}. */
    public ChildProtectionMessage toCpm(byte[] body) {
        // The sender first: a card of the other force posted on this force's path would otherwise
        // fail this force's schema (on a procès-verbal number, say) with a less helpful message.
        // An unknown sector code is left to the schema.
        JsonNode named = SectorJson.tree(body).at("/emetteur/secteur");
        if (named.isString() && Arrays.stream(SectorId.values()).map(FrenchCodes::secteur)
                .anyMatch(named.asString()::equals)) {
            requireOwnSector(named.asString(), "/emetteur/secteur");
        }
        SignalementForces card = cards.read(body, SignalementForces.class);
        Header header = header(card);
        LocalDate sentOn = LocalDate.ofInstant(card.dateEnvoi(), ZoneOffset.UTC);
        return new ChildProtectionMessage(
                header,
                child(card.enfant(), sentOn),
                identity(card.enfant().identite()),
                concerns(card.motifs()),
                pathway(card.parcours()),
                services(card.servicesDemandes()),
                consent(card.consentement(), header.legalBasis()),
                attachments(card.piecesJointes()),
                // A card is a request; what becomes of it is reported through the status API.
                Status.requested());
    }

    /**
     * The transport (client certificate, signature) proves which force sent the card; a document
     * that names another sector was posted on the wrong path or by the wrong system.
     */
    private void requireOwnSector(String secteur, String field) {
        SectorId named = FrenchCodes.parseOrNull(SectorId.class, FrenchCodes::secteur, secteur, field);
        if (named != sector) {
            throw MappingException.invalid(field, "'" + secteur + "' was posted as a card of the "
                    + FrenchCodes.secteur(sector) + "; the document must name the sector it is sent by ('"
                    + FrenchCodes.secteur(sector) + "')");
        }
    }

    private Header header(SignalementForces card) {
        return new Header(
                card.identifiantCarte(),
                FrenchCodes.parseOrNull(CardType.class, FrenchCodes::typeCarte, card.typeCarte(), "/typeCarte"),
                ChildProtectionMessage.SCHEMA_VERSION,
                card.referenceDossier(),
                card.carteLiee(),
                card.dateEnvoi(),
                card.dateEcheance(),
                FrenchCodes.parseOrNull(Priority.class, FrenchCodes::priorite, card.priorite(), "/priorite"),
                party(card.emetteur(), "/emetteur"),
                party(card.destinataire(), "/destinataire"),
                FrenchCodes.parseOrNull(PurposeOfUse.class, FrenchCodes::finalite, card.finalite(), "/finalite"),
                FrenchCodes.parseOrNull(LegalBasis.class, FrenchCodes::baseLegale, card.baseLegale(), "/baseLegale"),
                FrenchCodes.parseOrNull(Confidentiality.class, FrenchCodes::confidentialite, card.confidentialite(),
                        "/confidentialite"));
    }

    private static Party party(Partie partie, String field) {
        return new Party(
                FrenchCodes.parseOrNull(SectorId.class, FrenchCodes::secteur, partie.secteur(), field + "/secteur"),
                partie.organisme(), partie.service(), partie.province());
    }

    private static ChildShared child(Enfant enfant, LocalDate sentOn) {
        Integer birthYear = enfant.anneeNaissance();
        if (birthYear != null && birthYear > sentOn.getYear()) {
            throw MappingException.invalid("/enfant/anneeNaissance",
                    birthYear + " is after the card was sent (" + sentOn + ")");
        }
        AgeBand band = FrenchCodes.parseOrNull(AgeBand.class, FrenchCodes::trancheAge, enfant.trancheAge(),
                "/enfant/trancheAge");
        LocalDate birthDate = enfant.identite() == null ? null : enfant.identite().dateNaissance();
        if (birthDate != null) {
            requireConsistentAge(birthDate, birthYear, band, sentOn);
        }
        // The pseudonym is the hub's to assign; one echoed back by the unit is not taken on trust.
        return new ChildShared(null,
                FrenchCodes.parseOrNull(Sex.class, FrenchCodes::sexe, enfant.sexe(), "/enfant/sexe"),
                band, birthYear, enfant.province(), enfant.handicap());
    }

    /**
     * The apparent age an officer writes down may be all there is; when the birth date is known,
     * the year and the band must agree with it, or the centre's statistics would count the child
     * in two age groups.
     */
    private static void requireConsistentAge(LocalDate birthDate, Integer birthYear, AgeBand band, LocalDate sentOn) {
        if (birthDate.isAfter(sentOn)) {
            throw MappingException.invalid("/enfant/identite/dateNaissance",
                    birthDate + " is after the card was sent (" + sentOn + ")");
        }
        if (birthYear != null && birthYear != birthDate.getYear()) {
            throw MappingException.invalid("/enfant/anneeNaissance",
                    birthYear + " does not agree with the birth date " + birthDate);
        }
        AgeBand actual = AgeBand.of(birthDate, sentOn);
        if (band != AgeBand.UNKNOWN && band != actual) {
            throw MappingException.invalid("/enfant/trancheAge", "'" + FrenchCodes.trancheAge(band)
                    + "' does not agree with the birth date " + birthDate + " (age band '"
                    + FrenchCodes.trancheAge(actual) + "' on " + sentOn + ")");
        }
    }

    /**
     * The child's identity. The hub links cards about one child by a national identity number, a
     * civil-status number or a full name, so a card without any of them cannot reach the child's
     * file: refused here, in the forces' own terms.
     */
    private static ChildProtected identity(Identite identite) {
        if (identite == null || !identifies(identite)) {
            throw new MappingException(MappingError.MISSING_ELEMENT, "/enfant/identite",
                    "/enfant/identite must identify the child by numeroCNIE, numeroEtatCivil, or nomLatin and"
                            + " prenomLatin (or nomArabe and prenomArabe); for a child without papers, write the"
                            + " name the child gives");
        }
        Adresse adresse = identite.adresse();
        return new ChildProtected(
                identite.nomLatin(),
                identite.prenomLatin(),
                identite.nomArabe(),
                identite.prenomArabe(),
                identite.dateNaissance(),
                guardians(identite.representantsLegaux()),
                adresse == null ? null : new Address(adresse.ligne(), adresse.ville(), adresse.province()),
                identite.telephone(),
                identite.numeroCNIE(),
                identite.numeroEtatCivil(),
                null,
                identite.numeroDossierJudiciaire());
    }

    private static boolean identifies(Identite identite) {
        return identite.numeroCNIE() != null
                || identite.numeroEtatCivil() != null
                || identite.nomLatin() != null && identite.prenomLatin() != null
                || identite.nomArabe() != null && identite.prenomArabe() != null;
    }

    private static List<Guardian> guardians(List<RepresentantLegal> representants) {
        return representants == null ? List.of() : representants.stream()
                .map(representant -> new Guardian(representant.lien(), representant.nom(), representant.telephone()))
                .toList();
    }

    private static List<Concern> concerns(List<Motif> motifs) {
        if (motifs == null) {
            return List.of();
        }
        return indexed(motifs, (motif, field) -> new Concern(
                FrenchCodes.parseOrNull(ConcernCode.class, FrenchCodes::motif, motif.code(), field + "/code"),
                FrenchCodes.parseOrNull(Certainty.class, FrenchCodes::certitude, motif.certitude(), field + "/certitude"),
                FrenchCodes.parseOrNull(Setting.class, FrenchCodes::cadre, motif.cadre(), field + "/cadre"),
                FrenchCodes.parseOrNull(RiskLevel.class, FrenchCodes::niveauRisque, motif.niveauRisque(),
                        field + "/niveauRisque"),
                motif.urgence()), "/motifs");
    }

    private static Pathway pathway(Parcours parcours) {
        return new Pathway(PathwayStage.of(parcours.etape()),
                FrenchCodes.parseOrNull(EntryChannel.class, FrenchCodes::canalEntree, parcours.canalEntree(),
                        "/parcours/canalEntree"));
    }

    private static List<RequestedService> services(List<ServiceDemande> services) {
        if (services == null) {
            return List.of();
        }
        return indexed(services, (service, field) -> new RequestedService(service.code(),
                party(service.cible(), field + "/cible"), service.motif(), service.dateEcheance()),
                "/servicesDemandes");
    }

    private static Consent consent(Consentement consentement, LegalBasis legalBasis) {
        if (consentement == null) {
            if (legalBasis == LegalBasis.CONSENT) {
                throw new MappingException(MappingError.MISSING_ELEMENT, "/consentement",
                        "/consentement is required when baseLegale is 'consentement': say who consented and when");
            }
            return null;
        }
        List<SectorId> sectors = consentement.secteurs() == null ? List.of()
                : indexed(consentement.secteurs(), (secteur, field) -> FrenchCodes.parseOrNull(SectorId.class,
                        FrenchCodes::secteur, secteur, field), "/consentement/secteurs");
        return new Consent(FrenchCodes.givenBy(consentement.donnePar()), consentement.date(), sectors,
                consentement.dateRetrait());
    }

    private static List<Attachment> attachments(List<PieceJointe> pieces) {
        if (pieces == null) {
            return List.of();
        }
        return indexed(pieces, (piece, field) -> new Attachment(
                FrenchCodes.parseOrNull(AttachmentType.class, ForcesCodes::typePieceJointe, piece.type(),
                        field + "/type"),
                title(piece, field), piece.typeMedia(), piece.taille(), piece.empreinteSha256()), "/piecesJointes");
    }

    /** The CPM title of a piece: its number first for a procès-verbal that has one (see {@link #PV_PREFIX}). */
    private static String title(PieceJointe piece, String field) {
        if (piece.numeroProcesVerbal() == null) {
            return piece.titre();
        }
        String numbered = PV_PREFIX + piece.numeroProcesVerbal();
        String title = piece.titre() == null ? numbered : numbered + PV_TITLE_SEPARATOR + piece.titre();
        if (title.length() > MAX_TITLE) {
            throw MappingException.invalid(field + "/titre", "with the procès-verbal number before it the title"
                    + " would be " + title.length() + " characters long; shorten it to at most "
                    + (MAX_TITLE - numbered.length() - PV_TITLE_SEPARATOR.length()) + " characters");
        }
        return title;
    }

    /** Maps each element with its JSON pointer, so that an error names the element it is about. */
    private static <T, R> List<R> indexed(List<T> elements, IndexedMapping<T, R> mapping, String field) {
        return IntStream.range(0, elements.size())
                .mapToObj(i -> mapping.map(elements.get(i), field + "/" + i))
                .toList();
    }

    @FunctionalInterface
    private interface IndexedMapping<T, R> {
        R map(T element, String field);
    }

    // ---------------------------------------------------------------- outbound

    /**
     * A card addressed to this force, minimised for it, in its format; see
     * {@link org.rabt.mappings.SectorFormat#fromCpm}.
     *
     * @throws IllegalArgumentException when the card is addressed to another sector (a wiring defect)
     */
    public byte[] fromCpm(ChildProtectionMessage cpm) {
        Objects.requireNonNull(cpm, "cpm");
        SectorId receiver = cpm.header() == null || cpm.header().receiver() == null ? null
                : cpm.header().receiver().sector();
        if (receiver != sector) {
            // The dispatch step picks the format by the receiver: anything else is a wiring defect.
            throw new IllegalArgumentException("a card addressed to " + receiver + " given to the "
                    + sector.code() + " format");
        }
        ChildProtectionMessage minimised = Minimisation.forReceiver(sector, cpm);
        return cards.write(card(minimised));
    }

    /** The minimised CPM as the forces' model; absent values and empty lists stay absent. */
    SignalementForces card(ChildProtectionMessage cpm) {
        Header header = cpm.header();
        return new SignalementForces(
                SignalementForces.VERSION,
                header.messageId(),
                code(header.cardType(), FrenchCodes::typeCarte),
                text(header.caseReference()),
                header.correlationId(),
                header.sentAt(),
                header.dueBy(),
                code(header.priority(), FrenchCodes::priorite),
                partie(header.sender()),
                partie(header.receiver()),
                code(header.purposeOfUse(), FrenchCodes::finalite),
                code(header.legalBasis(), FrenchCodes::baseLegale),
                code(header.confidentiality(), FrenchCodes::confidentialite),
                enfant(cpm.child(), cpm.childProtected()),
                listOrNull(cpm.concerns(), ForcesCards::motif),
                parcours(cpm.pathway()),
                listOrNull(cpm.requestedServices(), ForcesCards::serviceDemande),
                consentement(cpm.consent()),
                listOrNull(cpm.attachments(), this::pieceJointe));
        // The CPM status is not written: a card sent to a unit asks it to act, and what becomes of
        // the request is what the unit reports through the status API.
    }

    private static Partie partie(Party party) {
        if (party == null) {
            return null;
        }
        return new Partie(code(party.sector(), FrenchCodes::secteur), text(party.organisation()),
                text(party.service()), text(party.provinceCode()));
    }

    private static Enfant enfant(ChildShared child, ChildProtected identity) {
        if (child == null) {
            return null;
        }
        return new Enfant(
                text(child.pseudonym()),
                code(child.sex(), FrenchCodes::sexe),
                code(child.ageBand(), FrenchCodes::trancheAge),
                child.birthYear(),
                text(child.province()),
                child.disability(),
                identite(identity));
    }

    /**
     * The identity as minimised for the forces: never the school code (the card has no member for
     * it), the court file number only when the legal basis is a judicial order.
     */
    private static Identite identite(ChildProtected identity) {
        if (identity == null) {
            return null;
        }
        Identite identite = new Identite(
                text(identity.familyNameLatin()),
                text(identity.givenNameLatin()),
                text(identity.familyNameArabic()),
                text(identity.givenNameArabic()),
                identity.birthDate(),
                text(identity.nationalId()),
                text(identity.civilStatusNumber()),
                text(identity.courtFileNumber()),
                adresse(identity.address()),
                text(identity.phone()),
                listOrNull(identity.guardians(), guardian -> new RepresentantLegal(text(guardian.relationship()),
                        text(guardian.name()), text(guardian.phone()))));
        return nothingIn(identite) ? null : identite;
    }

    private static Adresse adresse(Address address) {
        if (address == null) {
            return null;
        }
        Adresse adresse = new Adresse(text(address.line()), text(address.city()), text(address.province()));
        return nothingIn(adresse) ? null : adresse;
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
        if (pathway == null || pathway.stage() == null) {
            // The CPM schema requires both; the forces' schema would refuse the card anyway.
            return null;
        }
        return new Parcours(pathway.stage().number(), code(pathway.entryChannel(), FrenchCodes::canalEntree));
    }

    private static ServiceDemande serviceDemande(RequestedService service) {
        return new ServiceDemande(text(service.serviceCode()), partie(service.target()), text(service.reason()),
                service.dueDate());
    }

    private static Consentement consentement(Consent consent) {
        if (consent == null) {
            return null;
        }
        return new Consentement(text(FrenchCodes.donnePar(consent.givenBy())), consent.givenAt(),
                listOrNull(consent.sectors(), FrenchCodes::secteur), consent.revokedAt());
    }

    private PieceJointe pieceJointe(Attachment attachment) {
        String title = text(attachment.title());
        String number = attachment.type() == AttachmentType.POLICE_REPORT ? ownProcesVerbalNumber(title) : null;
        if (number != null) {
            int rest = PV_PREFIX.length() + number.length() + PV_TITLE_SEPARATOR.length();
            title = title.length() > rest ? title.substring(rest) : null;
        }
        return new PieceJointe(code(attachment.type(), ForcesCodes::typePieceJointe), title, number,
                text(attachment.mediaType()), attachment.size(), text(attachment.sha256()));
    }

    /**
     * The number of a procès-verbal drawn up by this force, read back from the CPM title. A
     * procès-verbal of the other force (or one whose title does not start with a number) keeps its
     * whole title: its number does not follow this force's numbering, so the schema would refuse it
     * as {@code numeroProcesVerbal}, and the unit still reads it in {@code titre}.
     */
    private String ownProcesVerbalNumber(String title) {
        if (title == null || !title.startsWith(PV_PREFIX)) {
            return null;
        }
        String rest = title.substring(PV_PREFIX.length());
        int end = rest.indexOf(PV_TITLE_SEPARATOR);
        String number = end < 0 ? rest : rest.substring(0, end);
        boolean titled = end >= 0 && end + PV_TITLE_SEPARATOR.length() < rest.length();
        return procesVerbalNumber.matcher(number).matches() && (end < 0 || titled) ? number : null;
    }

    /** A code through its table; an absent value stays absent (the schema then says if it was required). */
    private static <E, R> R code(E value, Function<E, R> table) {
        return value == null ? null : table.apply(value);
    }

    /** The schema refuses empty strings, where the CPM allows them: an empty value is an absent one. */
    private static String text(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** The schema refuses empty arrays: an empty list is left out. */
    private static <T, R> List<R> listOrNull(List<T> values, Function<T, R> mapping) {
        return values == null || values.isEmpty() ? null : values.stream().map(mapping).toList();
    }

    private static boolean nothingIn(Record block) {
        for (var component : block.getClass().getRecordComponents()) {
            try {
                if (component.getAccessor().invoke(block) != null) {
                    return false;
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- status reports

    /** A unit's status report in CPM terms; see {@link org.rabt.mappings.SectorFormat#readStatus}. */
    public StatusReport readStatus(byte[] body) {
        RapportStatut rapport = statuses.read(body, RapportStatut.class);
        requireOwnSector(rapport.secteur(), "/secteur");
        StatutForces statut = rapport.statut();
        if (statut.needsObservations() && rapport.observations() == null) {
            throw new MappingException(MappingError.MISSING_ELEMENT, "/observations",
                    "/observations is required with statut '" + statut.code() + "': say why");
        }
        return new StatusReport(rapport.identifiantCarte(), statut.taskStatus(), statut.code(), rapport.observations());
    }
}
