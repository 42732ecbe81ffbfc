package org.rabt.mappings.freeline;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rabt.mappings.CardCarryingEverything;
import org.rabt.mappings.MappingError;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.StatusReport;
import org.rabt.mappings.cpm.Address;
import org.rabt.mappings.cpm.AgeBand;
import org.rabt.mappings.cpm.CardType;
import org.rabt.mappings.cpm.Certainty;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.Concern;
import org.rabt.mappings.cpm.ConcernCode;
import org.rabt.mappings.cpm.Confidentiality;
import org.rabt.mappings.cpm.CpmSchema;
import org.rabt.mappings.cpm.EntryChannel;
import org.rabt.mappings.cpm.Header;
import org.rabt.mappings.cpm.LegalBasis;
import org.rabt.mappings.cpm.Party;
import org.rabt.mappings.cpm.PathwayStage;
import org.rabt.mappings.cpm.Priority;
import org.rabt.mappings.cpm.PurposeOfUse;
import org.rabt.mappings.cpm.RiskLevel;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.cpm.Setting;
import org.rabt.mappings.cpm.Sex;
import org.rabt.mappings.cpm.Status;
import org.rabt.mappings.cpm.TaskStatus;
import org.rabt.mappings.french.FrenchCodes;
import org.rabt.mappings.json.SectorJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class FreelineFormatTest {

    static final String SALE = "/freeline/examples/signalement-ligne-nationale-sale.json";
    static final String TANGIER = "/freeline/examples/signalement-cellule-ecoute-tanger-urgence.json";
    static final String MEKNES = "/freeline/examples/signalement-cellule-ecoute-meknes.json";
    static final String ANONYMOUS = "/freeline/signalement-appelant-anonyme.json";
    static final String FEEDBACK = "/freeline/examples/retour-pris-en-charge.json";
    static final String RECEIVED = "/freeline/examples/statut-recu.json";
    static final String NOT_TAKEN_UP = "/freeline/examples/statut-non-retenu.json";
    static final String PSEUDONYM = "AAAAAAAAAAAAAAAAAAAAAAAAAAA";

    private static final CpmSchema CPM_SCHEMA = new CpmSchema();

    private final FreelineFormat format = new FreelineFormat();

    @Test
    void isTheFreeLineInJson() {
        assertThat(format.sector()).isEqualTo(SectorId.FREELINE);
        assertThat(format.mediaType()).isEqualTo("application/json");
    }

    @Nested
    class ANeighbourCallsTheNationalLineAboutAGirlInSale {

        private final ChildProtectionMessage cpm = format.toCpm(resource(SALE));

        @Test
        void givesACpmThatPassesTheCpmSchemaOnceThePseudonymIsSet() {
            assertThat(cpm.child().pseudonym()).isNull();
            assertThatCode(() -> CPM_SCHEMA.validate(cpm.withPseudonym(PSEUDONYM))).doesNotThrowAnyException();
        }

        @Test
        void isAReportingCardFromTheLineToTheSaleCentreInTheChildsBestInterest() {
            Header header = cpm.header();

            assertThat(header.messageId()).isEqualTo(UUID.fromString("9783d344-300c-4ec7-b8cc-879269491b6d"));
            assertThat(header.cardType()).isEqualTo(CardType.REPORTING);
            assertThat(header.schemaVersion()).isEqualTo(ChildProtectionMessage.SCHEMA_VERSION);
            assertThat(header.sentAt()).isEqualTo(Instant.parse("2026-11-30T18:05:12Z"));
            assertThat(header.priority()).isEqualTo(Priority.URGENT);
            assertThat(header.sender()).isEqualTo(new Party(SectorId.FREELINE,
                    "Ligne nationale d'écoute pour les enfants", "Plateforme d'écoute de Rabat", "MA-RAB"));
            assertThat(header.receiver()).isEqualTo(new Party(SectorId.CENTRE,
                    "Centre d'accompagnement pour la protection de l'enfance de Salé", "Cellule des services",
                    "MA-SAL"));
            assertThat(header.purposeOfUse()).isEqualTo(PurposeOfUse.CHILD_PROTECTION);
            assertThat(header.legalBasis()).isEqualTo(LegalBasis.BEST_INTEREST);
            assertThat(header.confidentiality()).isEqualTo(Confidentiality.RESTRICTED);
        }

        @Test
        void takesTheAgeSaidOnThePhoneAsABandWithoutGuessingTheBirthYear() {
            // Nine on 30 November 2026: born between 1 December 2016 and 30 November 2017.
            assertThat(cpm.child().ageBand()).isEqualTo(AgeBand.FROM_5_TO_9);
            assertThat(cpm.child().birthYear()).isNull();
            assertThat(cpm.child().sex()).isEqualTo(Sex.FEMALE);
            assertThat(cpm.child().province()).isEqualTo("MA-SAL");
        }

        @Test
        void keepsThePartialIdentityTheCallerGave() {
            assertThat(cpm.childProtected().givenNameLatin()).isEqualTo("Salma");
            assertThat(cpm.childProtected().givenNameArabic()).isEqualTo("سلمى");
            assertThat(cpm.childProtected().familyNameLatin()).isNull();
            assertThat(cpm.childProtected().birthDate()).isNull();
            assertThat(cpm.childProtected().address()).isEqualTo(new Address("Hay Karima", "Salé", "MA-SAL"));
        }

        @Test
        void recordsTheConcernsAsSuspectedAtDetectionThroughTheFreeLine() {
            assertThat(cpm.concerns()).containsExactly(
                    new Concern(ConcernCode.NEGLECT, Certainty.SUSPECTED, Setting.FAMILY, RiskLevel.MEDIUM, false),
                    new Concern(ConcernCode.PHYSICAL_VIOLENCE, Certainty.SUSPECTED, Setting.FAMILY, RiskLevel.HIGH,
                            false));
            assertThat(cpm.pathway().stage()).isEqualTo(PathwayStage.DETECTION);
            assertThat(cpm.pathway().entryChannel()).isEqualTo(EntryChannel.FREE_LINE);
            assertThat(cpm.consent()).isNull();
            assertThat(cpm.attachments()).isEmpty();
            assertThat(cpm.status()).isEqualTo(Status.requested());
        }

        @Test
        void asksTheCentreToAssessTheSituationSayingWhoCalledAndWhen() {
            assertThat(cpm.requestedServices()).singleElement().satisfies(service -> {
                assertThat(service.serviceCode()).isEqualTo("situation-assessment");
                assertThat(service.target()).isEqualTo(cpm.header().receiver());
                assertThat(service.reason())
                        .startsWith("Signalement recueilli le 2026-11-30 à 18:40 (heure du Maroc) ; appelant : un voisin"
                                + " ; rappel possible par l'intermédiaire de la ligne.")
                        .endsWith("ne va plus à l'école depuis la rentrée.");
            });
        }
    }

    @Nested
    class APupilComesToHerSchoolsListeningCellInTangier {

        private final ChildProtectionMessage cpm = format.toCpm(resource(TANGIER));

        @Test
        void givesACpmThatPassesTheCpmSchemaOnceThePseudonymIsSet() {
            assertThatCode(() -> CPM_SCHEMA.validate(cpm.withPseudonym(PSEUDONYM))).doesNotThrowAnyException();
        }

        @Test
        void goesStraightToTheProsecutorAsAnImmediateEmergency() {
            assertThat(cpm.header().receiver().sector()).isEqualTo(SectorId.JUSTICE);
            assertThat(cpm.header().priority()).isEqualTo(Priority.STAT);
            assertThat(cpm.header().confidentiality()).isEqualTo(Confidentiality.VERY_RESTRICTED);
            assertThat(cpm.pathway().entryChannel()).isEqualTo(EntryChannel.LISTENING_CELL);
            assertThat(cpm.concerns()).containsExactly(new Concern(ConcernCode.SEXUAL_VIOLENCE, Certainty.SUSPECTED,
                    Setting.FAMILY, RiskLevel.HIGH, true));
            assertThat(cpm.requestedServices()).singleElement().satisfies(service -> {
                assertThat(service.serviceCode()).isEqualTo("legal-protection");
                assertThat(service.target().sector()).isEqualTo(SectorId.JUSTICE);
                assertThat(service.reason()).contains("appelant : l'enfant ; pas de rappel.");
            });
        }

        @Test
        void derivesBandAndBirthYearFromTheDateOfBirth() {
            assertThat(cpm.childProtected().birthDate()).isEqualTo(LocalDate.parse("2012-04-17"));
            assertThat(cpm.childProtected().familyNameArabic()).isEqualTo("الوزاني");
            assertThat(cpm.child().birthYear()).isEqualTo(2012);
            assertThat(cpm.child().ageBand()).isEqualTo(AgeBand.FROM_10_TO_14);
        }
    }

    @Nested
    class ATeacherAddsToAnEarlierReportInMeknes {

        private final ChildProtectionMessage cpm = format.toCpm(resource(MEKNES));

        @Test
        void givesACpmThatPassesTheCpmSchemaOnceThePseudonymIsSet() {
            assertThatCode(() -> CPM_SCHEMA.validate(cpm.withPseudonym(PSEUDONYM))).doesNotThrowAnyException();
        }

        @Test
        void pointsToTheEarlierReportAndKeepsTheBirthYear() {
            assertThat(cpm.header().correlationId()).isEqualTo(UUID.fromString("bdd11c26-bc5b-4850-bf27-246c4ebd85fd"));
            assertThat(cpm.child().birthYear()).isEqualTo(2014);
            assertThat(cpm.child().ageBand()).isEqualTo(AgeBand.FROM_10_TO_14);
            assertThat(cpm.child().disability()).isFalse();
            assertThat(cpm.childProtected().givenNameLatin()).isEqualTo("Hamza");
            assertThat(cpm.concerns()).extracting(Concern::code)
                    .containsExactly(ConcernCode.BEGGING, ConcernCode.SCHOOL_DROPOUT);
            assertThat(cpm.requestedServices().get(0).reason()).contains("appelant : un enseignant");
        }
    }

    @Nested
    class AnAnonymousCallerWhoKnowsAlmostNothing {

        private final ChildProtectionMessage cpm = format.toCpm(resource(ANONYMOUS));

        @Test
        void givesACpmThatPassesTheCpmSchemaOnceThePseudonymIsSet() {
            assertThatCode(() -> CPM_SCHEMA.validate(cpm.withPseudonym(PSEUDONYM))).doesNotThrowAnyException();
        }

        @Test
        void isAcceptedWithNoIdentityAnUnknownAgeAndAnUnnamedConcern() {
            assertThat(cpm.childProtected()).isNull();
            assertThat(cpm.child().sex()).isEqualTo(Sex.UNKNOWN);
            assertThat(cpm.child().ageBand()).isEqualTo(AgeBand.UNKNOWN);
            assertThat(cpm.child().birthYear()).isNull();
            assertThat(cpm.concerns()).containsExactly(
                    new Concern(ConcernCode.PROTECTION_CONCERN, Certainty.SUSPECTED, null, null, true));
            assertThat(cpm.header().sender()).isEqualTo(Party.of(SectorId.FREELINE));
            assertThat(cpm.requestedServices().get(0).reason()).contains("un appelant anonyme ; pas de rappel.");
        }
    }

    @Nested
    class RefusedReports {

        @Test
        void aMissingRequiredMemberIsRabtM007NamingIt() {
            byte[] noConcern = edited(SALE, card -> card.remove("motifs"));

            assertThatThrownBy(() -> format.toCpm(noConcern)).isInstanceOfSatisfying(MappingException.class, e -> {
                assertThat(e.error()).isEqualTo(MappingError.SECTOR_SCHEMA_VIOLATION);
                assertThat(e.detail()).contains("motifs");
            });
        }

        @Test
        void aMissingReceiverIsRabtM007() {
            byte[] noReceiver = edited(SALE, card -> card.remove("destinataire"));

            assertThatThrownBy(() -> format.toCpm(noReceiver)).isInstanceOfSatisfying(MappingException.class, e -> {
                assertThat(e.error()).isEqualTo(MappingError.SECTOR_SCHEMA_VIOLATION);
                assertThat(e.detail()).contains("destinataire");
            });
        }

        @Test
        void anUnknownConcernCodeIsRabtM007NamingTheMember() {
            byte[] badCode = edited(SALE, card -> ((ObjectNode) card.get("motifs").get(1)).put("code", "coups"));

            assertThatThrownBy(() -> format.toCpm(badCode)).isInstanceOfSatisfying(MappingException.class, e -> {
                assertThat(e.error()).isEqualTo(MappingError.SECTOR_SCHEMA_VIOLATION);
                assertThat(e.field()).isEqualTo("/motifs/1/code");
            });
        }

        @Test
        void aCallerNameIsAnUnknownMemberAndRabtM007() {
            byte[] named = edited(SALE, card -> ((ObjectNode) card.get("appelant")).put("nom", "Fatima Alami"));

            assertThatThrownBy(() -> format.toCpm(named)).isInstanceOfSatisfying(MappingException.class, e -> {
                assertThat(e.error()).isEqualTo(MappingError.SECTOR_SCHEMA_VIOLATION);
                assertThat(e.field()).isEqualTo("/appelant");
            });
        }

        @Test
        void aReportNamingAnotherSenderIsRabtM004() {
            byte[] fromHealth = edited(SALE, card -> ((ObjectNode) card.get("emetteur")).put("secteur", "sante"));

            assertThatThrownBy(() -> format.toCpm(fromHealth)).isInstanceOfSatisfying(MappingException.class, e -> {
                assertThat(e.error()).isEqualTo(MappingError.INVALID_VALUE);
                assertThat(e.field()).isEqualTo("/emetteur/secteur");
            });
        }

        @Test
        void aReportAddressedBackToTheLineIsRabtM004() {
            byte[] toItself = edited(SALE, card -> ((ObjectNode) card.get("destinataire")).put("secteur", "ligne-ecoute"));

            assertThatThrownBy(() -> format.toCpm(toItself)).isInstanceOfSatisfying(MappingException.class, e -> {
                assertThat(e.error()).isEqualTo(MappingError.INVALID_VALUE);
                assertThat(e.field()).isEqualTo("/destinataire/secteur");
            });
        }

        @Test
        void anAgeAndABirthYearTogetherAreRabtM004() {
            byte[] both = edited(SALE, card -> ((ObjectNode) card.get("enfant")).put("anneeNaissance", 2017));

            assertThatThrownBy(() -> format.toCpm(both)).isInstanceOfSatisfying(MappingException.class, e -> {
                assertThat(e.error()).isEqualTo(MappingError.INVALID_VALUE);
                assertThat(e.field()).isEqualTo("/enfant/age");
            });
        }

        @Test
        void aCallAfterTheSendingIsRabtM004() {
            byte[] later = edited(SALE, card -> card.put("dateAppel", "2026-11-30T20:00:00+01:00"));

            assertThatThrownBy(() -> format.toCpm(later)).isInstanceOfSatisfying(MappingException.class, e -> {
                assertThat(e.error()).isEqualTo(MappingError.INVALID_VALUE);
                assertThat(e.field()).isEqualTo("/dateAppel");
            });
        }

        @Test
        void aBirthAfterTheCallIsRabtM004() {
            byte[] unborn = edited(TANGIER, card -> ((ObjectNode) card.get("enfant")).put("dateNaissance", "2026-12-24"));

            assertThatThrownBy(() -> format.toCpm(unborn)).isInstanceOfSatisfying(MappingException.class, e -> {
                assertThat(e.error()).isEqualTo(MappingError.INVALID_VALUE);
                assertThat(e.field()).isEqualTo("/enfant/dateNaissance");
            });
        }

        @Test
        void somethingThatIsNotJsonIsRabtM001() {
            assertThatThrownBy(() -> format.toCpm("<signalement/>".getBytes(UTF_8)))
                    .isInstanceOfSatisfying(MappingException.class,
                            e -> assertThat(e.error()).isEqualTo(MappingError.UNPARSEABLE));
        }
    }

    @Nested
    class AgeAtTheCall {

        @ParameterizedTest
        @ValueSource(strings = {"2026-06-15T10:00:00Z", "2026-12-30T22:59:00Z"})
        void anAgeGivesNoBirthYearExceptOnTheLastDayOfTheYear(String call) {
            assertThat(AgeAtCall.of(null, null, 12, Instant.parse(call), "/enfant"))
                    .isEqualTo(new AgeAtCall.Age(AgeBand.FROM_10_TO_14, null));
        }

        @Test
        void anAgeSaidOnTheThirtyFirstOfDecemberInMoroccoFixesTheYear() {
            // 23:30 UTC on 30 December is already 31 December in Morocco (UTC+1).
            assertThat(AgeAtCall.of(null, null, 12, Instant.parse("2026-12-30T23:30:00Z"), "/enfant"))
                    .isEqualTo(new AgeAtCall.Age(AgeBand.FROM_10_TO_14, 2014));
        }

        @Test
        void anAgeAtTheEdgeOfTwoBandsGivesAnUnknownBandRatherThanAGuess() {
            // Aged 14: either still 14 or about to be 15 depending on the birthday; both are 10-14.
            assertThat(AgeAtCall.of(null, null, 14, Instant.parse("2026-06-15T10:00:00Z"), "/enfant").band())
                    .isEqualTo(AgeBand.FROM_10_TO_14);
            // Born in 2011, called in June 2026: 14 or 15, so the band is unknown but the year is certain.
            assertThat(AgeAtCall.of(null, 2011, null, Instant.parse("2026-06-15T10:00:00Z"), "/enfant"))
                    .isEqualTo(new AgeAtCall.Age(AgeBand.UNKNOWN, 2011));
        }
    }

    @Nested
    class RoundTrip {

        /**
         * Report -> CPM -> what the line receives about it. The line both sends and may receive only
         * the card's identity, the card it follows, the sending time and its own party; those must
         * come back equal. Everything else of the report is legitimately left out on the way back:
         * the child (identity forbidden to the line by docs/minimisation.md, and even the shared part
         * is not written to it), the concerns, the caller, the summary and the service asked (free
         * texts and what the line said itself), and {@code emetteur.structure}, which the CPM keeps
         * only as the entry channel. The CPM is re-addressed to the line before it goes out.
         */
        @ParameterizedTest
        @ValueSource(strings = {SALE, TANGIER, MEKNES, ANONYMOUS})
        void bringsBackTheMembersTheLineBothSendsAndReceives(String example) {
            JsonNode sent = tree(resource(example));

            JsonNode back = tree(format.fromCpm(readdressedToTheLine(format.toCpm(resource(example)))));

            assertThat(back.get("identifiantCarte")).isEqualTo(sent.get("identifiantCarte"));
            assertThat(back.get("carteLiee")).isEqualTo(sent.get("carteLiee"));
            assertThat(Instant.parse(back.get("dateEnvoi").asString()))
                    .isEqualTo(Instant.parse(sent.get("dateEnvoi").asString()));
            ObjectNode emetteur = ((ObjectNode) sent.get("emetteur")).deepCopy();
            emetteur.remove("structure");
            assertThat(back.get("emetteur")).isEqualTo(emetteur);
            assertThat(back.get("typeCarte").asString()).isEqualTo("signalement");
            assertThat(back.get("destinataire").get("secteur").asString()).isEqualTo("ligne-ecoute");
            assertThat(back.get("statut").asString()).isEqualTo("transmis");
        }

        private static ChildProtectionMessage readdressedToTheLine(ChildProtectionMessage cpm) {
            Header h = cpm.header();
            Header header = new Header(h.messageId(), h.cardType(), h.schemaVersion(), h.caseReference(),
                    h.correlationId(), h.sentAt(), h.dueBy(), h.priority(), h.sender(), Party.of(SectorId.FREELINE),
                    h.purposeOfUse(), h.legalBasis(), h.confidentiality());
            return new ChildProtectionMessage(header, cpm.child(), cpm.childProtected(), cpm.concerns(), cpm.pathway(),
                    cpm.requestedServices(), cpm.consent(), cpm.attachments(), cpm.status()).withPseudonym(PSEUDONYM);
        }
    }

    @Nested
    class WhatTheLineReceives {

        private final SectorJson retourSchema = new SectorJson("/freeline/retour-v1.schema.json");

        @Test
        void theFeedbackExampleIsWhatTheCentresFollowUpBecomes() {
            Header header = new Header(UUID.fromString("54897229-1eb3-4627-a94e-bcab3d8d0b99"), CardType.FOLLOW_UP,
                    ChildProtectionMessage.SCHEMA_VERSION, "SAL-2026-000241",
                    UUID.fromString("9783d344-300c-4ec7-b8cc-879269491b6d"), Instant.parse("2026-12-02T14:10:00Z"),
                    null, Priority.ROUTINE,
                    new Party(SectorId.CENTRE, "Centre d'accompagnement pour la protection de l'enfance de Salé",
                            "Cellule des services", "MA-SAL"),
                    new Party(SectorId.FREELINE, "Ligne nationale d'écoute pour les enfants",
                            "Plateforme d'écoute de Rabat", "MA-RAB"),
                    PurposeOfUse.CHILD_PROTECTION, LegalBasis.BEST_INTEREST, Confidentiality.RESTRICTED);
            ChildProtectionMessage followUp = CardCarryingEverything.addressedTo(SectorId.FREELINE);
            followUp = new ChildProtectionMessage(header, followUp.child(), followUp.childProtected(),
                    followUp.concerns(), followUp.pathway(), followUp.requestedServices(), followUp.consent(),
                    followUp.attachments(), followUp.status());

            assertThat(tree(format.fromCpm(followUp))).isEqualTo(tree(resource(FEEDBACK)));
        }

        @Test
        void theFeedbackExampleConformsToTheSchema() {
            assertThatCode(() -> retourSchema.read(resource(FEEDBACK), JsonNode.class)).doesNotThrowAnyException();
        }

        @ParameterizedTest
        @EnumSource(TaskStatus.class)
        void everyReferralStatusHasAWordTheSchemaAccepts(TaskStatus status) {
            ChildProtectionMessage card = with(CardCarryingEverything.addressedTo(SectorId.FREELINE),
                    new Status(status, null, null));

            assertThat(tree(format.fromCpm(card)).get("statut").asString()).isEqualTo(Etat.of(status).code());
        }

        @ParameterizedTest
        @EnumSource(CardType.class)
        void everyCardTypeHasACodeTheSchemaAccepts(CardType type) {
            ChildProtectionMessage full = CardCarryingEverything.addressedTo(SectorId.FREELINE);
            Header h = full.header();
            Header header = new Header(h.messageId(), type, h.schemaVersion(), h.caseReference(), h.correlationId(),
                    h.sentAt(), h.dueBy(), h.priority(), h.sender(), h.receiver(), h.purposeOfUse(), h.legalBasis(),
                    h.confidentiality());

            assertThat(tree(format.fromCpm(new ChildProtectionMessage(header, full.child(), full.childProtected(),
                    full.concerns(), full.pathway(), full.requestedServices(), full.consent(), full.attachments(),
                    full.status()))).get("typeCarte").asString()).isEqualTo(FrenchCodes.typeCarte(type));
        }

        @ParameterizedTest
        @EnumSource(SectorId.class)
        void everySectorHasACodeTheSchemaAccepts(SectorId sector) {
            ChildProtectionMessage full = CardCarryingEverything.addressedTo(SectorId.FREELINE);
            Header h = full.header();
            Header header = new Header(h.messageId(), h.cardType(), h.schemaVersion(), h.caseReference(),
                    h.correlationId(), h.sentAt(), h.dueBy(), h.priority(), Party.of(sector), h.receiver(),
                    h.purposeOfUse(), h.legalBasis(), h.confidentiality());

            assertThat(tree(format.fromCpm(new ChildProtectionMessage(header, full.child(), full.childProtected(),
                    full.concerns(), full.pathway(), full.requestedServices(), full.consent(), full.attachments(),
                    full.status()))).get("emetteur").get("secteur").asString()).isEqualTo(FrenchCodes.secteur(sector));
        }

        private static ChildProtectionMessage with(ChildProtectionMessage cpm, Status status) {
            return new ChildProtectionMessage(cpm.header(), cpm.child(), cpm.childProtected(), cpm.concerns(),
                    cpm.pathway(), cpm.requestedServices(), cpm.consent(), cpm.attachments(), status);
        }
    }

    /** docs/minimisation.md, the free line's row: no identity, no sexual nature, no document. */
    @Nested
    class Minimisation {

        private final byte[] sent = format.fromCpm(CardCarryingEverything.addressedTo(SectorId.FREELINE));
        private final String text = new String(sent, UTF_8);

        @Test
        void neverPutsAnyPartOfTheChildsIdentityOnTheWire() {
            assertThat(text).doesNotContain(CardCarryingEverything.FAMILY_NAME_LATIN,
                    CardCarryingEverything.GIVEN_NAME_LATIN, CardCarryingEverything.FAMILY_NAME_ARABIC,
                    CardCarryingEverything.GIVEN_NAME_ARABIC, CardCarryingEverything.BIRTH_DATE,
                    CardCarryingEverything.GUARDIAN_NAME, CardCarryingEverything.GUARDIAN_PHONE,
                    CardCarryingEverything.ADDRESS_LINE, CardCarryingEverything.CHILD_PHONE,
                    CardCarryingEverything.NATIONAL_ID, CardCarryingEverything.CIVIL_STATUS_NUMBER,
                    CardCarryingEverything.SCHOOL_CODE, CardCarryingEverything.COURT_FILE_NUMBER);
        }

        @Test
        void neverSaysTheConcernIsSexualNorNamesADocument() {
            assertThat(text).doesNotContain("sexuel", "sexual", CardCarryingEverything.FORENSIC_SHA256,
                    CardCarryingEverything.SCHOOL_REPORT_SHA256, "medico-legal", "application/pdf");
        }

        @Test
        void carriesNoFreeTextThatCouldSayWhatTheCodesDoNot() {
            assertThat(text).doesNotContain(CardCarryingEverything.SERVICE_REASON, CardCarryingEverything.OUTCOME,
                    CardCarryingEverything.BUSINESS_STATUS);
        }

        @Test
        void stillTellsTheLineWhoHandlesItsReportAndHowFar() {
            JsonNode retour = tree(sent);

            assertThat(retour.get("emetteur").get("secteur").asString()).isEqualTo("centre");
            assertThat(retour.get("referenceDossier").asString()).isEqualTo("CAS-2026-001204");
            assertThat(retour.get("carteLiee").asString()).isEqualTo("0f9e8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f");
            assertThat(retour.get("statut").asString()).isEqualTo("pris-en-charge");
        }
    }

    @Nested
    class StatusReports {

        @Test
        void receivedIsReceived() {
            StatusReport report = format.readStatus(resource(RECEIVED));

            assertThat(report).isEqualTo(new StatusReport(UUID.fromString("54897229-1eb3-4627-a94e-bcab3d8d0b99"),
                    TaskStatus.RECEIVED, "recu", null));
        }

        @Test
        void notTakenUpIsRejectedSayingWhy() {
            StatusReport report = format.readStatus(resource(NOT_TAKEN_UP));

            assertThat(report.status()).isEqualTo(TaskStatus.REJECTED);
            assertThat(report.businessStatus()).isEqualTo("non-retenu");
            assertThat(report.reason()).startsWith("Carte adressée à la cellule d'écoute du collège Ibn Battouta");
        }

        @ParameterizedTest
        @EnumSource(Etat.class)
        void everyWordIsAcceptedByTheSchemaAndMapped(Etat word) {
            byte[] body = edited(RECEIVED, statut -> statut.put("statut", word.code()));

            assertThat(format.readStatus(body).status()).isEqualTo(word.taskStatus());
        }

        @Test
        void theSchemasListExactlyTheWordsTheFormatMaps() {
            List<String> words = Arrays.stream(Etat.values()).map(Etat::code).toList();

            assertThat(enumeration("/freeline/statut-v1.schema.json", "/properties/statut/enum"))
                    .containsExactlyInAnyOrderElementsOf(words);
            assertThat(enumeration("/freeline/retour-v1.schema.json", "/$defs/statut/enum"))
                    .containsExactlyInAnyOrderElementsOf(words);
        }

        @Test
        void anUnknownWordIsRabtM007NamingTheMember() {
            byte[] body = edited(RECEIVED, statut -> statut.put("statut", "termine"));

            assertThatThrownBy(() -> format.readStatus(body)).isInstanceOfSatisfying(MappingException.class, e -> {
                assertThat(e.error()).isEqualTo(MappingError.SECTOR_SCHEMA_VIOLATION);
                assertThat(e.field()).isEqualTo("/statut");
            });
        }

        @Test
        void aStatusWithoutTheCardIdIsRabtM007() {
            byte[] body = edited(RECEIVED, statut -> statut.remove("identifiantCarte"));

            assertThatThrownBy(() -> format.readStatus(body)).isInstanceOfSatisfying(MappingException.class, e -> {
                assertThat(e.error()).isEqualTo(MappingError.SECTOR_SCHEMA_VIOLATION);
                assertThat(e.detail()).contains("identifiantCarte");
            });
        }
    }

    @Nested
    class CodeTables {

        @Test
        void everyConcernCodeHasACodeTheReportSchemaAccepts() {
            assertThat(enumeration("/freeline/signalement-v1.schema.json", "/properties/motifs/items/properties/code/enum"))
                    .containsExactlyInAnyOrderElementsOf(
                            Arrays.stream(ConcernCode.values()).map(FrenchCodes::motif).toList());
        }

        @Test
        void everySettingRiskSexPriorityConfidentialityAndSectorHasACodeTheSchemaAccepts() {
            String report = "/freeline/signalement-v1.schema.json";
            assertThat(enumeration(report, "/properties/motifs/items/properties/cadre/enum"))
                    .containsExactlyInAnyOrderElementsOf(Arrays.stream(Setting.values()).map(FrenchCodes::cadre).toList());
            assertThat(enumeration(report, "/properties/motifs/items/properties/niveauRisque/enum"))
                    .containsExactlyInAnyOrderElementsOf(
                            Arrays.stream(RiskLevel.values()).map(FrenchCodes::niveauRisque).toList());
            assertThat(enumeration(report, "/properties/enfant/properties/sexe/enum"))
                    .containsExactlyInAnyOrderElementsOf(Arrays.stream(Sex.values()).map(FrenchCodes::sexe).toList());
            assertThat(enumeration(report, "/properties/priorite/enum"))
                    .containsExactlyInAnyOrderElementsOf(
                            Arrays.stream(Priority.values()).map(FrenchCodes::priorite).toList());
            assertThat(enumeration(report, "/properties/confidentialite/enum"))
                    .containsExactlyInAnyOrderElementsOf(
                            Arrays.stream(Confidentiality.values()).map(FrenchCodes::confidentialite).toList());
            assertThat(enumeration(report, "/$defs/partie/properties/secteur/enum"))
                    .containsExactlyInAnyOrderElementsOf(
                            Arrays.stream(SectorId.values()).map(FrenchCodes::secteur).toList());
        }

        @ParameterizedTest
        @EnumSource(ConcernCode.class)
        void everyConcernCodeIsReadBack(ConcernCode code) {
            byte[] body = edited(SALE, card -> ((ObjectNode) card.get("motifs").get(0)).put("code", FrenchCodes.motif(code)));

            assertThat(format.toCpm(body).concerns().get(0).code()).isEqualTo(code);
        }
    }

    static byte[] resource(String path) {
        try (InputStream in = FreelineFormatTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(byte[] json) {
        return SectorJson.tree(json);
    }

    /** An example with one change, made on its JSON tree. */
    static byte[] edited(String example, Consumer<ObjectNode> change) {
        ObjectNode card = (ObjectNode) tree(resource(example));
        change.accept(card);
        return SectorJson.mapper().writeValueAsBytes(card);
    }

    private static List<String> enumeration(String schema, String pointer) {
        List<String> values = new ArrayList<>();
        tree(resource(schema)).at(pointer).forEach(value -> values.add(value.asString()));
        assertThat(values).as(schema + pointer).isNotEmpty();
        return values;
    }
}
