package org.rabt.mappings.education;

import java.util.List;
import java.util.function.Function;
import org.rabt.mappings.cpm.Address;
import org.rabt.mappings.cpm.Attachment;
import org.rabt.mappings.cpm.ChildProtected;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.ChildShared;
import org.rabt.mappings.cpm.Concern;
import org.rabt.mappings.cpm.Consent;
import org.rabt.mappings.cpm.Header;
import org.rabt.mappings.cpm.Party;
import org.rabt.mappings.cpm.PathwayStage;
import org.rabt.mappings.cpm.RequestedService;
import org.rabt.mappings.cpm.Status;
import org.rabt.mappings.cpm.TaskStatus;
import org.rabt.mappings.education.CarteEducation.Adresse;
import org.rabt.mappings.education.CarteEducation.Consentement;
import org.rabt.mappings.education.CarteEducation.Eleve;
import org.rabt.mappings.education.CarteEducation.Motif;
import org.rabt.mappings.education.CarteEducation.Partie;
import org.rabt.mappings.education.CarteEducation.PieceJointe;
import org.rabt.mappings.education.CarteEducation.RepresentantLegal;
import org.rabt.mappings.education.CarteEducation.ServiceDemande;
import org.rabt.mappings.education.CarteEducation.Statut;
import org.rabt.mappings.french.FrenchCodes;

/**
 * A CPM, already minimised for education, to the education card. It writes what the message
 * holds and nothing else: what education may not see is gone before this class runs
 * ({@link org.rabt.mappings.Minimisation}), and the card has no member for what education never
 * receives (phone, national or civil-status number, court file number). Absent values stay
 * absent; the sector schema then says whether the card can be made.
 */
final class CpmToCarte {

    private CpmToCarte() {
    }

    static CarteEducation carte(ChildProtectionMessage cpm) {
        Header header = cpm.header();
        return new CarteEducation(
                header.messageId(),
                code(header.cardType(), FrenchCodes::typeCarte),
                header.sentAt(),
                header.dueBy(),
                code(header.priority(), FrenchCodes::priorite),
                partie(header.sender()),
                partie(header.receiver()),
                text(header.caseReference()),
                header.correlationId(),
                code(header.legalBasis(), FrenchCodes::baseLegale),
                code(header.purposeOfUse(), FrenchCodes::finalite),
                code(header.confidentiality(), FrenchCodes::confidentialite),
                eleve(cpm.child(), cpm.childProtected()),
                representantsLegaux(cpm.childProtected()),
                cpm.concerns().stream().map(CpmToCarte::motif).toList(),
                cpm.pathway() == null ? null : code(cpm.pathway().stage(), PathwayStage::number),
                cpm.pathway() == null ? null : code(cpm.pathway().entryChannel(), FrenchCodes::canalEntree),
                cpm.requestedServices().stream().map(CpmToCarte::serviceDemande).toList(),
                consentement(cpm.consent()),
                cpm.attachments().stream().map(CpmToCarte::pieceJointe).toList(),
                statut(cpm.status()));
    }

    private static Partie partie(Party party) {
        if (party == null) {
            return null;
        }
        return new Partie(code(party.sector(), FrenchCodes::secteur), text(party.organisation()),
                text(party.service()), text(party.provinceCode()));
    }

    private static Eleve eleve(ChildShared child, ChildProtected identity) {
        if (child == null) {
            return null;
        }
        ChildProtected known = identity == null
                ? new ChildProtected(null, null, null, null, null, null, null, null, null, null, null, null)
                : identity;
        return new Eleve(
                text(child.pseudonym()),
                massar(known.schoolCode()),
                text(known.familyNameLatin()),
                text(known.givenNameLatin()),
                text(known.familyNameArabic()),
                text(known.givenNameArabic()),
                known.birthDate(),
                child.birthYear(),
                code(child.ageBand(), FrenchCodes::trancheAge),
                code(child.sex(), FrenchCodes::sexe),
                text(child.province()),
                child.disability(),
                adresse(known.address()));
    }

    /**
     * The school code when it is a code Massar. Another sector may have recorded some other
     * school number, which MASSAR could not look up: it is left out rather than failing the whole
     * card, since the names and the birth date still let the school find its pupil.
     */
    private static String massar(String schoolCode) {
        return schoolCode != null && EducationValues.MASSAR.matcher(schoolCode).matches() ? schoolCode : null;
    }

    private static Adresse adresse(Address address) {
        if (address == null) {
            return null;
        }
        Adresse adresse = new Adresse(text(address.line()), text(address.city()), text(address.province()));
        return adresse.ligne() == null && adresse.ville() == null && adresse.province() == null ? null : adresse;
    }

    private static List<RepresentantLegal> representantsLegaux(ChildProtected identity) {
        if (identity == null) {
            return List.of();
        }
        return identity.guardians().stream()
                .map(guardian -> new RepresentantLegal(text(guardian.relationship()), text(guardian.name()),
                        text(guardian.phone())))
                .toList();
    }

    private static Motif motif(Concern concern) {
        return new Motif(
                code(concern.code(), FrenchCodes::motif),
                code(concern.certainty(), FrenchCodes::certitude),
                code(concern.setting(), FrenchCodes::cadre),
                code(concern.riskLevel(), FrenchCodes::niveauRisque),
                concern.emergency());
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
                consent.sectors().stream().map(FrenchCodes::secteur).toList(), consent.revokedAt());
    }

    private static PieceJointe pieceJointe(Attachment attachment) {
        return new PieceJointe(code(attachment.type(), FrenchCodes::typePieceJointe), text(attachment.title()),
                text(attachment.mediaType()), attachment.size(), text(attachment.sha256()));
    }

    private static Statut statut(Status status) {
        if (status == null) {
            return null;
        }
        return new Statut(code(status.status(), TaskStatus::code), text(status.businessStatus()),
                text(status.outcome()));
    }

    /** A code through its table; an absent value stays absent (the schema then says if it was required). */
    private static <E, R> R code(E value, Function<E, R> table) {
        return value == null ? null : table.apply(value);
    }

    /** An empty string would break the schema's minimum length: it is an absent value. */
    private static String text(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
