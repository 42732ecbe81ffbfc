package org.rabt.mappings.justice;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rabt.mappings.justice.JusticeXml.count;
import static org.rabt.mappings.justice.JusticeXml.xpath;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rabt.mappings.MappingError;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.StatusReport;
import org.rabt.mappings.cpm.AgeBand;
import org.rabt.mappings.cpm.AttachmentType;
import org.rabt.mappings.cpm.CardType;
import org.rabt.mappings.cpm.Certainty;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.Concern;
import org.rabt.mappings.cpm.ConcernCode;
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
import org.rabt.mappings.cpm.TaskStatus;
import org.w3c.dom.Node;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.builder.Input;
import org.xmlunit.diff.Diff;

/** What justice sends the hub: linkage cards from the prosecutor and the juvenile judge, and status reports. */
class JusticeFormatInboundTest {

    static final String TO_HEALTH = "/justice/examples/carte-liaison-parquet-vers-sante.xml";
    static final String TO_SOCIAL = "/justice/examples/carte-liaison-juge-mineurs-vers-social.xml";
    static final String ORDER_MADE = "/justice/examples/statut-carte-ordonnance-rendue.xml";
    static final String NOT_THIS_COURT = "/justice/examples/statut-carte-incompetence.xml";
    static final String PSEUDONYM = "AAAAAAAAAAAAAAAAAAAAAAAAAAA";

    private static final CpmSchema CPM_SCHEMA = new CpmSchema();

    private final JusticeFormat format = new JusticeFormat();

    @Test
    void isTheJusticeSectorInXml() {
        assertThat(format.sector()).isEqualTo(SectorId.JUSTICE);
        assertThat(format.mediaType()).isEqualTo("application/xml");
    }

    @Nested
    class TheProsecutorsRequisitionOfAForensicExamination {

        private final ChildProtectionMessage cpm = format.toCpm(JusticeXml.resource(TO_HEALTH));

        @Test
        void givesACpmThatPassesTheCpmSchemaOnceThePseudonymIsSet() {
            assertThat(cpm.child().pseudonym()).isNull();
            assertThatCode(() -> CPM_SCHEMA.validate(cpm.withPseudonym(PSEUDONYM))).doesNotThrowAnyException();
        }

        @Test
        void isALinkageFromTheMeknesProsecutorToForensicMedicine() {
            Header header = cpm.header();

            assertThat(header.messageId()).isEqualTo(UUID.fromString("cb263116-7838-4182-8a24-207c13d1224c"));
            assertThat(header.cardType()).isEqualTo(CardType.LINKAGE);
            assertThat(header.schemaVersion()).isEqualTo(ChildProtectionMessage.SCHEMA_VERSION);
            assertThat(header.sentAt()).isEqualTo(Instant.parse("2026-12-09T16:45:30Z"));
            assertThat(header.dueBy()).isEqualTo(LocalDate.parse("2026-12-10"));
            assertThat(header.priority()).isEqualTo(Priority.ASAP);
            assertThat(header.sender()).isEqualTo(new Party(SectorId.JUSTICE, "Tribunal de première instance de Meknès",
                    "Parquet, cellule de prise en charge des femmes et enfants victimes de violence", "MA-MEK"));
            assertThat(header.receiver().sector()).isEqualTo(SectorId.HEALTH);
            assertThat(header.receiver().service()).isEqualTo("Service de médecine légale");
            assertThat(header.purposeOfUse()).isEqualTo(PurposeOfUse.LEGAL_PROTECTION);
            assertThat(header.legalBasis()).isEqualTo(LegalBasis.JUDICIAL_ORDER);
        }

        @Test
        void carriesTheChildWithTheIdentityAndCourtFileJusticeHolds() {
            assertThat(cpm.child().sex()).isEqualTo(Sex.FEMALE);
            assertThat(cpm.child().ageBand()).isEqualTo(AgeBand.FROM_5_TO_9);
            assertThat(cpm.child().birthYear()).isEqualTo(2019);
            assertThat(cpm.child().province()).isEqualTo("MA-MEK");
            assertThat(cpm.childProtected().familyNameArabic()).isEqualTo("الإدريسي");
            assertThat(cpm.childProtected().birthDate()).isEqualTo(LocalDate.parse("2019-02-14"));
            assertThat(cpm.childProtected().courtFileNumber()).isEqualTo("2026/2103/412");
            assertThat(cpm.childProtected().guardians())
                    .containsExactly(new Guardian("MTH", "Samira Tazi", "+212 670 112 233"));
            assertThat(cpm.childProtected().schoolCode()).isNull();
        }

