package org.rabt.mappings;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.rabt.mappings.Minimisation.IdentityField.ADDRESS;
import static org.rabt.mappings.Minimisation.IdentityField.BIRTH_DATE;
import static org.rabt.mappings.Minimisation.IdentityField.CIVIL_STATUS_NUMBER;
import static org.rabt.mappings.Minimisation.IdentityField.COURT_FILE_NUMBER;
import static org.rabt.mappings.Minimisation.IdentityField.GUARDIANS;
import static org.rabt.mappings.Minimisation.IdentityField.NAMES;
import static org.rabt.mappings.Minimisation.IdentityField.NATIONAL_ID;
import static org.rabt.mappings.Minimisation.IdentityField.PHONE;
import static org.rabt.mappings.Minimisation.IdentityField.SCHOOL_CODE;

import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rabt.mappings.Minimisation.IdentityField;
import org.rabt.mappings.cpm.Attachment;
import org.rabt.mappings.cpm.AttachmentType;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.Header;
import org.rabt.mappings.cpm.LegalBasis;
import org.rabt.mappings.cpm.Party;
import org.rabt.mappings.cpm.RequestedService;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.education.EducationFormat;
import org.rabt.mappings.freeline.FreelineFormat;
import org.rabt.mappings.gendarmerie.GendarmerieFormat;
import org.rabt.mappings.health.HealthExamples;
import org.rabt.mappings.health.HealthFormat;
import org.rabt.mappings.justice.JusticeFormat;
import org.rabt.mappings.labour.LabourFormat;
import org.rabt.mappings.police.PoliceFormat;
import org.rabt.mappings.social.SocialFormat;

/**
 * The tables of {@code docs/minimisation.md}, checked on the wire: for every sender and every
 * receiver among the external sectors, a card carrying everything ({@link CardCarryingEverything},
 * with one document of each type) addressed to the receiver goes through the receiver's real
 * format, and none of the values the tables forbid that receiver appears in the bytes. The tables
 * are written out again below, from the document, rather than read from {@link Minimisation}: the
 * test checks the code against the document, not against itself.
 */
class MinimisationMatrixTest {

    private static final Set<SectorId> EXTERNAL = EnumSet.complementOf(EnumSet.of(SectorId.CENTRE));

    private static final Map<SectorId, SectorFormat> FORMATS = formats();

    // ------------------------------------------------------------ the tables of docs/minimisation.md

    /** "The child's identity": what each receiver may get ("yes"); court file for the forces apart. */
    private static final Map<SectorId, Set<IdentityField>> IDENTITY_ALLOWED = Map.of(
            SectorId.HEALTH, EnumSet.of(NAMES, BIRTH_DATE, GUARDIANS, ADDRESS, PHONE, NATIONAL_ID, CIVIL_STATUS_NUMBER),
            SectorId.JUSTICE, EnumSet.of(NAMES, BIRTH_DATE, GUARDIANS, ADDRESS, PHONE, NATIONAL_ID, CIVIL_STATUS_NUMBER,
                    COURT_FILE_NUMBER),
            // court file number "only under a judicial order": see FORCES below
            SectorId.POLICE, EnumSet.of(NAMES, BIRTH_DATE, GUARDIANS, ADDRESS, PHONE, NATIONAL_ID, CIVIL_STATUS_NUMBER),
            SectorId.GENDARMERIE, EnumSet.of(NAMES, BIRTH_DATE, GUARDIANS, ADDRESS, PHONE, NATIONAL_ID,
                    CIVIL_STATUS_NUMBER),
            SectorId.SOCIAL, EnumSet.of(NAMES, BIRTH_DATE, GUARDIANS, ADDRESS, PHONE, CIVIL_STATUS_NUMBER),
            SectorId.EDUCATION, EnumSet.of(NAMES, BIRTH_DATE, GUARDIANS, SCHOOL_CODE),
            SectorId.LABOUR, EnumSet.of(NAMES, BIRTH_DATE, GUARDIANS, ADDRESS),
            SectorId.FREELINE, EnumSet.noneOf(IdentityField.class));

    /** The receivers that get the court file number when, and only when, the card is under a judicial order. */
    private static final Set<SectorId> FORCES = EnumSet.of(SectorId.POLICE, SectorId.GENDARMERIE);

