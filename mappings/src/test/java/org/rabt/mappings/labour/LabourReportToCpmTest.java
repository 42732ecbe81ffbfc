package org.rabt.mappings.labour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rabt.mappings.labour.LabourCards.CPM_SCHEMA;
import static org.rabt.mappings.labour.LabourCards.DOMESTIC_WORK;
import static org.rabt.mappings.labour.LabourCards.FORMAT;
import static org.rabt.mappings.labour.LabourCards.PSEUDONYM;
import static org.rabt.mappings.labour.LabourCards.WORKSHOP;
import static org.rabt.mappings.labour.LabourCards.edited;
import static org.rabt.mappings.labour.LabourCards.example;
import static org.rabt.mappings.labour.LabourCards.fixture;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rabt.mappings.MappingError;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.cpm.Address;
import org.rabt.mappings.cpm.AgeBand;
import org.rabt.mappings.cpm.CardType;
import org.rabt.mappings.cpm.Certainty;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.Concern;
import org.rabt.mappings.cpm.ConcernCode;
import org.rabt.mappings.cpm.Confidentiality;
import org.rabt.mappings.cpm.CpmJson;
import org.rabt.mappings.cpm.EntryChannel;
import org.rabt.mappings.cpm.Guardian;
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
import tools.jackson.databind.node.ObjectNode;

/** Withdrawal reports labour inspection sends, read into the CPM. */
class LabourReportToCpmTest {

    @Nested
    class TheWorkshopReportFromCasablanca {

        private final ChildProtectionMessage cpm = FORMAT.toCpm(example(WORKSHOP));

        @Test
        void passesTheCpmSchemaOnceTheHubHasSetThePseudonym() {
            assertThatCode(() -> CPM_SCHEMA.validate(cpm.withPseudonym(PSEUDONYM))).doesNotThrowAnyException();
        }

        @Test
        void leavesThePseudonymToTheHub() {
            assertThat(cpm.child().pseudonym()).isNull();
        }

        @Test
        void carriesTheCardIdentityAndTheHealthCardItFollows() {
            assertThat(cpm.header().messageId()).isEqualTo(UUID.fromString("a5325c1b-1b4e-4b87-b515-55b059a77a3e"));
            assertThat(cpm.header().cardType()).isEqualTo(CardType.FOLLOW_UP);
            assertThat(cpm.header().schemaVersion()).isEqualTo(ChildProtectionMessage.SCHEMA_VERSION);
            assertThat(cpm.header().caseReference()).isEqualTo("MA-CAS-2026-01189");
            assertThat(cpm.header().correlationId()).isEqualTo(UUID.fromString("c150f3fa-af5b-4ce4-aa81-ce4d96efa3f5"));
        }

        @Test
        void readsTheSendingTimeWithItsMoroccanOffsetAsAnInstant() {
            assertThat(cpm.header().sentAt()).isEqualTo(Instant.parse("2026-11-27T10:20:00Z"));
            assertThat(cpm.header().dueBy()).isEqualTo(LocalDate.parse("2026-12-11"));
        }

        @Test
        void hasLabourInspectionAsSenderAndTheCasablancaCentreAsReceiver() {
            assertThat(cpm.header().sender()).isEqualTo(new Party(SectorId.LABOUR,
                    "Direction provinciale de l'Emploi de Casablanca — Inspection du travail",
                    "Cellule de lutte contre le travail des enfants", "MA-CAS"));
            assertThat(cpm.header().receiver()).isEqualTo(new Party(SectorId.CENTRE,
                    "Centre d'accompagnement de la protection de l'enfance de Casablanca", "Cellule des services",
                    "MA-CAS"));
        }

        @Test
        void readsPriorityPurposeLegalBasisAndConfidentialityFromTheirFrenchCodes() {
            assertThat(cpm.header().priority()).isEqualTo(Priority.URGENT);
            assertThat(cpm.header().purposeOfUse()).isEqualTo(PurposeOfUse.LABOUR_WITHDRAWAL);
            assertThat(cpm.header().legalBasis()).isEqualTo(LegalBasis.CONSENT);
            assertThat(cpm.header().confidentiality()).isEqualTo(Confidentiality.RESTRICTED);
        }

        @Test
        void carriesTheSharedPartOfTheChild() {
            assertThat(cpm.child().sex()).isEqualTo(Sex.MALE);
            assertThat(cpm.child().ageBand()).isEqualTo(AgeBand.FROM_15_TO_17);
            assertThat(cpm.child().birthYear()).isEqualTo(2011);
            assertThat(cpm.child().province()).isEqualTo("MA-CAS");
            assertThat(cpm.child().disability()).isFalse();
        }

