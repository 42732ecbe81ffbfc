package org.rabt.mappings.french;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.rabt.mappings.MappingError;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.StatusReport;
import org.rabt.mappings.cpm.Address;
import org.rabt.mappings.cpm.AgeBand;
import org.rabt.mappings.cpm.CardType;
import org.rabt.mappings.cpm.Certainty;
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
import org.rabt.mappings.cpm.TaskStatus;
import org.rabt.mappings.french.CarteFrancaise.Adresse;
import org.rabt.mappings.french.CarteFrancaise.Consentement;
import org.rabt.mappings.french.CarteFrancaise.Enfant;
import org.rabt.mappings.french.CarteFrancaise.Entete;
import org.rabt.mappings.french.CarteFrancaise.Identite;
import org.rabt.mappings.french.CarteFrancaise.Motif;
import org.rabt.mappings.french.CarteFrancaise.Parcours;
import org.rabt.mappings.french.CarteFrancaise.Partie;
import org.rabt.mappings.french.CarteFrancaise.RepresentantLegal;
import org.rabt.mappings.french.CarteFrancaise.ServiceDemande;
import org.rabt.mappings.french.CarteFrancaise.StatutCarte;

/**
 * The mapping of what the French JSON cards share ({@link CarteFrancaise}), both ways, and the
 * checks that go with it; labour inspection's and the social services' formats call these and map
 * only what is their own (the identity members they may receive, documents, the status words).
 * Every method is a pure function of its arguments.
 */
public final class FrenchCards {

    private FrenchCards() {
    }

    // ---------------------------------------------------------------- French card -> CPM

    /**
     * The CPM header of a card. The sender must be the sector whose format reads the card:
     * {@code senderRule} says so in the error ({@code "labour inspection sends its own cards"}).
     */
    public static Header header(Entete card, SectorId sector, String senderRule) {
        Party sender = party(card.emetteur(), "/emetteur");
        if (sender.sector() != sector) {
            throw MappingException.invalid("/emetteur/secteur", "'" + card.emetteur().secteur() + "': " + senderRule
                    + ", the sender must be '" + FrenchCodes.secteur(sector) + "'");
        }
        return new Header(
                card.identifiantCarte(),
                FrenchCodes.parse(CardType.class, FrenchCodes::typeCarte, card.typeCarte(), "/typeCarte"),
                ChildProtectionMessage.SCHEMA_VERSION,
                card.referenceDossier(),
                card.carteLiee(),
                card.dateEnvoi(),
                card.dateEcheance(),
                FrenchCodes.parse(Priority.class, FrenchCodes::priorite, card.priorite(), "/priorite"),
                sender,
                party(card.destinataire(), "/destinataire"),
                FrenchCodes.parse(PurposeOfUse.class, FrenchCodes::finalite, card.finalite(), "/finalite"),
                FrenchCodes.parse(LegalBasis.class, FrenchCodes::baseLegale, card.baseLegale(), "/baseLegale"),
                FrenchCodes.parse(Confidentiality.class, FrenchCodes::confidentialite, card.confidentialite(),
                        "/confidentialite"));
    }

    private static Party party(Partie partie, String field) {
        return new Party(FrenchCodes.parse(SectorId.class, FrenchCodes::secteur, partie.secteur(), field + "/secteur"),
                partie.organisme(), partie.service(), partie.province());
    }

    /**
     * The shared part. A child found at work or without civil registration often has no known
     * birth date, so the sender may give an estimated age band instead; given both, they must
     * agree on the day the card was sent (UTC), as the hub computes the band from the date.
     */
    public static ChildShared child(Enfant enfant, Instant sentAt) {
        LocalDate birthDate = enfant.identite() == null ? null : enfant.identite().dateNaissance();
        LocalDate sentOn = LocalDate.ofInstant(sentAt, ZoneOffset.UTC);
        if (birthDate != null && birthDate.isAfter(sentOn)) {
            throw MappingException.invalid("/enfant/identite/dateNaissance",
                    birthDate + " is after the card was sent (" + sentOn + ")");
        }
        AgeBand declared = FrenchCodes.parseOrNull(AgeBand.class, FrenchCodes::trancheAge, enfant.trancheAge(),
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
                FrenchCodes.parse(Sex.class, FrenchCodes::sexe, enfant.sexe(), "/enfant/sexe"),
                band == null ? AgeBand.UNKNOWN : band,
                birthDate == null ? birthYear : Integer.valueOf(birthDate.getYear()),
                enfant.province(),
                enfant.handicap());
    }

    /** The hub links the cards about one child by name and birth date: a card must name the child. */
    public static void requireNamed(Identite identite) {
        if (identite == null || identite.nomLatin() == null && identite.prenomLatin() == null
                && identite.nomArabe() == null && identite.prenomArabe() == null) {
            throw new MappingException(MappingError.MISSING_ELEMENT, "/enfant/identite",
                    "/enfant/identite must name the child (nomLatin, prenomLatin, nomArabe or prenomArabe): "
                            + "the hub links the cards about one child by name and birth date");
        }
    }

    public static List<Guardian> guardians(Identite identite) {
        return readAll(identite.representantsLegaux(), r -> new Guardian(r.lien(), r.nom(), r.telephone()));
    }

    public static Address address(Identite identite) {
        Adresse adresse = identite.adresse();
        return adresse == null ? null : new Address(adresse.ligne(), adresse.ville(), adresse.province());
    }