        @Test
        void carriesTheConcernServiceConsentAndPoliceReport() {
            assertThat(cpm.concerns()).containsExactly(new Concern(ConcernCode.SEXUAL_VIOLENCE, Certainty.SUSPECTED,
                    Setting.COMMUNITY, RiskLevel.HIGH, true));
            assertThat(cpm.pathway().stage()).isEqualTo(PathwayStage.INITIAL_DIAGNOSIS);
            assertThat(cpm.pathway().entryChannel()).isEqualTo(EntryChannel.POLICE);
            assertThat(cpm.requestedServices()).singleElement().satisfies(service -> {
                assertThat(service.serviceCode()).isEqualTo("forensic-examination");
                assertThat(service.target().sector()).isEqualTo(SectorId.HEALTH);
                assertThat(service.dueDate()).isEqualTo(LocalDate.parse("2026-12-10"));
            });
            assertThat(cpm.consent().givenBy()).isEqualTo("MTH");
            assertThat(cpm.consent().sectors()).containsExactly(SectorId.JUSTICE, SectorId.HEALTH, SectorId.CENTRE);
            assertThat(cpm.attachments()).singleElement().satisfies(attachment -> {
                assertThat(attachment.type()).isEqualTo(AttachmentType.POLICE_REPORT);
                assertThat(attachment.size()).isEqualTo(58_230);
                assertThat(attachment.sha256()).startsWith("8d881e64");
            });
            assertThat(cpm.status().status()).isEqualTo(TaskStatus.REQUESTED);
        }
    }

    @Nested
    class TheJuvenileJudgesPlacementOrder {

        private final ChildProtectionMessage cpm = format.toCpm(JusticeXml.resource(TO_SOCIAL));

        @Test
        void givesACpmThatPassesTheCpmSchemaOnceThePseudonymIsSet() {
            assertThatCode(() -> CPM_SCHEMA.validate(cpm.withPseudonym(PSEUDONYM))).doesNotThrowAnyException();
        }

        @Test
        void asksEntraideNationaleForASocialEnquiryAndAPlacementUnderAJudicialOrder() {
            assertThat(cpm.header().sender().service()).isEqualTo("Juge des mineurs");
            assertThat(cpm.header().receiver().sector()).isEqualTo(SectorId.SOCIAL);
            assertThat(cpm.header().legalBasis()).isEqualTo(LegalBasis.JUDICIAL_ORDER);
            assertThat(cpm.header().caseReference()).isEqualTo("SAL-2026-000233");
            assertThat(cpm.requestedServices()).extracting(service -> service.serviceCode())
                    .containsExactly("social-enquiry", "temporary-placement");
            assertThat(cpm.attachments()).extracting(attachment -> attachment.type())
                    .containsExactly(AttachmentType.COURT_DECISION);
        }

        @Test
        void keepsBothConcernsAndBothGuardiansInOrder() {
            assertThat(cpm.concerns()).extracting(Concern::code)
                    .containsExactly(ConcernCode.NEGLECT, ConcernCode.SCHOOL_DROPOUT);
            assertThat(cpm.childProtected().guardians()).extracting(Guardian::relationship)
                    .containsExactly("FTH", "GRMTH");
            assertThat(cpm.childProtected().givenNameLatin()).isEqualTo("Youssef");
            assertThat(cpm.child().sex()).isEqualTo(Sex.MALE);
        }
    }

    @Nested
    class RoundTrip {

        /**
         * What legitimately differs after native -> CPM -> native: the card is re-addressed to
         * justice ({@code destinataire}), the hub adds its {@code pseudonyme}, and minimisation keeps
         * only the services requested of justice, so the examples' services (asked of health and of
         * social services) are dropped. Everything else justice sends it is allowed to receive back.
         */
        private static final Set<String> CHANGED_ON_THE_WAY = Set.of("destinataire", "pseudonyme", "servicesDemandes");

