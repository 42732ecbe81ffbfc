package org.rabt.mappings.health;

import static org.rabt.mappings.health.FhirValues.missing;
import static org.rabt.mappings.health.FhirValues.text;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.cpm.Address;
import org.rabt.mappings.cpm.AgeBand;
import org.rabt.mappings.cpm.ChildProtected;
import org.rabt.mappings.cpm.ChildShared;
import org.rabt.mappings.cpm.Coded;
import org.rabt.mappings.cpm.Guardian;
import org.rabt.mappings.cpm.Sex;

/**
 * The child, from the Patient: the shared part every receiver sees (sex, age band, province) and
 * the protected identity (names in both scripts, identifiers, guardians, address).
 */
final class PatientMapping {

    static final String PATIENT = "Bundle.entry[Patient]";

    private static final Pattern NATIONAL_ID = Pattern.compile("[A-Z]{1,2}[0-9]{1,8}");
    private static final Pattern ROLE = Pattern.compile("[A-Z]{2,10}");
    /** The CPM schema's lower bound for a birth year: the card is about a child. */
    private static final int EARLIEST_BIRTH_YEAR = 1990;
    private static final int MAX_GUARDIANS = 10;

    private PatientMapping() {
    }

    /** The two parts of the child's record. */
    record Child(ChildShared shared, ChildProtected identity) {
    }

    /**
     * Maps the Patient; the age band is computed on {@code onDate}, the day the card was sent
     * (UTC). With {@code identified}, a Patient without a name and without an identifier is refused.
     */
    static Child child(Patient patient, LocalDate onDate, boolean identified) {
        Names names = names(patient);
        Identifiers ids = identifiers(patient);
        if (identified && names.isEmpty() && ids.isEmpty()) {
            throw missing(PATIENT + ".name", "the Patient needs a name or an identifier (cnie, etat-civil, school"
                    + " or court-file) so that the hub can link the card to the child");
        }
        Birth birth = birth(patient, onDate);
        Address address = address(patient);
        ChildShared shared = new ChildShared(null, sex(patient), birth.band(), birth.year(),
                address == null ? null : address.province(), disability(patient));
        ChildProtected identity = new ChildProtected(names.familyLatin(), names.givenLatin(), names.familyArabic(),
                names.givenArabic(), birth.date(), guardians(patient), address, phone(patient.getTelecom(),
                PATIENT + ".telecom"), ids.nationalId(), ids.civilStatusNumber(), ids.schoolCode(),
                ids.courtFileNumber());
        return new Child(shared, identity);
    }

    private static Sex sex(Patient patient) {
        if (!patient.hasGender()) {
            throw missing(PATIENT + ".gender", "female, male, other or unknown");
        }
        return Coded.parse(Sex.class, patient.getGender().toCode(), PATIENT + ".gender");
    }

    private static Boolean disability(Patient patient) {
        return FhirValues.extensionBoolean(patient.getExtension(), RabtFhir.EXT_DISABILITY,
                PATIENT + ".extension[disability]").orElse(null);
    }

    // ---------------------------------------------------------------- birth date and age band

    private record Birth(LocalDate date, Integer year, AgeBand band) {
    }

    /**
     * A full birth date gives the band directly. A year or year-month (FHIR allows them, e.g. for a
     * child without civil registration) gives a band only when every possible date falls in the
     * same band, otherwise {@code unknown}.
     */
    private static Birth birth(Patient patient, LocalDate onDate) {
        if (!patient.hasBirthDate()) {
            return new Birth(null, null, AgeBand.UNKNOWN);
        }
        String field = PATIENT + ".birthDate";
        String value = patient.getBirthDateElement().getValueAsString();
        TemporalPrecisionEnum precision = patient.getBirthDateElement().getPrecision();
        LocalDate earliest;
        LocalDate latest;
        LocalDate exact = null;
        if (precision == TemporalPrecisionEnum.YEAR) {
            earliest = LocalDate.of(Integer.parseInt(value.substring(0, 4)), 1, 1);
            latest = earliest.withDayOfYear(earliest.lengthOfYear());
        } else if (precision == TemporalPrecisionEnum.MONTH) {
            YearMonth month = YearMonth.parse(value.substring(0, 7));
            earliest = month.atDay(1);
            latest = month.atEndOfMonth();
        } else {
            exact = LocalDate.parse(value.substring(0, 10));
            earliest = exact;
            latest = exact;
        }
        if (earliest.getYear() < EARLIEST_BIRTH_YEAR) {
            throw MappingException.invalid(field, "'" + value + "' is before " + EARLIEST_BIRTH_YEAR
                    + ": a card concerns a child");
        }
        if (earliest.isAfter(onDate)) {
            throw MappingException.invalid(field, "'" + value + "' is after the day the card was sent (" + onDate + ")");
        }
        AgeBand oldest = AgeBand.of(earliest, onDate);
        AgeBand youngest = AgeBand.of(latest.isAfter(onDate) ? onDate : latest, onDate);
        return new Birth(exact, earliest.getYear(), oldest == youngest ? oldest : AgeBand.UNKNOWN);
    }