        @Test
        void carriesTheIdentityTheInspectorRecordedInBothScripts() {
            assertThat(cpm.childProtected().familyNameLatin()).isEqualTo("Ait Lahcen");
            assertThat(cpm.childProtected().givenNameLatin()).isEqualTo("Hamza");
            assertThat(cpm.childProtected().familyNameArabic()).isEqualTo("آيت لحسن");
            assertThat(cpm.childProtected().givenNameArabic()).isEqualTo("حمزة");
            assertThat(cpm.childProtected().birthDate()).isEqualTo(LocalDate.parse("2011-02-09"));
            assertThat(cpm.childProtected().address())
                    .isEqualTo(new Address("Derb Sultan, rue 12, n° 7", "Casablanca", "MA-CAS"));
            assertThat(cpm.childProtected().guardians())
                    .containsExactly(new Guardian("FTH", "Mohamed Ait Lahcen", "+212 6 55 90 31 44"));
        }

        @Test
        void carriesNoIdentifierTheFormatHasNoMemberFor() {
            assertThat(cpm.childProtected().phone()).isNull();
            assertThat(cpm.childProtected().nationalId()).isNull();
            assertThat(cpm.childProtected().civilStatusNumber()).isNull();
            assertThat(cpm.childProtected().schoolCode()).isNull();
            assertThat(cpm.childProtected().courtFileNumber()).isNull();
        }

        @Test
        void carriesConfirmedChildLabourAndEconomicExploitationAtTheWorkplace() {
            assertThat(cpm.concerns()).containsExactly(
                    new Concern(ConcernCode.CHILD_LABOUR, Certainty.CONFIRMED, Setting.WORKPLACE, RiskLevel.HIGH, false),
                    new Concern(ConcernCode.ECONOMIC_EXPLOITATION, Certainty.CONFIRMED, Setting.WORKPLACE,
                            RiskLevel.MEDIUM, false));
        }

        @Test
        void placesTheChildAtReintegrationAfterEnteringThroughTheHospital() {
            assertThat(cpm.pathway().stage()).isEqualTo(PathwayStage.REHABILITATION_AND_REINTEGRATION);
            assertThat(cpm.pathway().entryChannel()).isEqualTo(EntryChannel.HEALTH_FACILITY);
        }

        @Test
        void asksEducationForSchoolReintegrationAndSocialServicesForSupport() {
            assertThat(cpm.requestedServices()).extracting(RequestedService::serviceCode)
                    .containsExactly("school-reintegration", "social-support");
            RequestedService school = cpm.requestedServices().get(0);
            assertThat(school.target()).isEqualTo(new Party(SectorId.EDUCATION,
                    "Direction provinciale de l'Éducation nationale de Casablanca-Anfa",
                    "École de la deuxième chance — nouvelle génération", "MA-CAS"));
            assertThat(school.reason()).startsWith("Hamza, 15 ans, a quitté l'école");
            assertThat(school.dueDate()).isEqualTo(LocalDate.parse("2026-12-18"));
            assertThat(cpm.requestedServices().get(1).target().sector()).isEqualTo(SectorId.SOCIAL);
        }

        @Test
        void carriesTheFathersConsentForTheSectorsItNames() {
            assertThat(cpm.consent().givenBy()).isEqualTo("FTH");
            assertThat(cpm.consent().givenAt()).isEqualTo(Instant.parse("2026-11-26T09:30:00Z"));
            assertThat(cpm.consent().sectors())
                    .containsExactly(SectorId.LABOUR, SectorId.CENTRE, SectorId.EDUCATION, SectorId.SOCIAL);
            assertThat(cpm.consent().revokedAt()).isNull();
        }

        @Test
        void isANewRequestWithoutDocuments() {
            assertThat(cpm.status().status()).isEqualTo(TaskStatus.REQUESTED);
            assertThat(cpm.attachments()).isEmpty();
        }

        @Test
        void keepsTheWorkSituationAndTheEstablishmentReferenceOutOfTheSharedMessage() {
            String json = CpmJson.write(cpm);

            assertThat(json).doesNotContain("DPE-CAS/ET/2026/0412", "ébénisterie", "machines-dangereuses",
                    "poussieres", "artisanat", "employeurSignaleAuParquet", "Parquet");
        }
    }

    @Nested
    class TheDomesticWorkReportFromSale {

        private final ChildProtectionMessage cpm = FORMAT.toCpm(example(DOMESTIC_WORK));

        @Test
        void passesTheCpmSchemaOnceTheHubHasSetThePseudonym() {
            assertThatCode(() -> CPM_SCHEMA.validate(cpm.withPseudonym(PSEUDONYM))).doesNotThrowAnyException();
        }