        @ParameterizedTest
        @ValueSource(strings = {TO_HEALTH, TO_SOCIAL})
        void bringsBackEveryElementJusticeBothSendsAndReceives(String example) {
            byte[] original = JusticeXml.resource(example);

            byte[] back = format.fromCpm(readdressedToJustice(format.toCpm(original)));

            Diff diff = DiffBuilder.compare(Input.fromByteArray(original))
                    .withTest(Input.fromByteArray(back))
                    .ignoreWhitespace()
                    .withNodeFilter(RoundTrip::keptOnTheWay)
                    .checkForSimilar()
                    .build();
            assertThat(diff.hasDifferences()).as(diff.toString()).isFalse();
            assertThat(xpath(back, "/c:carteLiaison/c:entete/c:destinataire/c:secteur")).isEqualTo("justice");
            assertThat(xpath(back, "/c:carteLiaison/c:enfant/c:pseudonyme")).isEqualTo(PSEUDONYM);
            assertThat(count(back, "//c:servicesDemandes")).isZero();
        }

        @Test
        void keepsTheServicesRequestedOfJustice() {
            ChildProtectionMessage cpm = readdressedToJustice(format.toCpm(JusticeXml.resource(TO_HEALTH)));
            var service = cpm.requestedServices().get(0);
            var toJustice = new RequestedService(service.serviceCode(),
                    Party.of(SectorId.JUSTICE), service.reason(), service.dueDate());

            ChildProtectionMessage withJusticeService = new ChildProtectionMessage(cpm.header(), cpm.child(),
                    cpm.childProtected(), cpm.concerns(), cpm.pathway(), List.of(toJustice), cpm.consent(),
                    cpm.attachments(), cpm.status());
            byte[] back = format.fromCpm(withJusticeService);

            assertThat(format.toCpm(back).requestedServices()).containsExactly(toJustice);
        }

        private static boolean keptOnTheWay(Node node) {
            return node.getLocalName() == null || !CHANGED_ON_THE_WAY.contains(node.getLocalName());
        }

        private static ChildProtectionMessage readdressedToJustice(ChildProtectionMessage cpm) {
            Header h = cpm.header();
            Header header = new Header(h.messageId(), h.cardType(), h.schemaVersion(), h.caseReference(),
                    h.correlationId(), h.sentAt(), h.dueBy(), h.priority(), h.sender(),
                    new Party(SectorId.JUSTICE, "Tribunal de première instance de Tanger", "Parquet", "MA-TNG"),
                    h.purposeOfUse(), h.legalBasis(), h.confidentiality());
            return new ChildProtectionMessage(header, cpm.child(), cpm.childProtected(), cpm.concerns(), cpm.pathway(),
                    cpm.requestedServices(), cpm.consent(), cpm.attachments(), cpm.status())
                    .withPseudonym(PSEUDONYM);
        }
    }

    @Nested
    class RefusedCards {

        private final String valid = new String(JusticeXml.resource(TO_HEALTH), UTF_8);

        @Test
        void aMissingRequiredElementIsRabtM007NamingWhereItWasExpected() {
            String withoutPriority = valid.replace("<priorite>tres-urgente</priorite>", "");

            assertThatThrownBy(() -> format.toCpm(withoutPriority.getBytes(UTF_8)))
                    .isInstanceOfSatisfying(MappingException.class, e -> {
                        assertThat(e.error()).isEqualTo(MappingError.SECTOR_SCHEMA_VIOLATION);
                        assertThat(e.field()).startsWith("/carteLiaison/entete");
                        assertThat(e.detail()).contains("priorite");
                    });
        }

        @Test
        void anUnknownCodeIsRabtM007NamingTheElement() {
            String badCode = valid.replace("<code>violence-sexuelle</code>", "<code>agression</code>");

            assertThatThrownBy(() -> format.toCpm(badCode.getBytes(UTF_8)))
                    .isInstanceOfSatisfying(MappingException.class, e -> {
                        assertThat(e.error()).isEqualTo(MappingError.SECTOR_SCHEMA_VIOLATION);
                        assertThat(e.field()).isEqualTo("/carteLiaison/motifs/motif/code");
                    });
        }

        @Test
        void aCardNamingAnotherSenderIsRabtM004() {
            // The hub's own documentation example was sent by health: justice cannot send it as its own.
            byte[] fromHealth = JusticeXml.resource(JusticeFormatOutboundTest.EXAMPLE);

            assertThatThrownBy(() -> format.toCpm(fromHealth))
                    .isInstanceOfSatisfying(MappingException.class, e -> {
                        assertThat(e.error()).isEqualTo(MappingError.INVALID_VALUE);
                        assertThat(e.field()).isEqualTo("/carteLiaison/entete/emetteur/secteur");
                    });
        }

