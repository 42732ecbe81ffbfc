package org.rabt.mappings.freeline;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.Minimisation;
import org.rabt.mappings.SectorFormat;
import org.rabt.mappings.StatusReport;
import org.rabt.mappings.cpm.Address;
import org.rabt.mappings.cpm.CardType;
import org.rabt.mappings.cpm.Certainty;
import org.rabt.mappings.cpm.ChildProtected;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.ChildShared;
import org.rabt.mappings.cpm.Concern;
import org.rabt.mappings.cpm.ConcernCode;
import org.rabt.mappings.cpm.Confidentiality;
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
import org.rabt.mappings.freeline.Signalement.Emetteur;
import org.rabt.mappings.freeline.Signalement.Enfant;
import org.rabt.mappings.freeline.Signalement.Motif;
import org.rabt.mappings.french.FrenchCodes;
import org.rabt.mappings.json.SectorJson;

/**
 * The format of the national free phone line for children and of the listening cells (hospitals,
 * schools, associations). They send reporting cards ({@code signalement}: pathway stage 1,
 * detection) to the centre, or straight to the prosecutor in an emergency; they receive almost
 * nothing back ({@code retour}: their report is being handled, by whom, how far), because a
 * reporting channel does not learn who the child is nor what others found
 * ({@code docs/minimisation.md}). JSON, with the schemas under {@code freeline/}. Thread-safe:
 * build one and share it. See {@code docs/sectors/freeline.md}.
 */
public final class FreelineFormat implements SectorFormat {

    public static final String MEDIA_TYPE = "application/json";

    private static final DateTimeFormatter CALL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd 'à' HH:mm");

    private final SectorJson signalements = new SectorJson("/freeline/signalement-v1.schema.json");
    private final SectorJson retours = new SectorJson("/freeline/retour-v1.schema.json");
    private final SectorJson statuts = new SectorJson("/freeline/statut-v1.schema.json");

    @Override
    public SectorId sector() {
        return SectorId.FREELINE;
    }

    @Override
    public String mediaType() {
        return MEDIA_TYPE;
    }

    /**
     * A reporting card: RABT-M001 if it is not strict UTF-8 JSON, RABT-M007 naming the member if
     * the schema refuses it, RABT-M004 if it names another sender, is addressed to the line
     * itself, gives more than one of date of birth, birth year and age, or has the call after the
     * sending or the birth after the call.
     */
    @Override
    public ChildProtectionMessage toCpm(byte[] body) {
        Objects.requireNonNull(body, "body");
        Signalement signalement = signalements.read(body, Signalement.class);
        if (signalement.dateAppel().isAfter(signalement.dateEnvoi())) {
            throw MappingException.invalid("/dateAppel", signalement.dateAppel()
                    + " is after the card was sent (" + signalement.dateEnvoi() + ")");
        }
        Enfant enfant = signalement.enfant();
        AgeAtCall.Age age = AgeAtCall.of(enfant.dateNaissance(), enfant.anneeNaissance(), enfant.age(),
                signalement.dateAppel(), "/enfant");
        Header header = header(signalement);
        return new ChildProtectionMessage(
                header,
                new ChildShared(null, code(Sex.class, FrenchCodes::sexe, enfant.sexe(), "/enfant/sexe"), age.band(),
                        age.birthYear(), enfant.province(), enfant.handicap()),
                identity(enfant),
                concerns(signalement.motifs()),
                new Pathway(PathwayStage.DETECTION, signalement.emetteur().structure().entryChannel()),
                List.of(new RequestedService(signalement.suiteDemandee().serviceCode(), header.receiver(),
                        reason(signalement), null)),
                null,
                List.of(),
                Status.requested());
    }

    /**
     * The feedback the line gets about a card: written from the minimised CPM, and from its
     * header and status only. Even what minimisation would let through — the child's pseudonym,
     * sex, age band, province, the masked concerns, the pathway stage — stays out: the line needs
     * none of it to tell a caller that the report is handled. Free texts (business status,
     * outcome, the reason of a service) stay out too, since nothing checks what they say.
     */
    @Override
    public byte[] fromCpm(ChildProtectionMessage cpm) {
        Objects.requireNonNull(cpm, "cpm");
        ChildProtectionMessage minimised = Minimisation.forReceiver(sector(), cpm);
        Header header = minimised.header();
        Retour retour = new Retour(
                header.messageId(),
                code(header.cardType(), FrenchCodes::typeCarte),
                header.correlationId(),
                text(header.caseReference()),
                header.sentAt(),
                partie(header.sender()),
                partie(header.receiver()),
                minimised.status() == null ? null : Etat.of(minimised.status().status()).code());
        return retours.write(retour);
    }

    /** A status report about a card the line received: its word, and the observations as the reason. */
    @Override
    public StatusReport readStatus(byte[] body) {
        Objects.requireNonNull(body, "body");
        StatutLigne statut = statuts.read(body, StatutLigne.class);
        return new StatusReport(statut.identifiantCarte(), statut.statut().taskStatus(), statut.statut().code(), statut.observations());
    }

