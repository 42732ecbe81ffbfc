package org.rabt.mappings.education;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.rabt.mappings.education.EducationExamples.LINKAGE_SALE;
import static org.rabt.mappings.education.EducationExamples.RECEIVED_CASABLANCA;
import static org.rabt.mappings.education.EducationExamples.REPORTING_TANGIER;
import static org.rabt.mappings.education.EducationExamples.edited;
import static org.rabt.mappings.education.EducationExamples.example;
import static org.rabt.mappings.education.EducationExamples.fixture;
import static org.rabt.mappings.education.EducationExamples.tree;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rabt.mappings.MappingError;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.Minimisation;
import org.rabt.mappings.StatusReport;
import org.rabt.mappings.cpm.AgeBand;
import org.rabt.mappings.cpm.Attachment;
import org.rabt.mappings.cpm.AttachmentType;
import org.rabt.mappings.cpm.CardType;
import org.rabt.mappings.cpm.Certainty;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.Concern;
import org.rabt.mappings.cpm.ConcernCode;
import org.rabt.mappings.cpm.Confidentiality;
import org.rabt.mappings.cpm.Consent;
import org.rabt.mappings.cpm.CpmSchema;
import org.rabt.mappings.cpm.EntryChannel;
import org.rabt.mappings.cpm.Guardian;
import org.rabt.mappings.cpm.Header;
import org.rabt.mappings.cpm.LegalBasis;
import org.rabt.mappings.cpm.Party;
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
import org.rabt.mappings.french.FrenchCodes;
import org.rabt.mappings.json.SectorJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class EducationFormatTest {

    static final EducationFormat FORMAT = new EducationFormat();
    static final CpmSchema CPM_SCHEMA = new CpmSchema();
    /** A pseudonym the CPM schema accepts: the hub assigns the real one after mapping. */
    static final String PSEUDONYM = "AAAAAAAAAAAAAAAAAAAAAAAAAAA";

    static ChildProtectionMessage toCpm(String example) {
        return FORMAT.toCpm(example(example));
    }

    static MappingException refusal(byte[] body) {
        MappingException e = catchThrowableOfType(MappingException.class, () -> FORMAT.toCpm(body));
        assertThat(e).as("a MappingException").isNotNull();
        return e;
    }

    static MappingException refusal(String example, java.util.function.Consumer<ObjectNode> edit) {
        return refusal(edited(example, edit));
    }

    static ObjectNode eleve(ObjectNode card) {
        return (ObjectNode) card.get("eleve");
    }

    @Nested
    class TheFormat {

        @Test
        void isTheEducationSectorsJson() {
            assertThat(FORMAT.sector()).isEqualTo(SectorId.EDUCATION);
            assertThat(FORMAT.mediaType()).isEqualTo("application/json");
        }
    }

    @Nested
    class CardsASchoolSends {

        @ParameterizedTest
        @ValueSource(strings = {REPORTING_TANGIER, LINKAGE_SALE})
        void mapToACpmThatPassesTheCpmSchemaOnceThePseudonymIsSet(String name) {
            ChildProtectionMessage cpm = toCpm(name);

            assertThat(cpm.child().pseudonym()).isNull();
            assertThat(cpm.header().schemaVersion()).isEqualTo(ChildProtectionMessage.SCHEMA_VERSION);
            assertThatCode(() -> CPM_SCHEMA.validate(cpm.withPseudonym(PSEUDONYM))).doesNotThrowAnyException();
        }

        @Test
        void reportingCardCarriesItsHeaderFromTheSchoolToTheCentre() {
            Header header = toCpm(REPORTING_TANGIER).header();

            assertThat(header.messageId()).isEqualTo(UUID.fromString("11e001d3-3f1a-4046-9caa-bcd0c2851a57"));
            assertThat(header.cardType()).isEqualTo(CardType.REPORTING);
            assertThat(header.sentAt()).isEqualTo(Instant.parse("2026-11-27T10:20:00Z"));
            assertThat(header.dueBy()).isEqualTo(LocalDate.parse("2026-11-30"));
            assertThat(header.priority()).isEqualTo(Priority.URGENT);
            assertThat(header.sender()).isEqualTo(new Party(SectorId.EDUCATION, "Collège Ibn Battouta, Tanger",
                    "Cellule d'écoute et de médiation", "MA-TNG"));
            assertThat(header.receiver()).isEqualTo(new Party(SectorId.CENTRE,
                    "Centre d'accompagnement pour la protection de l'enfance de Tanger-Assilah", null, "MA-TNG"));
            assertThat(header.purposeOfUse()).isEqualTo(PurposeOfUse.CHILD_PROTECTION);
            assertThat(header.legalBasis()).isEqualTo(LegalBasis.BEST_INTEREST);
            assertThat(header.confidentiality()).isEqualTo(Confidentiality.VERY_RESTRICTED);
            assertThat(header.caseReference()).isNull();
            assertThat(header.correlationId()).isNull();
        }

        @Test
        void reportingCardCarriesThePupilBothPartsWithTheAgeBandOfTheSendingDay() {
            ChildProtectionMessage cpm = toCpm(REPORTING_TANGIER);

            assertThat(cpm.child().sex()).isEqualTo(Sex.MALE);
            assertThat(cpm.child().ageBand()).isEqualTo(AgeBand.FROM_10_TO_14);
            assertThat(cpm.child().birthYear()).isEqualTo(2013);
            assertThat(cpm.child().province()).isEqualTo("MA-TNG");
            assertThat(cpm.child().disability()).isFalse();
            assertThat(cpm.childProtected().schoolCode()).isEqualTo("G135078412");
            assertThat(cpm.childProtected().familyNameLatin()).isEqualTo("El Idrissi");
            assertThat(cpm.childProtected().givenNameLatin()).isEqualTo("Youssef");
            assertThat(cpm.childProtected().familyNameArabic()).isEqualTo("الإدريسي");
            assertThat(cpm.childProtected().givenNameArabic()).isEqualTo("يوسف");
            assertThat(cpm.childProtected().birthDate()).isEqualTo(LocalDate.parse("2013-05-17"));
            assertThat(cpm.childProtected().address().line()).isEqualTo("Hay Bni Makada, rue 45, n° 12");
            assertThat(cpm.childProtected().address().province()).isEqualTo("MA-TNG");
            assertThat(cpm.childProtected().guardians()).containsExactly(
                    new Guardian("FTH", "Mohamed El Idrissi", "+212 600 112 233"),
                    new Guardian("MTH", "Naima Zerhouni", null));
            assertThat(cpm.childProtected().nationalId()).isNull();
            assertThat(cpm.childProtected().courtFileNumber()).isNull();
        }

        @Test
        void reportingCardCarriesConcernsPathwayServiceAttachmentAndStatus() {
            ChildProtectionMessage cpm = toCpm(REPORTING_TANGIER);

            assertThat(cpm.concerns()).containsExactly(
                    new Concern(ConcernCode.PHYSICAL_VIOLENCE, Certainty.SUSPECTED, Setting.FAMILY, RiskLevel.HIGH, true),
                    new Concern(ConcernCode.NEGLECT, Certainty.SUSPECTED, Setting.FAMILY, RiskLevel.MEDIUM, false));
            assertThat(cpm.pathway().stage()).isEqualTo(PathwayStage.DETECTION);
            assertThat(cpm.pathway().entryChannel()).isEqualTo(EntryChannel.SCHOOL);
            assertThat(cpm.requestedServices()).singleElement().satisfies(service -> {
                assertThat(service.serviceCode()).isEqualTo("situation-assessment");
                assertThat(service.target().sector()).isEqualTo(SectorId.CENTRE);
                assertThat(service.target().service()).isEqualTo("Cellule des services");
                assertThat(service.reason()).startsWith("Ecchymoses au bras");
                assertThat(service.dueDate()).isEqualTo(LocalDate.parse("2026-11-30"));
            });
            assertThat(cpm.attachments()).containsExactly(new Attachment(AttachmentType.SCHOOL_REPORT,
                    "Note de la cellule d'écoute du 26 novembre 2026", "application/pdf", 48_213,
                    "2d4f3bc714c66dbf99b23fd1a2436b810e98b999a469348ff326e28141390e47"));
            assertThat(cpm.consent()).isNull();
            assertThat(cpm.status()).isEqualTo(Status.requested());
        }

        @Test
        void linkageCardToHealthCarriesCaseReferenceTheCardItFollowsAndTheMothersConsent() {
            ChildProtectionMessage cpm = toCpm(LINKAGE_SALE);

            assertThat(cpm.header().cardType()).isEqualTo(CardType.LINKAGE);
            assertThat(cpm.header().caseReference()).isEqualTo("SAL-2026-000188");
            assertThat(cpm.header().correlationId()).isEqualTo(UUID.fromString("ed548d02-d092-4b3b-b0ca-0af935be0fd8"));
            assertThat(cpm.header().receiver().sector()).isEqualTo(SectorId.HEALTH);
            assertThat(cpm.header().priority()).isEqualTo(Priority.ROUTINE);
            assertThat(cpm.header().purposeOfUse()).isEqualTo(PurposeOfUse.MEDICAL_CARE);
            assertThat(cpm.header().legalBasis()).isEqualTo(LegalBasis.CONSENT);
            assertThat(cpm.consent()).isEqualTo(new Consent("MTH", Instant.parse("2026-11-30T15:00:00Z"),
                    List.of(SectorId.EDUCATION, SectorId.HEALTH, SectorId.CENTRE), null));
            assertThat(cpm.child().sex()).isEqualTo(Sex.FEMALE);
            assertThat(cpm.child().ageBand()).isEqualTo(AgeBand.FROM_15_TO_17);
            assertThat(cpm.child().disability()).isNull();
            assertThat(cpm.childProtected().schoolCode()).isEqualTo("J130012345");
            assertThat(cpm.concerns()).extracting(Concern::code)
                    .containsExactly(ConcernCode.PSYCHOLOGICAL_VIOLENCE, ConcernCode.ONLINE_ABUSE);
            assertThat(cpm.concerns().get(0).setting()).isEqualTo(Setting.SCHOOL);
            assertThat(cpm.pathway().stage()).isEqualTo(PathwayStage.ACCOMPANIMENT_AND_CARE);
            assertThat(cpm.requestedServices()).extracting(RequestedService::serviceCode)
                    .containsExactly("psychological-care");
            assertThat(cpm.attachments()).isEmpty();
        }

        @Test
        void consentGivenByTheChildIsCarriedAsChild() {
            ChildProtectionMessage cpm = FORMAT.toCpm(edited(LINKAGE_SALE,
                    card -> ((ObjectNode) card.get("consentement")).put("donnePar", "enfant")));

            assertThat(cpm.consent().givenBy()).isEqualTo("child");
        }

        @Test
        void withoutStatutTheCardIsARequest() {
            ChildProtectionMessage cpm = FORMAT.toCpm(edited(REPORTING_TANGIER, card -> card.remove("statut")));

            assertThat(cpm.status()).isEqualTo(Status.requested());
        }

        @Test
        void followUpCardMayStateWhereTheReferralStands() {
            ChildProtectionMessage cpm = FORMAT.toCpm(edited(REPORTING_TANGIER, card -> {
                card.put("typeCarte", "suivi");
                ((ObjectNode) card.get("statut")).put("code", "in-progress").put("statutMetier", "en-cours");
            }));

            assertThat(cpm.header().cardType()).isEqualTo(CardType.FOLLOW_UP);
            assertThat(cpm.status()).isEqualTo(new Status(TaskStatus.IN_PROGRESS, "en-cours", null));
        }

        @Test
        void withoutBirthDateTheStatedAgeBandAndYearAreKept() {
            ChildProtectionMessage cpm = FORMAT.toCpm(edited(REPORTING_TANGIER, card -> {
                eleve(card).remove("dateNaissance");
                eleve(card).put("trancheAge", "10-14").put("anneeNaissance", 2014);
            }));

            assertThat(cpm.child().ageBand()).isEqualTo(AgeBand.FROM_10_TO_14);
            assertThat(cpm.child().birthYear()).isEqualTo(2014);
            assertThat(cpm.childProtected().birthDate()).isNull();
        }

        @Test
        void withoutBirthDateNorAgeBandTheBandIsUnknown() {
            ChildProtectionMessage cpm = FORMAT.toCpm(edited(REPORTING_TANGIER, card -> eleve(card).remove("dateNaissance")));

            assertThat(cpm.child().ageBand()).isEqualTo(AgeBand.UNKNOWN);
            assertThat(cpm.child().birthYear()).isNull();
        }

        @Test
        void aPupilKnownOnlyByNameIsAccepted() {
            ChildProtectionMessage cpm = FORMAT.toCpm(edited(REPORTING_TANGIER, card -> eleve(card).remove("codeMassar")));

            assertThat(cpm.childProtected().schoolCode()).isNull();
            assertThat(cpm.childProtected().familyNameLatin()).isEqualTo("El Idrissi");
        }
    }

    @Nested
    class Refusals {

        @Test
        void notJsonIsUnparseable() {
            MappingException e = refusal("carte".getBytes(UTF_8));

            assertThat(e.error()).isEqualTo(MappingError.UNPARSEABLE);
        }

        @Test
        void anUnknownMemberBreaksTheSchemaAndIsNamed() {
            MappingException e = refusal(REPORTING_TANGIER, card -> eleve(card).put("numeroCNIE", "BE908172"));

            assertThat(e.error()).isEqualTo(MappingError.SECTOR_SCHEMA_VIOLATION);
            assertThat(e.field()).isEqualTo("/eleve");
            assertThat(e.detail()).contains("numeroCNIE");
        }

        @ParameterizedTest
        @ValueSource(strings = {"identifiantCarte", "typeCarte", "dateEnvoi", "priorite", "emetteur", "destinataire",
                "baseLegale", "finalite", "confidentialite", "eleve", "etapeParcours"})
        void aMissingRequiredMemberBreaksTheSchemaAndTheDetailNamesIt(String member) {
            MappingException e = refusal(REPORTING_TANGIER, card -> card.remove(member));

            assertThat(e.error()).isEqualTo(MappingError.SECTOR_SCHEMA_VIOLATION);
            assertThat(e.field()).isEqualTo("");
            assertThat(e.detail()).contains("'" + member + "'");
        }

        @Test
        void aPupilWithoutSexBreaksTheSchemaAtEleve() {
            MappingException e = refusal(REPORTING_TANGIER, card -> eleve(card).remove("sexe"));

            assertThat(e.error()).isEqualTo(MappingError.SECTOR_SCHEMA_VIOLATION);
            assertThat(e.field()).isEqualTo("/eleve");
            assertThat(e.detail()).contains("'sexe'");
        }

        @Test
        void aCodeOutsideTheTableBreaksTheSchemaAtItsMember() {
            MappingException e = refusal(REPORTING_TANGIER, card -> card.put("priorite", "haute"));

            assertThat(e.error()).isEqualTo(MappingError.SECTOR_SCHEMA_VIOLATION);
            assertThat(e.field()).isEqualTo("/priorite");
        }

        @Test
        void aMalformedCodeMassarBreaksTheSchemaAtItsMember() {
            MappingException e = refusal(REPORTING_TANGIER, card -> eleve(card).put("codeMassar", "G13507841"));

            assertThat(e.error()).isEqualTo(MappingError.SECTOR_SCHEMA_VIOLATION);
            assertThat(e.field()).isEqualTo("/eleve/codeMassar");
        }

        @Test
        void aConcernCodeOutsideTheTableIsNamedWithItsIndex() {
            MappingException e = refusal(REPORTING_TANGIER,
                    card -> ((ObjectNode) card.get("motifs").get(1)).put("code", "harcelement"));

            assertThat(e.error()).isEqualTo(MappingError.SECTOR_SCHEMA_VIOLATION);
            assertThat(e.field()).isEqualTo("/motifs/1/code");
        }

        @Test
        void aSenderOfAnotherSectorIsRefused() {
            MappingException e = refusal(REPORTING_TANGIER,
                    card -> ((ObjectNode) card.get("emetteur")).put("secteur", "sante"));

            assertThat(e.error()).isEqualTo(MappingError.INVALID_VALUE);
            assertThat(e.field()).isEqualTo("/emetteur/secteur");
            assertThat(e.detail()).contains("sante");
        }

        @Test
        void aPseudonymSentByTheSchoolIsRefused() {
            MappingException e = refusal(REPORTING_TANGIER,
                    card -> eleve(card).put("pseudonyme", "tng-7Qx2Lm9PzR4vK8wB"));

            assertThat(e.error()).isEqualTo(MappingError.INVALID_VALUE);
            assertThat(e.field()).isEqualTo("/eleve/pseudonyme");
        }

        @Test
        void aBirthDateAfterTheSendingDayIsRefused() {
            MappingException e = refusal(REPORTING_TANGIER, card -> eleve(card).put("dateNaissance", "2026-11-28"));

            assertThat(e.error()).isEqualTo(MappingError.INVALID_VALUE);
            assertThat(e.field()).isEqualTo("/eleve/dateNaissance");
        }

        @Test
        void aBirthDateBefore1990IsRefused() {
            MappingException e = refusal(REPORTING_TANGIER, card -> eleve(card).put("dateNaissance", "1989-12-31"));

            assertThat(e.error()).isEqualTo(MappingError.INVALID_VALUE);
            assertThat(e.field()).isEqualTo("/eleve/dateNaissance");
        }

        @Test
        void anAgeBandThatDisagreesWithTheBirthDateIsRefused() {
            MappingException e = refusal(REPORTING_TANGIER, card -> eleve(card).put("trancheAge", "15-17"));

            assertThat(e.error()).isEqualTo(MappingError.INVALID_VALUE);
            assertThat(e.field()).isEqualTo("/eleve/trancheAge");
            assertThat(e.detail()).contains("10-14");
        }

        @Test
        void aBirthYearThatDisagreesWithTheBirthDateIsRefused() {
            MappingException e = refusal(REPORTING_TANGIER, card -> eleve(card).put("anneeNaissance", 2012));

            assertThat(e.error()).isEqualTo(MappingError.INVALID_VALUE);
            assertThat(e.field()).isEqualTo("/eleve/anneeNaissance");
        }

        @Test
        void aPupilWithNeitherMassarCodeNorNameIsMissingItsIdentity() {
            MappingException e = refusal(REPORTING_TANGIER, card -> eleve(card)
                    .remove(List.of("codeMassar", "nom", "prenom", "nomArabe", "prenomArabe")));

            assertThat(e.error()).isEqualTo(MappingError.MISSING_ELEMENT);
            assertThat(e.field()).isEqualTo("/eleve/codeMassar");
        }

        @Test
        void aLatinNameInTheArabicMemberIsRefused() {
            MappingException e = refusal(REPORTING_TANGIER, card -> eleve(card).put("nomArabe", "El Idrissi"));

            assertThat(e.error()).isEqualTo(MappingError.INVALID_VALUE);
            assertThat(e.field()).isEqualTo("/eleve/nomArabe");
        }

        @Test
        void consentAsLegalBasisWithoutTheConsentIsMissingIt() {
            MappingException e = refusal(LINKAGE_SALE, card -> card.remove("consentement"));

            assertThat(e.error()).isEqualTo(MappingError.MISSING_ELEMENT);
            assertThat(e.field()).isEqualTo("/consentement");
        }

        @Test
        void aConsentWithdrawnBeforeItWasGivenIsRefused() {
            MappingException e = refusal(LINKAGE_SALE,
                    card -> ((ObjectNode) card.get("consentement")).put("dateRetrait", "2026-11-29T15:00:00Z"));

            assertThat(e.error()).isEqualTo(MappingError.INVALID_VALUE);
            assertThat(e.field()).isEqualTo("/consentement/dateRetrait");
        }

        @Test
        void aDateTimeWithoutOffsetBreaksTheSchema() {
            MappingException e = refusal(REPORTING_TANGIER, card -> card.put("dateEnvoi", "2026-11-27T10:20:00"));

            assertThat(e.error()).isEqualTo(MappingError.SECTOR_SCHEMA_VIOLATION);
            assertThat(e.field()).isEqualTo("/dateEnvoi");
        }

        @Test
        void aRepeatedMemberIsUnparseable() {
            String text = new String(example(REPORTING_TANGIER), UTF_8)
                    .replaceFirst("\"priorite\": \"urgente\",", "\"priorite\": \"urgente\", \"priorite\": \"normale\",");

            MappingException e = refusal(text.getBytes(UTF_8));

            assertThat(e.error()).isEqualTo(MappingError.UNPARSEABLE);
        }
    }

    @Nested
    class RoundTrip {

        /**
         * Native -> CPM -> native, re-addressed to the sending school itself: the card comes back
         * equal on every member a school both sends and may receive. Legitimately different:
         * {@code destinataire} (re-addressed), {@code eleve.adresse} (education never receives an
         * address), {@code servicesDemandes} asked of another sector (a receiver only sees the
         * services asked of it), and the members the hub adds for a receiver ({@code eleve.pseudonyme};
         * {@code trancheAge} and {@code anneeNaissance}, derived from the birth date, when the school
         * left them out).
         */
        @ParameterizedTest
        @ValueSource(strings = {REPORTING_TANGIER, LINKAGE_SALE})
        void aSentCardComesBackEqualOnEveryMemberASchoolMayReceive(String name) {
            JsonNode sent = tree(example(name));

            JsonNode received = tree(FORMAT.fromCpm(toSchool(FORMAT.toCpm(example(name)))));

            assertThat(received.get("destinataire")).isEqualTo(sent.get("emetteur"));
            assertThat(received.at("/eleve/pseudonyme").asString()).isEqualTo(PSEUDONYM);
            assertThat(received.at("/eleve/adresse").isMissingNode()).isTrue();
            assertThat(received.get("servicesDemandes")).isNull();
            assertThat(withoutHubAdditions(received, sent)).isEqualTo(withoutMinimised(sent));
        }

        /** Between two schools nothing is withheld but the address: the services come back too. */
        @Test
        void aCardBetweenTwoSchoolsComesBackWithItsServices() {
            byte[] body = fixture("liaison-entre-etablissements.json");
            JsonNode sent = tree(body);

            ChildProtectionMessage cpm = FORMAT.toCpm(body).withPseudonym(PSEUDONYM);
            JsonNode received = tree(FORMAT.fromCpm(cpm));

            assertThat(received.get("servicesDemandes")).isEqualTo(sent.get("servicesDemandes"));
            assertThat(received.get("destinataire")).isEqualTo(sent.get("destinataire"));
            ObjectNode expected = (ObjectNode) sent.deepCopy();
            eleve(expected).remove("adresse");
            assertThat(withoutHubAdditions(received, sent)).isEqualTo(expected);
        }

        private ChildProtectionMessage toSchool(ChildProtectionMessage cpm) {
            Header h = cpm.header();
            Header readdressed = new Header(h.messageId(), h.cardType(), h.schemaVersion(), h.caseReference(),
                    h.correlationId(), h.sentAt(), h.dueBy(), h.priority(), h.sender(), h.sender(), h.purposeOfUse(),
                    h.legalBasis(), h.confidentiality());
            return new ChildProtectionMessage(readdressed, cpm.child(), cpm.childProtected(), cpm.concerns(),
                    cpm.pathway(), cpm.requestedServices(), cpm.consent(), cpm.attachments(), cpm.status())
                    .withPseudonym(PSEUDONYM);
        }

        private ObjectNode withoutMinimised(JsonNode sent) {
            ObjectNode copy = (ObjectNode) sent.deepCopy();
            copy.remove(List.of("destinataire", "servicesDemandes"));
            eleve(copy).remove("adresse");
            return copy;
        }

        private ObjectNode withoutHubAdditions(JsonNode received, JsonNode sent) {
            ObjectNode copy = (ObjectNode) received.deepCopy();
            copy.remove(List.of("destinataire"));
            if (sent.get("destinataire").equals(received.get("destinataire"))) {
                copy.set("destinataire", received.get("destinataire"));
            }
            eleve(copy).remove("pseudonyme");
            for (String derived : List.of("trancheAge", "anneeNaissance")) {
                if (!sent.get("eleve").has(derived)) {
                    eleve(copy).remove(derived);
                }
            }
            return copy;
        }
    }

    @Nested
    class CardsASchoolReceives {

        private final byte[] card = FORMAT.fromCpm(CasablancaReintegration.cpm());

        @Test
        void isTheExampleOfTheDocumentation() {
            assertThat(tree(card)).isEqualTo(tree(example(RECEIVED_CASABLANCA)));
        }

        @Test
        void conformsToTheSchemaWhenReadBackIndependently() {
            SectorJson schema = new SectorJson(EducationFormat.CARD_SCHEMA);

            assertThat(schema.read(card, CarteEducation.class).identifiantCarte())
                    .isEqualTo(CasablancaReintegration.CARD_ID);
        }

        @Test
        void isCompactUtf8Json() {
            String text = new String(card, UTF_8);

            assertThat(text).startsWith("{\"identifiantCarte\":\"" + CasablancaReintegration.CARD_ID + "\"");
            assertThat(text).contains("\"nomArabe\":\"آيت واحمان\"");
        }

        @Test
        void carriesThePupilAsTheSchoolFindsHimInMassar() {
            JsonNode eleve = tree(card).get("eleve");

            assertThat(eleve.get("codeMassar").asString()).isEqualTo(CasablancaReintegration.MASSAR);
            assertThat(eleve.get("pseudonyme").asString()).isEqualTo("cas-Hx81LpQ2vN7tR4mZ");
            assertThat(eleve.get("nom").asString()).isEqualTo("Ait Ouahmane");
            assertThat(eleve.get("prenomArabe").asString()).isEqualTo("حمزة");
            assertThat(eleve.get("dateNaissance").asString()).isEqualTo("2014-02-11");
            assertThat(eleve.get("trancheAge").asString()).isEqualTo("10-14");
            assertThat(eleve.get("sexe").asString()).isEqualTo("M");
            assertThat(tree(card).at("/representantsLegaux/0/telephone").asString()).isEqualTo("+212 600 778 899");
        }

        @Test
        void carriesOnlyTheServiceAskedOfEducation() {
            ArrayNode services = (ArrayNode) tree(card).get("servicesDemandes");

            assertThat(services).hasSize(1);
            assertThat(services.get(0).get("code").asString()).isEqualTo("school-reintegration");
            assertThat(services.get(0).at("/prestataire/secteur").asString()).isEqualTo("education");
        }

        @Test
        void aSchoolCodeThatIsNotACodeMassarIsLeftOutNotFatal() {
            ChildProtectionMessage cpm = CasablancaReintegration.with(CasablancaReintegration.cpm(),
                    "/childProtected/schoolCode", "90187K");

            JsonNode eleve = tree(FORMAT.fromCpm(cpm)).get("eleve");

            assertThat(eleve.has("codeMassar")).isFalse();
            assertThat(eleve.get("nom").asString()).isEqualTo("Ait Ouahmane");
        }

        @Test
        void aCardWithoutIdentityCarriesTheSharedPartOnly() {
            JsonNode eleve = tree(FORMAT.fromCpm(CasablancaReintegration.cpm().withoutProtectedPart())).get("eleve");

            assertThat(eleve.propertyNames()).containsExactly("pseudonyme", "anneeNaissance", "trancheAge", "sexe",
                    "province", "handicap");
        }

        @Test
        void aCardForAnotherSectorIsADispatchDefect() {
            ChildProtectionMessage cpm = CasablancaReintegration.with(CasablancaReintegration.cpm(),
                    "/header/receiver/sector", SectorId.LABOUR);

            assertThatThrownBy(() -> FORMAT.fromCpm(cpm)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("LABOUR");
        }

        @Test
        void aValueTheCardCannotCarryIsAnOutboundSchemaViolationNamingTheMember() {
            ChildProtectionMessage cpm = CasablancaReintegration.with(CasablancaReintegration.cpm(),
                    "/child/province", "Casablanca");

            MappingException e = catchThrowableOfType(MappingException.class, () -> FORMAT.fromCpm(cpm));

            assertThat(e.error()).isEqualTo(MappingError.OUTBOUND_SCHEMA_VIOLATION);
            assertThat(e.field()).isEqualTo("/eleve/province");
        }

        @Test
        void emptyTextsAreLeftOutRatherThanWrittenEmpty() {
            ChildProtectionMessage cpm = CasablancaReintegration.with(CasablancaReintegration.cpm(),
                    "/header/sender/service", "");

            JsonNode emetteur = tree(FORMAT.fromCpm(cpm)).get("emetteur");

            assertThat(emetteur.has("service")).isFalse();
        }
    }

    /**
     * What docs/minimisation.md forbids education, asserted on the bytes sent: the Casablanca card
     * carries all of it (a suspected sexual exploitation, a forensic and a medical certificate, a
     * court decision, a social report, the court file number, national and civil-status numbers,
     * the address and the child's phone, services for labour and health).
     */
    @Nested
    class WhatEducationNeverReceives {

        private final String wire = new String(FORMAT.fromCpm(CasablancaReintegration.cpm()), UTF_8);

        @ParameterizedTest
        @ValueSource(strings = {CasablancaReintegration.NATIONAL_ID, CasablancaReintegration.CIVIL_STATUS_NUMBER,
                CasablancaReintegration.COURT_FILE_NUMBER, CasablancaReintegration.ADDRESS_LINE,
                CasablancaReintegration.CHILD_PHONE, "Derb Sultan"})
        void theIdentityEducationMayNotHoldNeverReachesTheWire(String forbidden) {
            assertThat(wire).doesNotContain(forbidden);
        }

        @ParameterizedTest
        @ValueSource(strings = {"violence-sexuelle", "exploitation-sexuelle", "sexual"})
        void theSexualNatureOfAConcernNeverReachesTheWire(String forbidden) {
            assertThat(wire).doesNotContain(forbidden);
        }

        @Test
        void aSexualConcernArrivesAsAProtectionConcernWithItsSeriousnessAndUrgency() {
            JsonNode motifs = tree(wire.getBytes(UTF_8)).get("motifs");

            assertThat(motifs).hasSize(2);
            assertThat(motifs.get(1).get("code").asString()).isEqualTo("situation-de-protection");
            assertThat(motifs.get(1).get("certitude").asString()).isEqualTo("suspectee");
            assertThat(motifs.get(1).get("niveauRisque").asString()).isEqualTo("eleve");
            assertThat(motifs.get(1).get("urgence").asBoolean()).isTrue();
            assertThat(motifs.get(1).has("cadre")).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {CasablancaReintegration.FORENSIC_SHA256, CasablancaReintegration.MEDICAL_SHA256,
                CasablancaReintegration.SOCIAL_REPORT_SHA256, CasablancaReintegration.COURT_DECISION_SHA256,
                "certificat-medico-legal", "certificat-medical", "decision-judiciaire", "rapport-social"})
        void noMedicalForensicSocialOrCourtDocumentIsMentioned(String forbidden) {
            assertThat(wire).doesNotContain(forbidden);
        }

        @Test
        void theSchoolReportIsTheOneDocumentMentioned() {
            assertThat(wire).contains(CasablancaReintegration.SCHOOL_REPORT_SHA256);
            assertThat(tree(wire.getBytes(UTF_8)).get("piecesJointes")).hasSize(1);
        }

        @ParameterizedTest
        @ValueSource(strings = {CasablancaReintegration.LABOUR_REASON, CasablancaReintegration.HEALTH_REASON,
                "labour-follow-up", "psychological-care"})
        void servicesAskedOfOtherSectorsNeverReachTheWire(String forbidden) {
            assertThat(wire).doesNotContain(forbidden);
        }
    }

    @Nested
    class StatusReports {

        @Test
        void aReintegratedPupilCompletesTheReferralWithWhatWasDone() {
            StatusReport report = FORMAT.readStatus(example(EducationExamples.STATUS_REINTEGRATED));

            assertThat(report.cardId()).isEqualTo(UUID.fromString("dfb43dd5-a581-4789-9cb7-be7e46cfafed"));
            assertThat(report.status()).isEqualTo(TaskStatus.COMPLETED);
            assertThat(report.businessStatus()).isEqualTo("eleve-reintegre");
            assertThat(report.reason()).startsWith("Hamza a repris les cours");
        }

        @Test
        void aRefusalRejectsTheReferralWithItsReason() {
            StatusReport report = FORMAT.readStatus(example(EducationExamples.STATUS_REFUSED));

            assertThat(report.status()).isEqualTo(TaskStatus.REJECTED);
            assertThat(report.businessStatus()).isEqualTo("refuse");
            assertThat(report.reason()).contains("Aucun élève inscrit sous ce code Massar");
        }

        @ParameterizedTest
        @EnumSource(StatutScolaire.class)
        void everyWordOfTheSchemaIsAcceptedAndMapped(StatutScolaire statut) {
            byte[] body = ("{\"identifiantCarte\":\"" + CasablancaReintegration.CARD_ID + "\",\"statut\":\""
                    + statut.code() + "\",\"observation\":\"Motif\",\"dateStatut\":\"2026-12-10T09:30:00Z\"}")
                    .getBytes(UTF_8);

            StatusReport report = FORMAT.readStatus(body);

            assertThat(report.status()).isEqualTo(statut.taskStatus());
            assertThat(report.businessStatus()).isEqualTo(statut.code());
        }

        @Test
        void aRefusalWithoutReasonBreaksTheSchema() {
            byte[] body = ("{\"identifiantCarte\":\"" + CasablancaReintegration.CARD_ID + "\",\"statut\":\"refuse\","
                    + "\"dateStatut\":\"2026-12-10T09:30:00Z\"}").getBytes(UTF_8);

            MappingException e = catchThrowableOfType(MappingException.class, () -> FORMAT.readStatus(body));

            assertThat(e.error()).isEqualTo(MappingError.SECTOR_SCHEMA_VIOLATION);
        }

        @Test
        void anUnknownWordBreaksTheSchemaAtStatut() {
            byte[] body = ("{\"identifiantCarte\":\"" + CasablancaReintegration.CARD_ID + "\",\"statut\":\"termine\","
                    + "\"dateStatut\":\"2026-12-10T09:30:00Z\"}").getBytes(UTF_8);

            MappingException e = catchThrowableOfType(MappingException.class, () -> FORMAT.readStatus(body));

            assertThat(e.error()).isEqualTo(MappingError.SECTOR_SCHEMA_VIOLATION);
            assertThat(e.field()).isEqualTo("/statut");
        }
    }

    /**
     * Every constant of every CPM enum the card carries has a French code the schema accepts, on
     * the way out (the hub writes it) and back in (a school sends it): the tables are complete and
     * agree with the schema's enums.
     */
    @Nested
    class EveryCpmCode {

        private void writesAndReadsBack(String pointer, Object value, String member) {
            ChildProtectionMessage cpm = CasablancaReintegration.with(CasablancaReintegration.cpm(), pointer, value);

            byte[] card = FORMAT.fromCpm(cpm);

            assertThat(tree(card).at(member).isMissingNode()).as(member).isFalse();
            assertThatCode(() -> FORMAT.toCpm(asSentBySchool(card))).doesNotThrowAnyException();
        }

        /** A received card made into one a school sends: the school as sender, no pseudonym. */
        private byte[] asSentBySchool(byte[] received) {
            ObjectNode tree = (ObjectNode) tree(received);
            JsonNode school = tree.get("destinataire");
            tree.set("destinataire", tree.get("emetteur"));
            tree.set("emetteur", school);
            eleve(tree).remove("pseudonyme");
            return EducationExamples.JSON.writeValueAsBytes(tree);
        }

        @ParameterizedTest
        @EnumSource(CardType.class)
        void cardType(CardType value) {
            writesAndReadsBack("/header/cardType", value, "/typeCarte");
        }

        @ParameterizedTest
        @EnumSource(Priority.class)
        void priority(Priority value) {
            writesAndReadsBack("/header/priority", value, "/priorite");
        }

        @ParameterizedTest
        @EnumSource(PurposeOfUse.class)
        void purposeOfUse(PurposeOfUse value) {
            writesAndReadsBack("/header/purposeOfUse", value, "/finalite");
        }

        @ParameterizedTest
        @EnumSource(LegalBasis.class)
        void legalBasis(LegalBasis value) {
            writesAndReadsBack("/header/legalBasis", value, "/baseLegale");
        }

        @ParameterizedTest
        @EnumSource(Confidentiality.class)
        void confidentiality(Confidentiality value) {
            writesAndReadsBack("/header/confidentiality", value, "/confidentialite");
        }

        @ParameterizedTest
        @EnumSource(SectorId.class)
        void sectorOfTheSender(SectorId value) {
            writesAndReadsBack("/header/sender/sector", value, "/emetteur/secteur");
        }

        @ParameterizedTest
        @EnumSource(Sex.class)
        void sex(Sex value) {
            writesAndReadsBack("/child/sex", value, "/eleve/sexe");
        }

        @ParameterizedTest
        @EnumSource(AgeBand.class)
        void ageBandWithoutBirthDate(AgeBand value) {
            ChildProtectionMessage cpm = CasablancaReintegration.with(CasablancaReintegration.cpm(), "/child/ageBand",
                    value);
            cpm = CasablancaReintegration.with(cpm, "/childProtected/birthDate", null);

            assertThat(tree(FORMAT.fromCpm(cpm)).at("/eleve/trancheAge").asString())
                    .isEqualTo(FrenchCodes.trancheAge(value));
        }

        @ParameterizedTest
        @EnumSource(ConcernCode.class)
        void concern(ConcernCode value) {
            ChildProtectionMessage cpm = CasablancaReintegration.with(CasablancaReintegration.cpm(), "/concerns/0/code",
                    value);

            String code = tree(FORMAT.fromCpm(cpm)).at("/motifs/0/code").asString();

            // Education never learns the sexual nature of a concern (docs/minimisation.md).
            assertThat(code).isEqualTo(Minimisation.policyFor(SectorId.EDUCATION).sexualNature()
                    || !List.of(ConcernCode.SEXUAL_VIOLENCE, ConcernCode.SEXUAL_EXPLOITATION).contains(value)
                    ? FrenchCodes.motif(value) : "situation-de-protection");
            ObjectNode sent = (ObjectNode) tree(example(REPORTING_TANGIER));
            ((ObjectNode) sent.get("motifs").get(0)).put("code", FrenchCodes.motif(value));
            assertThat(FORMAT.toCpm(EducationExamples.JSON.writeValueAsBytes(sent)).concerns().get(0).code())
                    .isEqualTo(value);
        }

        @ParameterizedTest
        @EnumSource(Certainty.class)
        void certainty(Certainty value) {
            writesAndReadsBack("/concerns/0/certainty", value, "/motifs/0/certitude");
        }

        @ParameterizedTest
        @EnumSource(Setting.class)
        void setting(Setting value) {
            writesAndReadsBack("/concerns/0/setting", value, "/motifs/0/cadre");
        }

        @ParameterizedTest
        @EnumSource(RiskLevel.class)
        void riskLevel(RiskLevel value) {
            writesAndReadsBack("/concerns/0/riskLevel", value, "/motifs/0/niveauRisque");
        }

        @ParameterizedTest
        @EnumSource(PathwayStage.class)
        void pathwayStage(PathwayStage value) {
            writesAndReadsBack("/pathway/stage", value, "/etapeParcours");
        }

        @ParameterizedTest
        @EnumSource(EntryChannel.class)
        void entryChannel(EntryChannel value) {
            writesAndReadsBack("/pathway/entryChannel", value, "/canalEntree");
        }

        @ParameterizedTest
        @EnumSource(TaskStatus.class)
        void taskStatus(TaskStatus value) {
            writesAndReadsBack("/status/status", value, "/statut/code");
        }

        /** Only school reports reach education; the table still covers every type a school may send. */
        @ParameterizedTest
        @EnumSource(AttachmentType.class)
        void attachmentTypeSentByASchool(AttachmentType value) {
            ObjectNode sent = (ObjectNode) tree(example(REPORTING_TANGIER));
            ObjectNode piece = sent.putArray("piecesJointes").addObject();
            piece.put("type", FrenchCodes.typePieceJointe(value)).put("titre", "Document").put("typeMedia",
                    "application/pdf").put("taille", 1000).put("empreinteSha256",
                    CasablancaReintegration.SCHOOL_REPORT_SHA256);

            assertThat(FORMAT.toCpm(EducationExamples.JSON.writeValueAsBytes(sent)).attachments().get(0).type())
                    .isEqualTo(value);
        }
    }
}