    /** "Forms of harm and documents": the receivers that never learn that a concern is sexual. */
    private static final Set<SectorId> NO_SEXUAL_NATURE = EnumSet.of(SectorId.EDUCATION, SectorId.LABOUR,
            SectorId.FREELINE);

    /** "Forms of harm and documents": the documents each receiver may learn of. */
    private static final Map<SectorId, Set<AttachmentType>> DOCUMENTS_ALLOWED = Map.of(
            SectorId.HEALTH, EnumSet.of(AttachmentType.MEDICAL_CERTIFICATE, AttachmentType.FORENSIC_CERTIFICATE,
                    AttachmentType.SOCIAL_REPORT, AttachmentType.OTHER),
            SectorId.JUSTICE, EnumSet.complementOf(EnumSet.of(AttachmentType.SCHOOL_REPORT)),
            SectorId.POLICE, EnumSet.of(AttachmentType.FORENSIC_CERTIFICATE, AttachmentType.POLICE_REPORT,
                    AttachmentType.COURT_DECISION),
            SectorId.GENDARMERIE, EnumSet.of(AttachmentType.FORENSIC_CERTIFICATE, AttachmentType.POLICE_REPORT,
                    AttachmentType.COURT_DECISION),
            SectorId.SOCIAL, EnumSet.of(AttachmentType.SOCIAL_REPORT, AttachmentType.SCHOOL_REPORT),
            SectorId.EDUCATION, EnumSet.of(AttachmentType.SCHOOL_REPORT),
            SectorId.LABOUR, EnumSet.noneOf(AttachmentType.class),
            SectorId.FREELINE, EnumSet.noneOf(AttachmentType.class));

    // ------------------------------------------------------------ the markers planted in the card

    /** The values of {@link CardCarryingEverything} that betray each identity field, as they may be written. */
    private static final Map<IdentityField, List<String>> IDENTITY_MARKERS = identityMarkers();

    /** How a concern's sexual nature would be written: French, English and Arabic codes and labels. */
    private static final List<String> SEXUAL_MARKERS = List.of("sexu", "جنسي");

    // ------------------------------------------------------------ the matrix

    static Stream<Arguments> senderAndReceiver() {
        return EXTERNAL.stream().flatMap(sender -> EXTERNAL.stream().filter(receiver -> receiver != sender)
                .map(receiver -> Arguments.of(named(sender), named(receiver))));
    }

    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource("senderAndReceiver")
    void aCardCarryingEverythingPutsOnTheWireNothingTheTablesForbidTheReceiver(SectorId sender, SectorId receiver) {
        String wire = wire(everything(sender, receiver, LegalBasis.JUDICIAL_ORDER), receiver);

        assertThat(found(wire, forbidden(receiver, LegalBasis.JUDICIAL_ORDER)))
                .as("what %s must not receive, found in what its format sends", receiver)
                .isEmpty();
    }

    static Stream<Arguments> senderAndForce() {
        return EXTERNAL.stream().flatMap(sender -> FORCES.stream().filter(force -> force != sender)
                .map(force -> Arguments.of(named(sender), named(force))));
    }

    @ParameterizedTest(name = "{0} to {1}, without a judicial order")
    @MethodSource("senderAndForce")
    void theForcesGetTheCourtFileNumberOnlyUnderAJudicialOrder(SectorId sender, SectorId force) {
        for (LegalBasis basis : EnumSet.complementOf(EnumSet.of(LegalBasis.JUDICIAL_ORDER))) {
            String wire = wire(everything(sender, force, basis), force);

            assertThat(found(wire, forbidden(force, basis))).as("%s, legal basis %s", force, basis.code()).isEmpty();
        }
    }

    /** The search finds what is there: otherwise the matrix would pass on any output. */
    @Nested
    class TheSearchOfTheWire {

        @Test
        void findsTheIdentityTheFilesAndTheDocumentsJusticeMayGet() {
            String wire = wire(everything(SectorId.HEALTH, SectorId.JUSTICE, LegalBasis.JUDICIAL_ORDER),
                    SectorId.JUSTICE);

            assertThat(found(wire, allMarkers()).keySet()).contains("names", "birth date", "national id",
                    "court file number", "document forensic-certificate", "sexual nature");
        }