    // ---------------------------------------------------------------- inbound

    /**
     * A report is the line's, about a child in danger: shared in the child's best interest (a
     * danger report needs no consent), for the child's protection.
     */
    private static Header header(Signalement signalement) {
        return new Header(
                signalement.identifiantCarte(),
                CardType.REPORTING,
                ChildProtectionMessage.SCHEMA_VERSION,
                null,
                signalement.carteLiee(),
                signalement.dateEnvoi(),
                null,
                code(Priority.class, FrenchCodes::priorite, signalement.priorite(), "/priorite"),
                sender(signalement.emetteur()),
                receiver(signalement.destinataire()),
                PurposeOfUse.CHILD_PROTECTION,
                LegalBasis.BEST_INTEREST,
                code(Confidentiality.class, FrenchCodes::confidentialite, signalement.confidentialite(),
                        "/confidentialite"));
    }

    /** The sender is the line: its certificate and signature are checked before the mapper runs. */
    private static Party sender(Emetteur emetteur) {
        SectorId sector = code(SectorId.class, FrenchCodes::secteur, emetteur.secteur(), "/emetteur/secteur");
        if (sector != SectorId.FREELINE) {
            throw MappingException.invalid("/emetteur/secteur", "a report sent by the line names the line ("
                    + FrenchCodes.secteur(SectorId.FREELINE) + ") as its sender, not '" + emetteur.secteur() + "'");
        }
        return new Party(sector, emetteur.organisme(), emetteur.service(), emetteur.province());
    }

    private static Party receiver(Partie destinataire) {
        SectorId sector = code(SectorId.class, FrenchCodes::secteur, destinataire.secteur(), "/destinataire/secteur");
        if (sector == SectorId.FREELINE) {
            throw MappingException.invalid("/destinataire/secteur", "a report goes to the centre or, in an"
                    + " emergency, to the prosecutor; not back to the line");
        }
        return new Party(sector, destinataire.organisme(), destinataire.service(), destinataire.province());
    }

    /** The little the caller could say about who the child is; {@code null} when nothing. */
    private static ChildProtected identity(Enfant enfant) {
        Address address = enfant.quartier() == null && enfant.ville() == null ? null
                : new Address(enfant.quartier(), enfant.ville(), enfant.province());
        if (enfant.nomLatin() == null && enfant.prenomLatin() == null && enfant.nomArabe() == null
                && enfant.prenomArabe() == null && enfant.dateNaissance() == null && address == null) {
            return null;
        }
        return new ChildProtected(enfant.nomLatin(), enfant.prenomLatin(), enfant.nomArabe(), enfant.prenomArabe(),
                enfant.dateNaissance(), List.of(), address, null, null, null, null, null);
    }

    /** Every concern is suspected: a line hears a report, it does not establish facts. */
    private static List<Concern> concerns(List<Motif> motifs) {
        List<Concern> concerns = new ArrayList<>();
        for (int i = 0; i < motifs.size(); i++) {
            Motif motif = motifs.get(i);
            String at = "/motifs/" + i;
            concerns.add(new Concern(
                    code(ConcernCode.class, FrenchCodes::motif, motif.code(), at + "/code"),
                    Certainty.SUSPECTED,
                    code(Setting.class, FrenchCodes::cadre, motif.cadre(), at + "/cadre"),
                    code(RiskLevel.class, FrenchCodes::niveauRisque, motif.niveauRisque(), at + "/niveauRisque"),
                    motif.urgence()));
        }
        return concerns;
    }

    /**
     * The reason of the requested service: when the call came, who called (as a category) and
     * whether the centre can have the caller called back, then the listener's summary. The CPM
     * has no member for the caller, and the social worker who takes up the report needs to know.
     */
    private static String reason(Signalement signalement) {
        String when = LocalDateTime.ofInstant(signalement.dateAppel(), AgeAtCall.MOROCCO).format(CALL_TIME);
        String callBack = signalement.appelant().accepteRappel()
                ? "rappel possible par l'intermédiaire de la ligne"
                : "pas de rappel";
        String reason = "Signalement recueilli le " + when + " (heure du Maroc) ; appelant : "
                + signalement.appelant().categorie().description() + " ; " + callBack + ".";
        return signalement.resume() == null ? reason : reason + " " + signalement.resume();
    }

    // ---------------------------------------------------------------- outbound

    private static Partie partie(Party party) {
        return party == null ? null : new Partie(code(party.sector(), FrenchCodes::secteur),
                text(party.organisation()), text(party.service()), text(party.provinceCode()));
    }

    /** An empty text is an absent one: the schema allows no empty member. */
    private static String text(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    // ---------------------------------------------------------------- codes

    private static <E extends Enum<E>> E code(Class<E> type, Function<E, String> table, String french, String field) {
        return french == null ? null : FrenchCodes.parse(type, table, french, field);
    }

    private static <E> String code(E value, Function<E, String> table) {
        return value == null ? null : table.apply(value);
    }
}