    // ---------------------------------------------------------------- names

    private record Name(String family, String given) {
    }

    private record Names(Name latin, Name arabic) {

        boolean isEmpty() {
            return latin == null && arabic == null;
        }

        String familyLatin() {
            return latin == null ? null : latin.family();
        }

        String givenLatin() {
            return latin == null ? null : latin.given();
        }

        String familyArabic() {
            return arabic == null ? null : arabic.family();
        }

        String givenArabic() {
            return arabic == null ? null : arabic.given();
        }
    }

    private enum Script { LATIN, ARABIC }

    /** The first current name in each script; the language extension tells the script (none means Latin). */
    private static Names names(Patient patient) {
        Name latin = null;
        Name arabic = null;
        List<HumanName> names = patient.getName();
        for (int i = 0; i < names.size(); i++) {
            HumanName name = names.get(i);
            if (name.getUse() == HumanName.NameUse.OLD) {
                continue;
            }
            String field = PATIENT + ".name[" + i + "]";
            Script script = script(name, field);
            if (script == Script.LATIN && latin == null) {
                latin = familyAndGiven(name, field);
            } else if (script == Script.ARABIC && arabic == null) {
                arabic = familyAndGiven(name, field);
            }
        }
        return new Names(latin, arabic);
    }

    /** A BCP 47 tag: its script subtag if any (Latn, Arab), else its language (fr, ar). */
    private static Script script(HumanName name, String field) {
        String extensionField = field + ".extension[language]";
        String tag = FhirValues.extensionCode(name.getExtension(), RabtFhir.EXT_LANGUAGE, extensionField).orElse("fr");
        List<String> subtags = List.of(tag.toLowerCase(Locale.ROOT).split("-"));
        if (subtags.contains("latn")) {
            return Script.LATIN;
        }
        if (subtags.contains("arab")) {
            return Script.ARABIC;
        }
        return switch (subtags.get(0)) {
            case "fr" -> Script.LATIN;
            case "ar" -> Script.ARABIC;
            default -> throw MappingException.invalid(extensionField, "'" + tag + "' is not accepted: use fr (or no"
                    + " extension) for a name in Latin script, ar for a name in Arabic script");
        };
    }

    private static Name familyAndGiven(HumanName name, String field) {
        if (!name.hasFamily() && !name.hasGiven()) {
            throw missing(field + ".family", "a name needs a family or a given part (text alone cannot be split)");
        }
        String given = name.getGiven().stream().map(StringType::getValue).collect(Collectors.joining(" "));
        return new Name(text(name.getFamily(), 100, field + ".family"), text(given, 100, field + ".given"));
    }

    // ---------------------------------------------------------------- identifiers

    private record Identifiers(String nationalId, String civilStatusNumber, String schoolCode,
                               String courtFileNumber) {

        boolean isEmpty() {
            return nationalId == null && civilStatusNumber == null && schoolCode == null && courtFileNumber == null;
        }
    }