        @Test
        void findsTheCourtFileNumberThePoliceGetUnderAJudicialOrder() {
            String wire = wire(everything(SectorId.SOCIAL, SectorId.POLICE, LegalBasis.JUDICIAL_ORDER),
                    SectorId.POLICE);

            assertThat(found(wire, allMarkers()).keySet()).contains("court file number", "document police-report");
        }

        @Test
        void findsTheDocumentsHealthMayGetInItsFhirSpelling() {
            String wire = wire(everything(SectorId.JUSTICE, SectorId.HEALTH, LegalBasis.JUDICIAL_ORDER),
                    SectorId.HEALTH);

            assertThat(found(wire, allMarkers()).keySet()).contains("names", "national id",
                    "document forensic-certificate", "document medical-certificate");
        }

        @Test
        void findsTheSchoolCodeEducationNeeds() {
            String wire = wire(everything(SectorId.SOCIAL, SectorId.EDUCATION, LegalBasis.JUDICIAL_ORDER),
                    SectorId.EDUCATION);

            assertThat(found(wire, allMarkers()).keySet()).contains("names", "school code",
                    "document school-report");
        }
    }

    // ------------------------------------------------------------ the card, the wire, the search

    /**
     * {@link CardCarryingEverything} sent by {@code sender} to {@code receiver} under {@code basis},
     * with one document of each type, each with its own SHA-256 marker.
     */
    private static ChildProtectionMessage everything(SectorId sender, SectorId receiver, LegalBasis basis) {
        ChildProtectionMessage card = CardCarryingEverything.addressedTo(receiver);
        Header h = card.header();
        Header header = new Header(h.messageId(), h.cardType(), h.schemaVersion(), h.caseReference(),
                h.correlationId(), h.sentAt(), h.dueBy(), h.priority(), new Party(sender, null, null, "MA-CAS"),
                h.receiver(), h.purposeOfUse(), basis, h.confidentiality());
        List<Attachment> documents = Arrays.stream(AttachmentType.values())
                .map(type -> new Attachment(type, "Pièce " + type.code(), "application/pdf", 1024 + type.ordinal(),
                        sha256Marker(type)))
                .toList();
        // health's profile carries exactly one service asked of health: there, the forensic examination alone
        List<RequestedService> services = receiver == SectorId.HEALTH
                ? card.requestedServices().stream().limit(1).toList()
                : card.requestedServices();
        return new ChildProtectionMessage(header, card.child(), card.childProtected(), card.concerns(), card.pathway(),
                services, card.consent(), documents, card.status());
    }

    /** A sector shown by its code in the test's name: "health to education". */
    private static Named<SectorId> named(SectorId sector) {
        return Named.of(sector.code(), sector);
    }

    private static String wire(ChildProtectionMessage card, SectorId receiver) {
        return new String(FORMATS.get(receiver).fromCpm(card), UTF_8);
    }

    /** What the tables forbid {@code receiver}, by name, with the markers that would betray it. */
    private static Map<String, List<String>> forbidden(SectorId receiver, LegalBasis basis) {
        Map<String, List<String>> forbidden = new LinkedHashMap<>();
        Set<IdentityField> allowed = EnumSet.copyOf(IDENTITY_ALLOWED.get(receiver));
        if (FORCES.contains(receiver) && basis == LegalBasis.JUDICIAL_ORDER) {
            allowed.add(COURT_FILE_NUMBER);
        }
        for (IdentityField field : EnumSet.complementOf(EnumSet.copyOf(allowed))) {
            forbidden.put(name(field), IDENTITY_MARKERS.get(field));
        }
        if (NO_SEXUAL_NATURE.contains(receiver)) {
            forbidden.put("sexual nature", SEXUAL_MARKERS);
        }
        for (AttachmentType type : EnumSet.complementOf(EnumSet.copyOf(DOCUMENTS_ALLOWED.get(receiver)))) {
            forbidden.put("document " + type.code(), spellings(sha256Marker(type)));
        }
        // "only the requested services addressed to it": the forensic examination is asked of health
        if (receiver != SectorId.HEALTH) {
            forbidden.put("health's service", List.of(CardCarryingEverything.SERVICE_REASON));
        }
        if (NO_SEXUAL_NATURE.contains(receiver)) {
            // the status's free texts may tell what a forensic examination found
            forbidden.put("the status's outcome", List.of(CardCarryingEverything.OUTCOME));
            forbidden.put("the other sector's status words", List.of(CardCarryingEverything.BUSINESS_STATUS));
        }
        return forbidden;
    }

