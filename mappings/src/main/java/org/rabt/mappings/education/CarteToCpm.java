package org.rabt.mappings.education;

import static org.rabt.mappings.french.FrenchCodes.parseOrNull;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.rabt.mappings.MappingError;
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
import org.rabt.mappings.cpm.Coded;
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
import org.rabt.mappings.education.CarteEducation.Consentement;
import org.rabt.mappings.education.CarteEducation.Eleve;
import org.rabt.mappings.education.CarteEducation.Motif;
import org.rabt.mappings.education.CarteEducation.Partie;
import org.rabt.mappings.education.CarteEducation.PieceJointe;
import org.rabt.mappings.education.CarteEducation.ServiceDemande;
import org.rabt.mappings.french.FrenchCodes;

/**
 * An education card the school sends, already valid against its schema, to the CPM: the checks
 * the schema cannot make (the sender is education, the hub's pseudonym is not the school's to
 * give, a birth date before the sending day and consistent with the age band, a consent when
 * the legal basis is consent, a pupil the hub can link) and the code tables read backwards.
 * Fields are named by JSON pointer, as the schema's own errors are.
 */
final class CarteToCpm {

    private CarteToCpm() {
    }

    static ChildProtectionMessage cpm(CarteEducation carte) {
        Header header = header(carte);
        LocalDate sentOn = LocalDate.ofInstant(carte.dateEnvoi(), ZoneOffset.UTC);
        Eleve eleve = carte.eleve();
        return new ChildProtectionMessage(
                header,
                child(eleve, sentOn),
                identity(carte, sentOn),
                indexed(carte.motifs(), "/motifs/", CarteToCpm::concern),
                new Pathway(PathwayStage.of(carte.etapeParcours()),
                        parseOrNull(EntryChannel.class, FrenchCodes::canalEntree, carte.canalEntree(), "/canalEntree")),
                indexed(carte.servicesDemandes(), "/servicesDemandes/", CarteToCpm::requestedService),
                consent(carte.consentement(), header.legalBasis()),
                indexed(carte.piecesJointes(), "/piecesJointes/", CarteToCpm::attachment),
                status(carte.statut()));
    }

    // ---------------------------------------------------------------- header

    private static Header header(CarteEducation carte) {
        Party sender = party(carte.emetteur(), "/emetteur");
        if (sender.sector() != SectorId.EDUCATION) {
            throw MappingException.invalid("/emetteur/secteur", "'" + carte.emetteur().secteur()
                    + "' names another sector; a card posted on the education exchange is sent by education");
        }
        return new Header(
                carte.identifiantCarte(),
                parseOrNull(CardType.class, FrenchCodes::typeCarte, carte.typeCarte(), "/typeCarte"),
                ChildProtectionMessage.SCHEMA_VERSION,
                carte.referenceDossier(),
                carte.carteLiee(),
                carte.dateEnvoi(),
                carte.echeance(),
                parseOrNull(Priority.class, FrenchCodes::priorite, carte.priorite(), "/priorite"),
                sender,
                party(carte.destinataire(), "/destinataire"),
                parseOrNull(PurposeOfUse.class, FrenchCodes::finalite, carte.finalite(), "/finalite"),
                parseOrNull(LegalBasis.class, FrenchCodes::baseLegale, carte.baseLegale(), "/baseLegale"),
                parseOrNull(Confidentiality.class, FrenchCodes::confidentialite, carte.confidentialite(),
                        "/confidentialite"));
    }

    private static Party party(Partie partie, String field) {
        return new Party(parseOrNull(SectorId.class, FrenchCodes::secteur, partie.secteur(), field + "/secteur"),
                partie.etablissement(), partie.service(), partie.province());
    }

    // ---------------------------------------------------------------- the pupil

    private static ChildShared child(Eleve eleve, LocalDate sentOn) {
        if (eleve.pseudonyme() != null) {
            throw MappingException.invalid("/eleve/pseudonyme",
                    "the pseudonym is assigned by the hub; a card sent by a school does not carry one");
        }
        Sex sex = parseOrNull(Sex.class, FrenchCodes::sexe, eleve.sexe(), "/eleve/sexe");
        Integer year = birthYear(eleve, sentOn);
        return new ChildShared(null, sex, ageBand(eleve, sentOn), year, eleve.province(), eleve.handicap());
    }

    /** The year of the birth date when there is one (anneeNaissance, if also given, must agree), else anneeNaissance. */
    private static Integer birthYear(Eleve eleve, LocalDate sentOn) {
        Integer year = eleve.anneeNaissance();
        if (eleve.dateNaissance() != null) {
            LocalDate birth = EducationValues.birthDate(eleve.dateNaissance(), sentOn, "/eleve/dateNaissance");
            if (year != null && year != birth.getYear()) {
                throw MappingException.invalid("/eleve/anneeNaissance", year + " disagrees with dateNaissance " + birth);
            }
            return birth.getYear();
        }
        if (year != null && year > sentOn.getYear()) {
            throw MappingException.invalid("/eleve/anneeNaissance", year + " is after the year the card was sent");
        }
        return year;
    }