    public static List<Concern> concerns(List<Motif> motifs) {
        if (motifs == null) {
            return List.of();
        }
        return IntStream.range(0, motifs.size()).mapToObj(i -> {
            Motif motif = motifs.get(i);
            String at = "/motifs/" + i;
            return new Concern(
                    FrenchCodes.parse(ConcernCode.class, FrenchCodes::motif, motif.code(), at + "/code"),
                    FrenchCodes.parse(Certainty.class, FrenchCodes::certitude, motif.certitude(), at + "/certitude"),
                    FrenchCodes.parseOrNull(Setting.class, FrenchCodes::cadre, motif.cadre(), at + "/cadre"),
                    FrenchCodes.parseOrNull(RiskLevel.class, FrenchCodes::niveauRisque, motif.niveauRisque(),
                            at + "/niveauRisque"),
                    motif.urgence());
        }).toList();
    }

    public static Pathway pathway(Parcours parcours) {
        return new Pathway(PathwayStage.of(parcours.etape()),
                FrenchCodes.parseOrNull(EntryChannel.class, FrenchCodes::canalEntree, parcours.canalEntree(),
                        "/parcours/canalEntree"));
    }

    public static List<RequestedService> services(List<ServiceDemande> services) {
        if (services == null) {
            return List.of();
        }
        return IntStream.range(0, services.size()).mapToObj(i -> {
            ServiceDemande service = services.get(i);
            return new RequestedService(service.code(), party(service.cible(), "/servicesDemandes/" + i + "/cible"),
                    service.motif(), service.dateEcheance());
        }).toList();
    }

    /**
     * Law 09-08: a card shared on the strength of consent must carry that consent, and the consent
     * must still hold and cover the receiver. (Other legal bases may carry a consent too.)
     */
    public static Consent consent(Consentement consentement, Header header) {
        if (consentement == null) {
            if (header.legalBasis() == LegalBasis.CONSENT) {
                throw MappingException.missing("/consentement");
            }
            return null;
        }
        List<SectorId> sectors = readAll(consentement.secteurs(),
                secteur -> FrenchCodes.parse(SectorId.class, FrenchCodes::secteur, secteur, "/consentement/secteurs"));
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

    // ---------------------------------------------------------------- CPM -> French card

    public static Partie partie(Party party) {
        return party == null ? null
                : new Partie(code(party.sector(), FrenchCodes::secteur), party.organisation(), party.service(),
                        party.provinceCode());
    }

    /** The address, or {@code null} when it says nothing (an empty object would fail the schema). */
    public static Adresse adresse(Address address) {
        return address == null || allBlank(address.line(), address.city(), address.province()) ? null
                : new Adresse(address.line(), address.city(), address.province());
    }

    public static List<RepresentantLegal> representantsLegaux(List<Guardian> guardians) {
        return writeAll(guardians,
                guardian -> new RepresentantLegal(guardian.relationship(), guardian.name(), guardian.phone()));
    }

    public static Motif motif(Concern concern) {
        return new Motif(
                code(concern.code(), FrenchCodes::motif),
                code(concern.certainty(), FrenchCodes::certitude),
                code(concern.setting(), FrenchCodes::cadre),
                code(concern.riskLevel(), FrenchCodes::niveauRisque),
                concern.emergency());
    }

    public static Parcours parcours(Pathway pathway) {
        return pathway == null ? null
                : new Parcours(code(pathway.stage(), PathwayStage::number),
                        code(pathway.entryChannel(), FrenchCodes::canalEntree));
    }

    public static ServiceDemande serviceDemande(RequestedService service) {
        return new ServiceDemande(service.serviceCode(), partie(service.target()), service.reason(),
                service.dueDate());
    }

    public static Consentement consentement(Consent consent) {
        return consent == null ? null
                : new Consentement(FrenchCodes.donnePar(consent.givenBy()), consent.givenAt(),
                        writeAll(consent.sectors(), FrenchCodes::secteur), consent.revokedAt());
    }

    // ---------------------------------------------------------------- status reports

    /**
     * A status report in the sector's words ({@code word}, meaning {@code status}). A refusal, a
     * failure or a closing without action must say why ({@code observations}): the originator has
     * to decide what to do next.
     */
    public static StatusReport statusReport(StatutCarte statut, String word, TaskStatus status) {
        if (statut.observations() == null && mustGiveReason(status)) {
            throw new MappingException(MappingError.MISSING_ELEMENT, "/observations",
                    "/observations is required with the status '" + word + "': say why");
        }
        return new StatusReport(statut.identifiantCarte(), status, word, statut.observations());
    }

    private static boolean mustGiveReason(TaskStatus status) {
        return switch (status) {
            case REJECTED, FAILED, CANCELLED -> true;
            case REQUESTED, RECEIVED, ACCEPTED, IN_PROGRESS, ON_HOLD, COMPLETED -> false;
        };
    }

    // ---------------------------------------------------------------- helpers

    /** A code through its table; an absent value stays absent (the schema then says if it was required). */
    public static <E, R> R code(E value, Function<E, R> table) {
        return value == null ? null : table.apply(value);
    }

    /** An inbound list mapped; an absent list is an empty one. */
    public static <T, R> List<R> readAll(List<T> items, Function<T, R> mapping) {
        return items == null ? List.of() : items.stream().map(mapping).toList();
    }

    /** An outbound list mapped, or {@code null} for none: an empty list is left out, not written as {@code []}. */
    public static <T, R> List<R> writeAll(List<T> items, Function<T, R> mapping) {
        return items == null || items.isEmpty() ? null : items.stream().map(mapping).toList();
    }

    public static boolean allBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