    private static Map<String, List<String>> allMarkers() {
        Map<String, List<String>> all = new LinkedHashMap<>();
        IDENTITY_MARKERS.forEach((field, markers) -> all.put(name(field), markers));
        all.put("sexual nature", SEXUAL_MARKERS);
        for (AttachmentType type : AttachmentType.values()) {
            all.put("document " + type.code(), spellings(sha256Marker(type)));
        }
        return all;
    }

    /**
     * Which of {@code what} the wire betrays, with the markers found. The wire is searched as text,
     * ignoring case and white space, with JSON's {@code \}{@code uXXXX} escapes undone, so a value
     * cannot hide behind its spelling.
     */
    private static Map<String, List<String>> found(String wire, Map<String, List<String>> what) {
        String text = normalised(unescaped(wire));
        Map<String, List<String>> found = new LinkedHashMap<>();
        what.forEach((name, markers) -> {
            List<String> present = markers.stream().filter(marker -> text.contains(normalised(marker))).toList();
            if (!present.isEmpty()) {
                found.put(name, present);
            }
        });
        return found;
    }

    private static String normalised(String text) {
        return text.replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static final Pattern JSON_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

    private static String unescaped(String wire) {
        Matcher escape = JSON_ESCAPE.matcher(wire);
        StringBuilder text = new StringBuilder();
        while (escape.find()) {
            escape.appendReplacement(text,
                    Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(escape.group(1), 16))));
        }
        return escape.appendTail(text).toString();
    }

    private static Map<IdentityField, List<String>> identityMarkers() {
        Map<IdentityField, List<String>> markers = new EnumMap<>(IdentityField.class);
        markers.put(NAMES, List.of(CardCarryingEverything.FAMILY_NAME_LATIN, CardCarryingEverything.GIVEN_NAME_LATIN,
                CardCarryingEverything.FAMILY_NAME_ARABIC, CardCarryingEverything.GIVEN_NAME_ARABIC));
        markers.put(BIRTH_DATE, List.of(CardCarryingEverything.BIRTH_DATE, "19/07/2013"));
        markers.put(GUARDIANS, List.of(CardCarryingEverything.GUARDIAN_NAME, CardCarryingEverything.GUARDIAN_PHONE));
        markers.put(ADDRESS, List.of(CardCarryingEverything.ADDRESS_LINE));
        markers.put(PHONE, List.of(CardCarryingEverything.CHILD_PHONE));
        markers.put(NATIONAL_ID, List.of(CardCarryingEverything.NATIONAL_ID));
        markers.put(CIVIL_STATUS_NUMBER, List.of(CardCarryingEverything.CIVIL_STATUS_NUMBER));
        markers.put(SCHOOL_CODE, List.of(CardCarryingEverything.SCHOOL_CODE));
        markers.put(COURT_FILE_NUMBER, List.of(CardCarryingEverything.COURT_FILE_NUMBER));
        return markers;
    }

    private static String name(IdentityField field) {
        return field.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /** A SHA-256 no real document has: the type's ordinal + 1, as a hex digit, 64 times. */
    private static String sha256Marker(AttachmentType type) {
        return String.valueOf(Character.forDigit(type.ordinal() + 1, 16)).repeat(64);
    }

    /** A SHA-256 in hex (the JSON and XML formats) and in base64 (FHIR's Attachment.hash). */
    private static List<String> spellings(String sha256Hex) {
        byte[] bytes = HexFormat.of().parseHex(sha256Hex);
        return List.of(sha256Hex, Base64.getEncoder().encodeToString(bytes));
    }

    private static Map<SectorId, SectorFormat> formats() {
        Map<SectorId, SectorFormat> formats = new EnumMap<>(SectorId.class);
        for (SectorFormat format : List.of(new HealthFormat(HealthExamples.r4()), new JusticeFormat(),
                new PoliceFormat(), new GendarmerieFormat(), new SocialFormat(), new EducationFormat(),
                new LabourFormat(), new FreelineFormat())) {
            formats.put(format.sector(), format);
        }
        assertThat(formats.keySet()).as("a format for every external sector").isEqualTo(EXTERNAL);
        return formats;
    }
}