    /**
     * The band on the sending day, from the birth date when there is one (trancheAge, if also
     * given, must agree: two answers to one question would be a silent choice), else trancheAge,
     * else unknown.
     */
    private static AgeBand ageBand(Eleve eleve, LocalDate sentOn) {
        AgeBand stated = parseOrNull(AgeBand.class, FrenchCodes::trancheAge, eleve.trancheAge(), "/eleve/trancheAge");
        if (eleve.dateNaissance() == null) {
            return stated == null ? AgeBand.UNKNOWN : stated;
        }
        AgeBand computed = AgeBand.of(eleve.dateNaissance(), sentOn);
        if (stated != null && stated != computed) {
            throw MappingException.invalid("/eleve/trancheAge", "'" + eleve.trancheAge() + "' disagrees with dateNaissance "
                    + eleve.dateNaissance() + ", which gives " + FrenchCodes.trancheAge(computed) + " on " + sentOn);
        }
        return computed;
    }

    private static ChildProtected identity(CarteEducation carte, LocalDate sentOn) {
        Eleve eleve = carte.eleve();
        boolean named = eleve.nom() != null || eleve.prenom() != null || eleve.nomArabe() != null
                || eleve.prenomArabe() != null;
        if (eleve.codeMassar() == null && !named) {
            throw new MappingException(MappingError.MISSING_ELEMENT, "/eleve/codeMassar", "/eleve/codeMassar is"
                    + " required and is missing: the pupil needs a Massar code or a name so that the hub can link"
                    + " the card to the child");
        }
        arabic(eleve.nomArabe(), "/eleve/nomArabe");
        arabic(eleve.prenomArabe(), "/eleve/prenomArabe");
        List<Guardian> guardians = carte.representantsLegaux().stream()
                .map(representant -> new Guardian(representant.lien(), representant.nom(), representant.telephone()))
                .toList();
        Address address = eleve.adresse() == null ? null
                : new Address(eleve.adresse().ligne(), eleve.adresse().ville(), eleve.adresse().province());
        return new ChildProtected(eleve.nom(), eleve.prenom(), eleve.nomArabe(), eleve.prenomArabe(),
                eleve.dateNaissance(), guardians, address, null, null, null, eleve.codeMassar(), null);
    }

    private static void arabic(String name, String field) {
        if (name != null && !EducationValues.hasArabicLetter(name)) {
            throw MappingException.invalid(field, "'" + name + "' has no letter of the Arabic script; the name in"
                    + " Latin script goes in the member without 'Arabe'");
        }
    }

    // ---------------------------------------------------------------- concerns, services, consent, attachments

    private static Concern concern(Motif motif, String at) {
        return new Concern(
                parseOrNull(ConcernCode.class, FrenchCodes::motif, motif.code(), at + "/code"),
                parseOrNull(Certainty.class, FrenchCodes::certitude, motif.certitude(), at + "/certitude"),
                parseOrNull(Setting.class, FrenchCodes::cadre, motif.cadre(), at + "/cadre"),
                parseOrNull(RiskLevel.class, FrenchCodes::niveauRisque, motif.niveauRisque(), at + "/niveauRisque"),
                motif.urgence());
    }

    private static RequestedService requestedService(ServiceDemande service, String at) {
        return new RequestedService(service.code(), party(service.prestataire(), at + "/prestataire"), service.motif(),
                service.echeance());
    }

    private static Consent consent(Consentement consentement, LegalBasis basis) {
        if (consentement == null) {
            if (basis == LegalBasis.CONSENT) {
                throw new MappingException(MappingError.MISSING_ELEMENT, "/consentement", "/consentement is required"
                        + " and is missing: the legal basis is consentement, so the card says who consented and when");
            }
            return null;
        }
        if (consentement.dateRetrait() != null && consentement.dateRetrait().isBefore(consentement.date())) {
            throw MappingException.invalid("/consentement/dateRetrait", consentement.dateRetrait()
                    + " is before the consent was given (" + consentement.date() + ")");
        }
        List<SectorId> sectors = consentement.secteurs().stream()
                .map(secteur -> parseOrNull(SectorId.class, FrenchCodes::secteur, secteur, "/consentement/secteurs"))
                .toList();
        return new Consent(FrenchCodes.givenBy(consentement.donnePar()), consentement.date(), sectors,
                consentement.dateRetrait());
    }

    private static Attachment attachment(PieceJointe piece, String at) {
        return new Attachment(parseOrNull(AttachmentType.class, FrenchCodes::typePieceJointe, piece.type(), at + "/type"),
                piece.titre(), piece.typeMedia(), piece.taille(), piece.empreinteSha256());
    }

    /** Maps each item with its JSON pointer ({@code /motifs/2}), so that an error names the item. */
    private static <T, R> List<R> indexed(List<T> items, String pointer, BiFunction<T, String, R> map) {
        List<R> mapped = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            mapped.add(map.apply(items.get(i), pointer + i));
        }
        return mapped;
    }

    /** A new card is a request; a follow-up card may say where the referral stands. */
    private static Status status(CarteEducation.Statut statut) {
        if (statut == null) {
            return Status.requested();
        }
        return new Status(Coded.parse(TaskStatus.class, statut.code(), "/statut/code"), statut.statutMetier(),
                statut.resultat());
    }
}
