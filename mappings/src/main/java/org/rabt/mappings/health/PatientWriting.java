package org.rabt.mappings.health;

import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.rabt.mappings.cpm.Address;
import org.rabt.mappings.cpm.ChildProtected;
import org.rabt.mappings.cpm.ChildShared;
import org.rabt.mappings.cpm.Guardian;
import org.rabt.mappings.cpm.Sex;

/**
 * The child as a Patient: the shared part, the hub's pseudonym as an identifier, and whatever of
 * the identity minimisation left for health. The inverse of {@link PatientMapping}.
 */
final class PatientWriting {

    private PatientWriting() {
    }

    /** {@code identity} is {@code null} when the card carries nothing of the child's identity. */
    static Patient patient(ChildShared child, ChildProtected identity) {
        Patient patient = new Patient();
        if (child.disability() != null) {
            patient.addExtension(RabtFhir.EXT_DISABILITY, new BooleanType(child.disability()));
        }
        // The hub's pseudonym lets the health system find the child again on the next card (the
        // transaction creates the Patient only if none has it) without learning anything new.
        patient.addIdentifier().setSystem(RabtFhir.PSEUDONYM).setValue(child.pseudonym());
        if (identity != null) {
            identifier(patient, RabtFhir.CNIE, identity.nationalId());
            identifier(patient, RabtFhir.ETAT_CIVIL, identity.civilStatusNumber());
            identifier(patient, RabtFhir.SCHOOL_ID, identity.schoolCode());
            identifier(patient, RabtFhir.COURT_FILE, identity.courtFileNumber());
            name(patient, identity.familyNameLatin(), identity.givenNameLatin(), "fr");
            name(patient, identity.familyNameArabic(), identity.givenNameArabic(), "ar");
        }
        patient.setGender(gender(child.sex()));
        birthDate(patient, child, identity);
        address(patient, child, identity == null ? null : identity.address());
        if (identity != null) {
            if (identity.phone() != null) {
                patient.addTelecom(phone(identity.phone()));
            }
            identity.guardians().forEach(guardian -> patient.addContact(contact(guardian)));
        }
        return patient;
    }

    static AdministrativeGender gender(Sex sex) {
        return switch (sex) {
            case FEMALE -> AdministrativeGender.FEMALE;
            case MALE -> AdministrativeGender.MALE;
            case OTHER -> AdministrativeGender.OTHER;
            case UNKNOWN -> AdministrativeGender.UNKNOWN;
        };
    }

    private static void identifier(Patient patient, String system, String value) {
        if (value != null) {
            patient.addIdentifier().setSystem(system).setValue(value);
        }
    }

    /**
     * One official name per script, told by the language extension ({@code fr}: Latin script,
     * {@code ar}: Arabic script). Given names stay one string, as the CPM holds them.
     */
    private static void name(Patient patient, String family, String given, String language) {
        if (family == null && given == null) {
            return;
        }
        HumanName name = patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(family);
        name.addExtension(RabtFhir.EXT_LANGUAGE, new CodeType(language));
        if (given != null) {
            name.addGiven(given);
        }
    }

    /** The exact date where health may know it; otherwise the year alone, which still gives the age band. */
    private static void birthDate(Patient patient, ChildShared child, ChildProtected identity) {
        if (identity != null && identity.birthDate() != null) {
            patient.setBirthDateElement(new DateType(identity.birthDate().toString()));
        } else if (child.birthYear() != null) {
            patient.setBirthDateElement(new DateType(String.valueOf(child.birthYear())));
        }
    }

    /**
     * The child's address; the province alone when the address is not sent (it is part of what
     * every receiver sees), as the inbound profile takes the child's province from the address.
     */
    private static void address(Patient patient, ChildShared child, Address address) {
        String province = address != null && address.province() != null ? address.province() : child.province();
        if (address == null && province == null) {
            return;
        }
        org.hl7.fhir.r4.model.Address written = patient.addAddress().setUse(org.hl7.fhir.r4.model.Address.AddressUse.HOME);
        if (address != null && address.line() != null) {
            written.addLine(address.line());
        }
        if (address != null && address.city() != null) {
            written.setCity(address.city());
        }
        written.setState(province).setCountry("MA");
    }

    private static Patient.ContactComponent contact(Guardian guardian) {
        Patient.ContactComponent contact = new Patient.ContactComponent()
                .setRelationship(List.of(new CodeableConcept(new Coding(RabtFhir.ROLE_CODE, guardian.relationship(),
                        null))));
        if (guardian.name() != null) {
            contact.setName(new HumanName().setText(guardian.name()));
        }
        if (guardian.phone() != null) {
            contact.addTelecom(phone(guardian.phone()));
        }
        return contact;
    }

    private static ContactPoint phone(String number) {
        return new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(number);
    }
}
