package org.rabt.mappings.health;

import static org.rabt.mappings.health.FhirValues.missing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.cpm.Coded;
import org.rabt.mappings.cpm.LegalBasis;
import org.rabt.mappings.cpm.SectorId;

/**
 * The consent to share, from the Bundle's Consent. Active means in force; inactive or rejected
 * means withdrawn at {@code provision.period.end}; the hub's access policy decides what follows.
 */
final class ConsentMapping {

    static final String CONSENT = "Bundle.entry[Consent]";

    /** {@code child}, or an HL7 v3 RoleCode (MTH, FTH, GUARD...): never a person's name. */
    private static final Pattern GIVEN_BY = Pattern.compile("child|[A-Z]{2,10}");

    private ConsentMapping() {
    }

    /** The card's consent, or {@code null} when there is none and the legal basis does not need one. */
    static org.rabt.mappings.cpm.Consent consent(MessageBundle message, LegalBasis legalBasis, Patient child) {
        List<Consent> consents = message.all(Consent.class);
        if (consents.size() > 1) {
            throw MappingException.invalid(CONSENT, consents.size() + " Consent entries, a card carries at most one");
        }
        if (consents.isEmpty()) {
            if (legalBasis == LegalBasis.CONSENT) {
                throw missing(CONSENT, "the legal basis (Task.reasonCode) is consent");
            }
            return null;
        }
        Consent consent = consents.get(0);
        if (consent.hasPatient()
                && message.require(consent.getPatient(), Patient.class, CONSENT + ".patient") != child) {
            throw MappingException.invalid(CONSENT + ".patient", "must refer to the same Patient as Task.for");
        }
        return new org.rabt.mappings.cpm.Consent(givenBy(consent), FhirValues.instant(consent.getDateTimeElement(),
                CONSENT + ".dateTime"), sectors(consent), revokedAt(consent));
    }

    /** The consent-given-by extension, else the performer's display (which must then be such a code). */
    private static String givenBy(Consent consent) {
        String extensionField = CONSENT + ".extension[consent-given-by]";
        String field = extensionField;
        String givenBy = FhirValues.extensionCode(consent.getExtension(), RabtFhir.EXT_CONSENT_GIVEN_BY, extensionField)
                .orElse(null);
        if (givenBy == null && consent.hasPerformer() && consent.getPerformer().get(0).hasDisplay()) {
            field = CONSENT + ".performer[0].display";
            givenBy = consent.getPerformer().get(0).getDisplay().strip();
        }
        if (givenBy == null) {
            throw missing(extensionField, "who consented: child, or the guardian's relationship (MTH, FTH, GUARD...)");
        }
        if (!GIVEN_BY.matcher(givenBy).matches()) {
            throw MappingException.invalid(field, "'" + givenBy + "' is neither child nor an HL7 v3 RoleCode such as"
                    + " MTH, FTH or GUARD");
        }
        return givenBy;
    }

    /** The sectors named as actors by a {@code urn:rabt:sector} identifier; other actors are not sectors. */
    private static List<SectorId> sectors(Consent consent) {
        Set<SectorId> sectors = new LinkedHashSet<>();
        List<Consent.provisionActorComponent> actors = consent.getProvision().getActor();
        for (int i = 0; i < actors.size(); i++) {
            Identifier identifier = actors.get(i).getReference().getIdentifier();
            if (RabtFhir.SECTOR_ID.equals(identifier.getSystem())) {
                String field = CONSENT + ".provision.actor[" + i + "].reference.identifier.value";
                sectors.add(Coded.parse(SectorId.class, identifier.getValue(), field));
            }
        }
        return new ArrayList<>(sectors);
    }

    private static Instant revokedAt(Consent consent) {
        if (!consent.hasStatus()) {
            throw MappingException.missing(CONSENT + ".status");
        }
        return switch (consent.getStatus()) {
            case ACTIVE -> null;
            case INACTIVE, REJECTED -> {
                if (!consent.getProvision().getPeriod().hasEnd()) {
                    throw missing(CONSENT + ".provision.period.end", "a consent that is " + consent.getStatus().toCode()
                            + " needs the time it ended");
                }
                yield FhirValues.instant(consent.getProvision().getPeriod().getEndElement(),
                        CONSENT + ".provision.period.end");
            }
            default -> throw MappingException.invalid(CONSENT + ".status", "'" + consent.getStatus().toCode()
                    + "' is not a consent that was given: active, inactive or rejected are accepted");
        };
    }
}