        @Test
        void aBirthYearThatIsNotTheDateOfBirthsIsRabtM004() {
            String otherYear = valid.replace("<anneeNaissance>2019</anneeNaissance>",
                    "<anneeNaissance>2018</anneeNaissance>");

            assertThatThrownBy(() -> format.toCpm(otherYear.getBytes(UTF_8)))
                    .isInstanceOfSatisfying(MappingException.class, e -> {
                        assertThat(e.error()).isEqualTo(MappingError.INVALID_VALUE);
                        assertThat(e.field()).isEqualTo("/carteLiaison/enfant/anneeNaissance");
                    });
        }

        @Test
        void anExternalEntityIsNeverResolvedAndTheCardIsRabtM001() {
            String withEntity = valid.replace("<?xml version='1.0' encoding='UTF-8'?>",
                    "<?xml version='1.0' encoding='UTF-8'?>\n<!DOCTYPE carteLiaison [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>")
                    .replace("<nomLatin>Idrissi</nomLatin>", "<nomLatin>&x;</nomLatin>");

            assertThatThrownBy(() -> format.toCpm(withEntity.getBytes(UTF_8)))
                    .isInstanceOfSatisfying(MappingException.class, e -> {
                        assertThat(e.error()).isEqualTo(MappingError.UNPARSEABLE);
                        assertThat(e.detail()).contains("DOCTYPE").doesNotContain("root:");
                    });
        }

        @Test
        void anInternalEntityExpansionIsRefusedToo() {
            String billionLaughs = valid.replace("<?xml version='1.0' encoding='UTF-8'?>",
                    "<?xml version='1.0' encoding='UTF-8'?>\n<!DOCTYPE carteLiaison [<!ENTITY a \"aaaaaaaaaa\">"
                            + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>")
                    .replace("<nomLatin>Idrissi</nomLatin>", "<nomLatin>&b;</nomLatin>");

            assertThatThrownBy(() -> format.toCpm(billionLaughs.getBytes(UTF_8)))
                    .isInstanceOfSatisfying(MappingException.class,
                            e -> assertThat(e.error()).isEqualTo(MappingError.UNPARSEABLE));
        }

        @Test
        void aBodyInAnotherEncodingIsRabtM001() {
            String latin1 = valid.replace("encoding='UTF-8'", "encoding='ISO-8859-1'");

            assertThatThrownBy(() -> format.toCpm(latin1.getBytes(UTF_8)))
                    .isInstanceOfSatisfying(MappingException.class,
                            e -> assertThat(e.error()).isEqualTo(MappingError.UNPARSEABLE));
            assertThatThrownBy(() -> format.toCpm(new byte[] {(byte) 0xC3, (byte) 0x28}))
                    .isInstanceOfSatisfying(MappingException.class,
                            e -> assertThat(e.error()).isEqualTo(MappingError.UNPARSEABLE));
        }

        @Test
        void somethingThatIsNotXmlIsRabtM001() {
            assertThatThrownBy(() -> format.toCpm("{\"carteLiaison\": {}}".getBytes(UTF_8)))
                    .isInstanceOfSatisfying(MappingException.class,
                            e -> assertThat(e.error()).isEqualTo(MappingError.UNPARSEABLE));
        }

        @Test
        void aPseudonymInAnInboundCardIsIgnored() {
            String withPseudonym = valid.replace("<sexe>F</sexe>",
                    "<pseudonyme>mek-forged00000000</pseudonyme><sexe>F</sexe>");

            ChildProtectionMessage cpm = format.toCpm(withPseudonym.getBytes(UTF_8));

            assertThat(withPseudonym).contains("mek-forged");
            assertThat(cpm.child().pseudonym()).isNull();
        }
    }

    @Nested
    class StatusReports {

        @Test
        void anOrderMadeIsCompletedWithWhatWasOrdered() {
            StatusReport report = format.readStatus(JusticeXml.resource(ORDER_MADE));

            assertThat(report.cardId()).isEqualTo(UUID.fromString("3f6c2a9e-8b1d-4e27-9c55-1a7f0d2b6e84"));
            assertThat(report.status()).isEqualTo(TaskStatus.COMPLETED);
            assertThat(report.businessStatus()).isEqualTo("ordonnance-rendue");
            assertThat(report.reason()).startsWith("Ordonnance de protection rendue par le juge des mineurs");
        }