    /** The first identifier of each known system; identifiers of other systems are not carried. */
    private static Identifiers identifiers(Patient patient) {
        String nationalId = null;
        String civilStatus = null;
        String school = null;
        String courtFile = null;
        List<Identifier> identifiers = patient.getIdentifier();
        for (int i = 0; i < identifiers.size(); i++) {
            Identifier identifier = identifiers.get(i);
            String field = PATIENT + ".identifier[" + i + "].value";
            String system = identifier.getSystem() == null ? "" : identifier.getSystem();
            switch (system) {
                case RabtFhir.CNIE -> nationalId = nationalId != null ? nationalId : nationalId(identifier, field);
                case RabtFhir.ETAT_CIVIL -> civilStatus = civilStatus != null ? civilStatus
                        : text(identifier.getValue(), 40, field);
                case RabtFhir.SCHOOL_ID -> school = school != null ? school : text(identifier.getValue(), 40, field);
                case RabtFhir.COURT_FILE -> courtFile = courtFile != null ? courtFile
                        : text(identifier.getValue(), 60, field);
                default -> {
                    // a hospital's own record number, for instance: not carried across sectors
                }
            }
        }
        return new Identifiers(nationalId, civilStatus, school, courtFile);
    }

    private static String nationalId(Identifier identifier, String field) {
        String value = text(identifier.getValue(), 40, field);
        if (value != null && !NATIONAL_ID.matcher(value).matches()) {
            throw MappingException.invalid(field, "'" + value + "' is not a CNIE number (one or two capital letters"
                    + " and up to eight digits)");
        }
        return value;
    }

    // ---------------------------------------------------------------- address, phone, guardians

    private static Address address(Patient patient) {
        if (!patient.hasAddress()) {
            return null;
        }
        String field = PATIENT + ".address[0]";
        org.hl7.fhir.r4.model.Address address = patient.getAddress().get(0);
        String line = address.getLine().stream().map(StringType::getValue).filter(l -> l != null && !l.isBlank())
                .collect(Collectors.joining(", "));
        Address mapped = new Address(text(line, 300, field + ".line"), text(address.getCity(), 100, field + ".city"),
                FhirValues.province(address.getState(), field + ".state"));
        return mapped.line() == null && mapped.city() == null && mapped.province() == null ? null : mapped;
    }

    /** The first phone number among {@code telecom} (whose location is {@code field}). */
    private static String phone(List<ContactPoint> telecom, String field) {
        for (int i = 0; i < telecom.size(); i++) {
            if (telecom.get(i).getSystem() == ContactPoint.ContactPointSystem.PHONE && telecom.get(i).hasValue()) {
                return FhirValues.phone(telecom.get(i).getValue(), field + "[" + i + "].value");
            }
        }
        return null;
    }

    /** Contacts with an HL7 v3 RoleCode relationship (MTH, FTH, GUARD, ...); other contacts are not guardians. */
    private static List<Guardian> guardians(Patient patient) {
        List<Guardian> guardians = new ArrayList<>();
        List<Patient.ContactComponent> contacts = patient.getContact();
        for (int i = 0; i < contacts.size(); i++) {
            Patient.ContactComponent contact = contacts.get(i);
            String field = PATIENT + ".contact[" + i + "]";
            var relationship = FhirValues.coding(contact.getRelationship(), RabtFhir.ROLE_CODE, field + ".relationship");
            if (relationship.isEmpty()) {
                continue;
            }
            String role = relationship.get().code();
            if (!ROLE.matcher(role).matches()) {
                throw MappingException.invalid(relationship.get().path() + ".code",
                        "'" + role + "' is not an HL7 v3 RoleCode such as MTH, FTH or GUARD");
            }
            guardians.add(new Guardian(role, guardianName(contact.getName(), field + ".name"),
                    phone(contact.getTelecom(), field + ".telecom")));
        }
        if (guardians.size() > MAX_GUARDIANS) {
            throw MappingException.invalid(PATIENT + ".contact", guardians.size() + " guardians, at most "
                    + MAX_GUARDIANS + " are accepted");
        }
        return guardians;
    }

    private static String guardianName(HumanName name, String field) {
        if (name.hasText()) {
            return text(name.getText(), 100, field + ".text");
        }
        String parts = (name.getGivenAsSingleString() + " " + (name.hasFamily() ? name.getFamily() : "")).strip();
        return text(parts, 100, field);
    }
}