        @Test
        void isANewReportThatAsksForActionAsSoonAsPossibleInTheChildsBestInterest() {
            assertThat(cpm.header().cardType()).isEqualTo(CardType.REPORTING);
            assertThat(cpm.header().correlationId()).isNull();
            assertThat(cpm.header().caseReference()).isNull();
            assertThat(cpm.header().priority()).isEqualTo(Priority.ASAP);
            assertThat(cpm.header().purposeOfUse()).isEqualTo(PurposeOfUse.CHILD_PROTECTION);
            assertThat(cpm.header().legalBasis()).isEqualTo(LegalBasis.BEST_INTEREST);
            assertThat(cpm.header().confidentiality()).isEqualTo(Confidentiality.VERY_RESTRICTED);
            assertThat(cpm.consent()).isNull();
        }

        @Test
        void takesTheInspectorsEstimatedAgeBandWhenTheChildHasNoBirthDate() {
            assertThat(cpm.child().sex()).isEqualTo(Sex.FEMALE);
            assertThat(cpm.child().ageBand()).isEqualTo(AgeBand.FROM_10_TO_14);
            assertThat(cpm.child().birthYear()).isNull();
            assertThat(cpm.child().disability()).isNull();
            assertThat(cpm.childProtected().birthDate()).isNull();
        }

        @Test
        void placesTheChildInHerHomeProvinceNotWhereSheWorked() {
            assertThat(cpm.child().province()).isEqualTo("MA-AZI");
            assertThat(cpm.childProtected().address().province()).isEqualTo("MA-AZI");
            assertThat(cpm.header().sender().provinceCode()).isEqualTo("MA-SAL");
        }

        @Test
        void carriesEveryConcernInOrderWithItsUrgency() {
            assertThat(cpm.concerns()).extracting(Concern::code).containsExactly(ConcernCode.CHILD_LABOUR,
                    ConcernCode.ECONOMIC_EXPLOITATION, ConcernCode.PHYSICAL_VIOLENCE, ConcernCode.SCHOOL_DROPOUT);
            assertThat(cpm.concerns().get(2)).isEqualTo(new Concern(ConcernCode.PHYSICAL_VIOLENCE, Certainty.SUSPECTED,
                    Setting.WORKPLACE, RiskLevel.HIGH, true));
            assertThat(cpm.concerns().get(3).emergency()).isFalse();
            assertThat(cpm.concerns().get(3).setting()).isEqualTo(Setting.FAMILY);
        }

        @Test
        void entersThroughACommunityReportAtImmediateAssistance() {
            assertThat(cpm.pathway().stage()).isEqualTo(PathwayStage.IMMEDIATE_ASSISTANCE);
            assertThat(cpm.pathway().entryChannel()).isEqualTo(EntryChannel.COMMUNITY_REPORT);
        }

        @Test
        void asksForShelterAMedicalExaminationAndSchoolReintegrationAtHome() {
            assertThat(cpm.requestedServices()).extracting(s -> s.target().sector())
                    .containsExactly(SectorId.SOCIAL, SectorId.HEALTH, SectorId.EDUCATION);
            assertThat(cpm.requestedServices()).extracting(RequestedService::serviceCode)
                    .containsExactly("emergency-shelter", "medical-examination", "school-reintegration");
            RequestedService school = cpm.requestedServices().get(2);
            assertThat(school.target().provinceCode()).isEqualTo("MA-AZI");
            assertThat(school.target().service()).isNull();
        }
    }

    @Nested
    class RefusedReports {

        @Test
        void aBodyThatIsNotJsonIsUnparseable() {
            assertThatThrownBy(() -> FORMAT.toCpm(fixture("not-json.txt")))
                    .isInstanceOfSatisfying(MappingException.class,
                            e -> assertThat(e.error()).isEqualTo(MappingError.UNPARSEABLE));
        }

        @Test
        void aRepeatedMemberIsUnparseableRatherThanReadOneWayOrTheOther() {
            assertThatThrownBy(() -> FORMAT.toCpm(fixture("repeated-member.json")))
                    .isInstanceOfSatisfying(MappingException.class, e -> {
                        assertThat(e.error()).isEqualTo(MappingError.UNPARSEABLE);
                        assertThat(e.detail()).contains("typeCarte");
                    });
        }

        @Test
        void anEmployerCannotBeNamedInTheWorkSituation() {
            assertSchemaViolation(fixture("employer-named.json"), "/situationTravail", "employeur");
        }

        @Test
        void theChildsNationalIdCannotBeSentInThisFormat() {
            assertSchemaViolation(fixture("national-id-number.json"), "/enfant/identite", "numeroCNIE");
        }

        @Test
        void aMissingSexIsASchemaViolationAtTheChild() {
            assertSchemaViolation(edit(t -> child(t).remove("sexe")), "/enfant", "sexe");
        }

