package org.rabt.mappings.labour;

import java.util.List;
import java.util.Objects;
import org.rabt.mappings.Minimisation;
import org.rabt.mappings.SectorFormat;
import org.rabt.mappings.StatusReport;
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
import org.rabt.mappings.labour.RapportRetrait.Enfant;
import org.rabt.mappings.labour.RapportRetrait.Identite;

/**
 * Labour inspection's JSON format, both ways: the child-labour withdrawal reports that labour
 * inspectors send ({@code labour/rapport-retrait-v1.schema.json}), the linkage cards the hub sends
 * them in the same shape, and their status reports ({@code labour/statut-v1.schema.json}).
 *
 * <p>Labour inspection acts on a workplace, so it receives the child's names, birth date,
 * address and guardians, and nothing it has no use for: the format has no member for the child's
 * phone, national identity card, civil-status number, school code or court file number, it never
 * carries documents, and sexual forms of harm reach it as {@code situation-de-protection}
 * ({@code docs/minimisation.md}). The work situation of a report ({@code situationTravail}) is the
 * inspection's own record and does not enter the CPM. What the card shares with the social
 * services' card is mapped by {@link FrenchCards}. Thread-safe: build one and share it.
 */
public final class LabourFormat implements SectorFormat {

    public static final String MEDIA_TYPE = "application/json";
    static final String SCHEMA = "/labour/rapport-retrait-v1.schema.json";
    static final String STATUS_SCHEMA = "/labour/statut-v1.schema.json";

    private final SectorJson cards = new SectorJson(SCHEMA);
    private final SectorJson statuses = new SectorJson(STATUS_SCHEMA);

    @Override
    public SectorId sector() {
        return SectorId.LABOUR;
    }

    @Override
    public String mediaType() {
        return MEDIA_TYPE;
    }

    // ---------------------------------------------------------------- labour inspection -> CPM

    /**
     * A withdrawal report (or any card labour inspection sends) as a CPM. Beyond the schema, the
     * sender must be labour inspection, the child must be named (the hub links cards about one
     * child by name and birth date), an age band or birth year given with the birth date must
     * agree with it, and a card resting on consent must carry a consent that covers its receiver
     * and has not been withdrawn.
     */
    @Override
    public ChildProtectionMessage toCpm(byte[] body) {
        Objects.requireNonNull(body, "body");
        RapportRetrait rapport = cards.read(body, RapportRetrait.class);
        Header header = FrenchCards.header(rapport, SectorId.LABOUR, "labour inspection sends its own cards");
        return new ChildProtectionMessage(
                header,
                FrenchCards.child(rapport.enfant(), rapport.dateEnvoi()),
                identity(rapport.enfant().identite()),
                FrenchCards.concerns(rapport.motifs()),
                FrenchCards.pathway(rapport.parcours()),
                FrenchCards.services(rapport.servicesDemandes()),
                FrenchCards.consent(rapport.consentement(), header),
                List.of(),
                // A new card asks for something; where the receiver stands comes later, by status report.
                Status.requested());
    }

    /** The names, birth date, guardians and address: the identity members labour inspection sends. */
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
                null, null, null, null, null);
    }

    // ---------------------------------------------------------------- CPM -> labour inspection

    /**
     * The card as labour inspection receives it: minimised first, then written from the minimised
     * card only, and checked against the schema before it leaves.
     *
     * @throws IllegalArgumentException when the card is not addressed to labour inspection (a
     *                                  dispatch defect: another sector's card must not be written here)
     */
    @Override
    public byte[] fromCpm(ChildProtectionMessage cpm) {
        Objects.requireNonNull(cpm, "cpm");
        ChildProtectionMessage card = Minimisation.forReceiver(SectorId.LABOUR, cpm);
        SectorId receiver = card.header().receiver().sector();
        if (receiver != SectorId.LABOUR) {
            throw new IllegalArgumentException("a card addressed to " + receiver + " is not written for labour");
        }
        return cards.write(rapport(card));
    }

    private static RapportRetrait rapport(ChildProtectionMessage card) {
        Header header = card.header();
        return new RapportRetrait(
                RapportRetrait.VERSION,
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
                // Labour's own record: there is nothing of it in a CPM.
                null,
                FrenchCards.writeAll(card.concerns(), FrenchCards::motif),
                FrenchCards.parcours(card.pathway()),
                FrenchCards.writeAll(card.requestedServices(), FrenchCards::serviceDemande),
                FrenchCards.consentement(card.consent()));
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

    /** Only the members labour inspection may receive; {@code null} when none of them is known. */
    private static Identite identite(ChildProtected identity) {
        if (identity == null) {
            return null;
        }
        Adresse adresse = FrenchCards.adresse(identity.address());
        List<RepresentantLegal> guardians = FrenchCards.representantsLegaux(identity.guardians());
        if (adresse == null && guardians == null && identity.birthDate() == null && FrenchCards.allBlank(
                identity.familyNameLatin(), identity.givenNameLatin(), identity.familyNameArabic(),
                identity.givenNameArabic())) {
            return null;
        }
        return new Identite(identity.familyNameLatin(), identity.givenNameLatin(), identity.familyNameArabic(),
                identity.givenNameArabic(), identity.birthDate(), adresse, guardians);
    }

    // ---------------------------------------------------------------- status reports

    /**
     * A status report in the inspectors' words. A refusal, a failure or a closing without action
     * must say why ({@code observations}): the originator has to decide what to do next.
     */
    @Override
    public StatusReport readStatus(byte[] body) {
        Objects.requireNonNull(body, "body");
        StatutCarte statut = statuses.read(body, StatutCarte.class);
        StatutInspection word = StatutInspection.of(statut.statut());
        return FrenchCards.statusReport(statut, word.code(), word.taskStatus());
    }
}