        @Test
        void aCourtWithoutJurisdictionRejectsTheCardSayingWhy() {
            StatusReport report = format.readStatus(JusticeXml.resource(NOT_THIS_COURT));

            assertThat(report.status()).isEqualTo(TaskStatus.REJECTED);
            assertThat(report.businessStatus()).isEqualTo("incompetence");
            assertThat(report.reason()).contains("Larache");
        }

        @ParameterizedTest
        @EnumSource(StatutJustice.class)
        void everyWordOfTheXsdIsReadAndMapped(StatutJustice word) {
            StatusReport report = format.readStatus(status(word.code(), "<observations>Motif</observations>"));

            assertThat(report.status()).isEqualTo(word.taskStatus());
            assertThat(report.businessStatus()).isEqualTo(word.code());
        }

        @Test
        void theXsdListsExactlyTheWordsTheFormatMaps() {
            List<String> xsd = JusticeXml.enumeration("/justice/statut-carte-v1.xsd", "CodeStatutJustice");

            assertThat(xsd).containsExactlyInAnyOrder(
                    Arrays.stream(StatutJustice.values()).map(StatutJustice::code).toArray(String[]::new));
        }

        @Test
        void mapsTheProsecutorsWordsToTheReferralStatuses() {
            assertThat(StatutJustice.RECU.taskStatus()).isEqualTo(TaskStatus.RECEIVED);
            assertThat(StatutJustice.ENREGISTRE.taskStatus()).isEqualTo(TaskStatus.ACCEPTED);
            assertThat(StatutJustice.ENQUETE_ORDONNEE.taskStatus()).isEqualTo(TaskStatus.IN_PROGRESS);
            assertThat(StatutJustice.EN_ATTENTE_DE_PIECES.taskStatus()).isEqualTo(TaskStatus.ON_HOLD);
            assertThat(StatutJustice.CLASSE_SANS_SUITE.taskStatus()).isEqualTo(TaskStatus.COMPLETED);
            assertThat(StatutJustice.IRRECEVABLE.taskStatus()).isEqualTo(TaskStatus.REJECTED);
        }

        @Test
        void aRefusalWithoutObservationsIsRabtM003() {
            assertThatThrownBy(() -> format.readStatus(status("irrecevable", "")))
                    .isInstanceOfSatisfying(MappingException.class, e -> {
                        assertThat(e.error()).isEqualTo(MappingError.MISSING_ELEMENT);
                        assertThat(e.field()).isEqualTo("/statutCarte/observations");
                    });
        }

        @Test
        void anUnknownWordIsRabtM007NamingTheElement() {
            assertThatThrownBy(() -> format.readStatus(status("termine", "")))
                    .isInstanceOfSatisfying(MappingException.class, e -> {
                        assertThat(e.error()).isEqualTo(MappingError.SECTOR_SCHEMA_VIOLATION);
                        assertThat(e.field()).isEqualTo("/statutCarte/statut");
                    });
        }

        @Test
        void aStatusWithoutTheCardIdIsRabtM007() {
            byte[] noId = new String(status("recu", ""), UTF_8)
                    .replaceFirst("<identifiantCarte>[^<]*</identifiantCarte>", "").getBytes(UTF_8);

            assertThatThrownBy(() -> format.readStatus(noId))
                    .isInstanceOfSatisfying(MappingException.class, e -> {
                        assertThat(e.error()).isEqualTo(MappingError.SECTOR_SCHEMA_VIOLATION);
                        assertThat(e.detail()).contains("identifiantCarte");
                    });
        }

        private static byte[] status(String word, String observations) {
            return ("<?xml version='1.0' encoding='UTF-8'?>\n"
                    + "<statutCarte xmlns=\"https://rabt.ma/ns/justice/statut-carte/1\" version=\"1.0\">"
                    + "<identifiantCarte>3f6c2a9e-8b1d-4e27-9c55-1a7f0d2b6e84</identifiantCarte>"
                    + "<statut>" + word + "</statut>" + observations
                    + "<dateStatut>2026-12-02T11:30:00+01:00</dateStatut></statutCarte>").getBytes(UTF_8);
        }
    }
}