        @Test
        void aMissingReceiverIsASchemaViolationAtTheRoot() {
            assertSchemaViolation(edit(t -> t.remove("destinataire")), "", "destinataire");
        }

        @Test
        void anUnknownConcernCodeIsASchemaViolationAtThatCode() {
            assertSchemaViolation(edit(t -> ((ObjectNode) t.get("motifs").get(1)).put("code", "travail-force")),
                    "/motifs/1/code", "enumeration");
        }

        @Test
        void aSendingTimeWithoutOffsetIsASchemaViolation() {
            assertSchemaViolation(edit(t -> t.put("dateEnvoi", "2026-11-27T11:20:00")), "/dateEnvoi", "date-time");
        }

        @Test
        void aCardInAnotherSectorsNameIsRefused() {
            assertRefused(edit(t -> ((ObjectNode) t.get("emetteur")).put("secteur", "sante")),
                    MappingError.INVALID_VALUE, "/emetteur/secteur");
        }

        @Test
        void aChildWithoutAnyNameCannotBeLinkedAndIsRefused() {
            assertRefused(edit(t -> identity(t).remove(List.of("nomLatin", "prenomLatin", "nomArabe", "prenomArabe"))),
                    MappingError.MISSING_ELEMENT, "/enfant/identite");
        }

        @Test
        void aChildWithoutIdentityIsRefused() {
            assertRefused(edit(t -> child(t).remove("identite")), MappingError.MISSING_ELEMENT, "/enfant/identite");
        }

        @Test
        void anAgeBandThatContradictsTheBirthDateIsRefused() {
            assertRefused(edit(t -> child(t).put("trancheAge", "10-14")), MappingError.INVALID_VALUE,
                    "/enfant/trancheAge");
        }

        @Test
        void aBirthYearThatContradictsTheBirthDateIsRefused() {
            assertRefused(edit(t -> child(t).put("anneeNaissance", 2012)), MappingError.INVALID_VALUE,
                    "/enfant/anneeNaissance");
        }

        @Test
        void aBirthDateAfterTheCardWasSentIsRefused() {
            assertRefused(edit(t -> {
                identity(t).put("dateNaissance", "2026-11-28");
                child(t).remove(List.of("trancheAge", "anneeNaissance"));
            }), MappingError.INVALID_VALUE, "/enfant/identite/dateNaissance");
        }

        @Test
        void aCardOnTheStrengthOfConsentWithoutTheConsentIsRefused() {
            assertRefused(edit(t -> t.remove("consentement")), MappingError.MISSING_ELEMENT, "/consentement");
        }

        @Test
        void aCardOnTheStrengthOfAWithdrawnConsentIsRefused() {
            assertRefused(edit(t -> ((ObjectNode) t.get("consentement")).put("dateRetrait", "2026-11-26T18:00:00+01:00")),
                    MappingError.INVALID_VALUE, "/consentement/dateRetrait");
        }

        @Test
        void aConsentThatDoesNotCoverTheReceiverIsRefused() {
            assertRefused(edit(t -> ((ObjectNode) t.get("consentement")).putArray("secteurs").add("travail").add("education")),
                    MappingError.INVALID_VALUE, "/consentement/secteurs");
        }

        @Test
        void aWithdrawnConsentIsAcceptedWhenTheCardRestsOnAnotherLegalBasis() {
            byte[] report = edit(t -> {
                t.put("baseLegale", "interet-superieur");
                ((ObjectNode) t.get("consentement")).put("dateRetrait", "2026-11-26T18:00:00+01:00");
            });

            assertThat(FORMAT.toCpm(report).consent().revokedAt()).isEqualTo(Instant.parse("2026-11-26T17:00:00Z"));
        }

        private byte[] edit(Consumer<ObjectNode> change) {
            return edited(WORKSHOP, change);
        }

        private ObjectNode child(ObjectNode tree) {
            return (ObjectNode) tree.get("enfant");
        }

        private ObjectNode identity(ObjectNode tree) {
            return (ObjectNode) tree.get("enfant").get("identite");
        }

        private void assertSchemaViolation(byte[] report, String field, String named) {
            assertThatThrownBy(() -> FORMAT.toCpm(report)).isInstanceOfSatisfying(MappingException.class, e -> {
                assertThat(e.code()).isEqualTo("RABT-M007");
                assertThat(e.field()).isEqualTo(field);
                assertThat(e.detail()).contains(named);
            });
        }

        private void assertRefused(byte[] report, MappingError error, String field) {
            assertThatThrownBy(() -> FORMAT.toCpm(report)).isInstanceOfSatisfying(MappingException.class, e -> {
                assertThat(e.error()).isEqualTo(error);
                assertThat(e.field()).isEqualTo(field);
                assertThat(e.detail()).contains(field);
            });
        }
    }
}
