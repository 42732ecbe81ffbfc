package org.rabt.mappings.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rabt.mappings.social.SocialCards.CPM_SCHEMA;
import static org.rabt.mappings.social.SocialCards.ENQUIRY;
import static org.rabt.mappings.social.SocialCards.FORMAT;
import static org.rabt.mappings.social.SocialCards.PSEUDONYM;
import static org.rabt.mappings.social.SocialCards.SHELTER;
import static org.rabt.mappings.social.SocialCards.edited;
import static org.rabt.mappings.social.SocialCards.example;
import static org.rabt.mappings.social.SocialCards.fixture;

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
import org.rabt.mappings.cpm.Attachment;
import org.rabt.mappings.cpm.AttachmentType;
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

/** Cards social services send, read into the CPM. */
class SocialCardToCpmTest {

    @Nested
    class TheSocialEnquiryFromMeknes {

        private final ChildProtectionMessage cpm = FORMAT.toCpm(example(ENQUIRY));

        @Test
        void passesTheCpmSchemaOnceTheHubHasSetThePseudonym() {
            assertThatCode(() -> CPM_SCHEMA.validate(cpm.withPseudonym(PSEUDONYM))).doesNotThrowAnyException();
        }

        @Test
        void leavesThePseudonymToTheHub() {
            assertThat(cpm.child().pseudonym()).isNull();
        }

        @Test
        void carriesTheCardIdentityAndTheJudgesCardItAnswers() {
            assertThat(cpm.header().messageId()).isEqualTo(UUID.fromString("8f33da1d-bbd6-49e2-ae96-fff9c45e74c0"));
            assertThat(cpm.header().cardType()).isEqualTo(CardType.FOLLOW_UP);
            assertThat(cpm.header().schemaVersion()).isEqualTo(ChildProtectionMessage.SCHEMA_VERSION);
            assertThat(cpm.header().caseReference()).isEqualTo("MA-MEK-2026-00412");
            assertThat(cpm.header().correlationId()).isEqualTo(UUID.fromString("61b9e8e5-5c5e-4792-a5f1-577ceaea5ff2"));
        }

        @Test
        void readsTheSendingTimeWithItsMoroccanOffsetAsAnInstant() {
            assertThat(cpm.header().sentAt()).isEqualTo(Instant.parse("2026-12-09T14:05:00Z"));
            assertThat(cpm.header().dueBy()).isEqualTo(LocalDate.parse("2026-12-23"));
        }

        @Test
        void hasTheEntraideNationaleAsSenderAndTheJuvenileJudgeAsReceiver() {
            assertThat(cpm.header().sender()).isEqualTo(new Party(SectorId.SOCIAL,
                    "Délégation de l'Entraide Nationale de Meknès",
                    "Assistante sociale — Centre d'écoute et d'orientation", "MA-MEK"));
            assertThat(cpm.header().receiver()).isEqualTo(new Party(SectorId.JUSTICE,
                    "Tribunal de première instance de Meknès", "Juge des mineurs", "MA-MEK"));
        }

        @Test
        void readsPriorityPurposeLegalBasisAndConfidentialityFromTheirFrenchCodes() {
            assertThat(cpm.header().priority()).isEqualTo(Priority.URGENT);
            assertThat(cpm.header().purposeOfUse()).isEqualTo(PurposeOfUse.LEGAL_PROTECTION);
            assertThat(cpm.header().legalBasis()).isEqualTo(LegalBasis.JUDICIAL_ORDER);
            assertThat(cpm.header().confidentiality()).isEqualTo(Confidentiality.VERY_RESTRICTED);
        }

        @Test
        void carriesTheSharedPartOfTheChild() {
            assertThat(cpm.child().sex()).isEqualTo(Sex.FEMALE);
            assertThat(cpm.child().ageBand()).isEqualTo(AgeBand.FROM_10_TO_14);
            assertThat(cpm.child().birthYear()).isEqualTo(2013);
            assertThat(cpm.child().province()).isEqualTo("MA-MEK");
            assertThat(cpm.child().disability()).isFalse();
        }

        @Test
        void carriesTheIdentityTheSocialWorkerRecordedInBothScripts() {
            assertThat(cpm.childProtected().familyNameLatin()).isEqualTo("El Idrissi");
            assertThat(cpm.childProtected().givenNameLatin()).isEqualTo("Khadija");
            assertThat(cpm.childProtected().familyNameArabic()).isEqualTo("الإدريسي");
            assertThat(cpm.childProtected().givenNameArabic()).isEqualTo("خديجة");
            assertThat(cpm.childProtected().birthDate()).isEqualTo(LocalDate.parse("2013-03-21"));
            assertThat(cpm.childProtected().address())
                    .isEqualTo(new Address("Hay Bni M'hamed, rue 34, n° 11", "Meknès", "MA-MEK"));
            assertThat(cpm.childProtected().guardians()).containsExactly(
                    new Guardian("MTH", "Fatima Zahra El Idrissi", "+212 6 70 58 19 03"),
                    new Guardian("GRMTH", "Rkia Bennani", null));
        }

        @Test
        void carriesTheCivilStatusNumberAndThePhoneThatSocialServicesHold() {
            assertThat(cpm.childProtected().civilStatusNumber()).isEqualTo("1187/2013");
            assertThat(cpm.childProtected().phone()).isEqualTo("+212 6 70 58 19 03");
        }

        @Test
        void carriesNoIdentifierTheFormatHasNoMemberFor() {
            assertThat(cpm.childProtected().nationalId()).isNull();
            assertThat(cpm.childProtected().schoolCode()).isNull();
            assertThat(cpm.childProtected().courtFileNumber()).isNull();
        }

        @Test
        void carriesTheConfirmedSexualViolenceInTheFamilyAndTheSchoolDropout() {
            assertThat(cpm.concerns()).containsExactly(
                    new Concern(ConcernCode.SEXUAL_VIOLENCE, Certainty.CONFIRMED, Setting.FAMILY, RiskLevel.HIGH, false),
                    new Concern(ConcernCode.SCHOOL_DROPOUT, Certainty.CONFIRMED, Setting.SCHOOL, RiskLevel.MEDIUM,
                            false));
        }

        @Test
        void placesTheChildInAccompanimentAfterEnteringThroughTheProsecutor() {
            assertThat(cpm.pathway().stage()).isEqualTo(PathwayStage.ACCOMPANIMENT_AND_CARE);
            assertThat(cpm.pathway().entryChannel()).isEqualTo(EntryChannel.PROSECUTOR);
        }

        @Test
        void asksTheJudgeForLegalProtectionWithTheSocialWorkersOpinion() {
            assertThat(cpm.requestedServices()).singleElement().satisfies(service -> {
                assertThat(service.serviceCode()).isEqualTo("legal-protection");
                assertThat(service.target().sector()).isEqualTo(SectorId.JUSTICE);
                assertThat(service.reason()).contains("maintien chez la grand-mère");
                assertThat(service.dueDate()).isEqualTo(LocalDate.parse("2026-12-23"));
            });
        }

        @Test
        void carriesTheMothersConsent() {
            assertThat(cpm.consent().givenBy()).isEqualTo("MTH");
            assertThat(cpm.consent().givenAt()).isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
            assertThat(cpm.consent().sectors())
                    .containsExactly(SectorId.SOCIAL, SectorId.JUSTICE, SectorId.CENTRE, SectorId.HEALTH);
        }

        @Test
        void referencesTheSocialEnquiryAndTheSchoolReportByTheirFingerprints() {
            assertThat(cpm.attachments()).containsExactly(
                    new Attachment(AttachmentType.SOCIAL_REPORT,
                            "Rapport d'enquête sociale ordonnée par le juge des mineurs", "application/pdf", 184320,
                            "b5d4045c3f466fa91fe2cc6abe79232a1a57cdf104f7a26e716e0a1e2789df78"),
                    new Attachment(AttachmentType.SCHOOL_REPORT, "Attestation d'absences de l'école primaire Al Massira",
                            "application/pdf", 21504, "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8"));
        }

        @Test
        void isANewRequest() {
            assertThat(cpm.status().status()).isEqualTo(TaskStatus.REQUESTED);
        }

        @Test
        void keepsTheServicesOwnMeasureAndFileReferenceOutOfTheSharedMessage() {
            assertThat(CpmJson.write(cpm)).doesNotContain("EN-MEK/AS/2026/0153", "accompagnement-familial",
                    "priseEnCharge", "mesure");
        }
    }

    @Nested
    class TheEmergencyReceptionFromTangier {

        private final ChildProtectionMessage cpm = FORMAT.toCpm(example(SHELTER));

        @Test
        void passesTheCpmSchemaOnceTheHubHasSetThePseudonym() {
            assertThatCode(() -> CPM_SCHEMA.validate(cpm.withPseudonym(PSEUDONYM))).doesNotThrowAnyException();
        }

        @Test
        void isANewReportToTheCentreInTheChildsBestInterestWithoutConsent() {
            assertThat(cpm.header().cardType()).isEqualTo(CardType.REPORTING);
            assertThat(cpm.header().correlationId()).isNull();
            assertThat(cpm.header().caseReference()).isNull();
            assertThat(cpm.header().receiver().sector()).isEqualTo(SectorId.CENTRE);
            assertThat(cpm.header().receiver().provinceCode()).isEqualTo("MA-TNG");
            assertThat(cpm.header().purposeOfUse()).isEqualTo(PurposeOfUse.CHILD_PROTECTION);
            assertThat(cpm.header().legalBasis()).isEqualTo(LegalBasis.BEST_INTEREST);
            assertThat(cpm.consent()).isNull();
        }

        @Test
        void takesTheEstimatedAgeBandOfAChildWithoutPapers() {
            assertThat(cpm.child().sex()).isEqualTo(Sex.MALE);
            assertThat(cpm.child().ageBand()).isEqualTo(AgeBand.FROM_10_TO_14);
            assertThat(cpm.child().birthYear()).isNull();
            assertThat(cpm.childProtected().birthDate()).isNull();
            assertThat(cpm.childProtected().civilStatusNumber()).isNull();
        }

        @Test
        void carriesTheOnlyNameTheChildGaveInBothScripts() {
            assertThat(cpm.childProtected().givenNameLatin()).isEqualTo("Yassine");
            assertThat(cpm.childProtected().givenNameArabic()).isEqualTo("ياسين");
            assertThat(cpm.childProtected().familyNameLatin()).isNull();
            assertThat(cpm.childProtected().guardians()).isEmpty();
        }

        @Test
        void carriesTheStreetSituationAndTheSuspectedLackOfCivilRegistration() {
            assertThat(cpm.concerns()).extracting(Concern::code).containsExactly(ConcernCode.STREET_SITUATION,
                    ConcernCode.NO_CIVIL_REGISTRATION, ConcernCode.BEGGING);
            assertThat(cpm.concerns().get(0)).isEqualTo(new Concern(ConcernCode.STREET_SITUATION, Certainty.CONFIRMED,
                    Setting.STREET, RiskLevel.HIGH, true));
        }

        @Test
        void entersThroughTheMobileTeamAtImmediateAssistance() {
            assertThat(cpm.pathway().stage()).isEqualTo(PathwayStage.IMMEDIATE_ASSISTANCE);
            assertThat(cpm.pathway().entryChannel()).isEqualTo(EntryChannel.MOBILE_TEAM);
        }

        @Test
        void asksHealthForAnExaminationAndTheProsecutorForCivilRegistration() {
            assertThat(cpm.requestedServices()).extracting(RequestedService::serviceCode)
                    .containsExactly("medical-examination", "civil-registration");
            assertThat(cpm.requestedServices()).extracting(s -> s.target().sector())
                    .containsExactly(SectorId.HEALTH, SectorId.JUSTICE);
        }

        @Test
        void referencesTheFirstInterviewAsASocialReport() {
            assertThat(cpm.attachments()).singleElement().satisfies(attachment -> {
                assertThat(attachment.type()).isEqualTo(AttachmentType.SOCIAL_REPORT);
                assertThat(attachment.size()).isEqualTo(58210);
            });
        }
    }

    @Nested
    class RefusedCards {

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
        void theChildsNationalIdCannotBeSentInThisFormat() {
            assertSchemaViolation(fixture("national-id-number.json"), "/enfant/identite", "numeroCNIE");
        }

        @Test
        void theCourtFileNumberCannotBeSentInThisFormat() {
            assertSchemaViolation(fixture("court-file-number.json"), "/enfant/identite", "numeroDossierJudiciaire");
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
            assertSchemaViolation(edit(t -> ((ObjectNode) t.get("motifs").get(1)).put("code", "maltraitance")),
                    "/motifs/1/code", "enumeration");
        }

        @Test
        void anUnknownDocumentTypeIsASchemaViolationAtThatType() {
            assertSchemaViolation(edit(t -> ((ObjectNode) t.get("piecesJointes").get(0)).put("type", "enquete")),
                    "/piecesJointes/0/type", "enumeration");
        }

        @Test
        void aDocumentWithoutItsFingerprintIsASchemaViolation() {
            assertSchemaViolation(edit(t -> ((ObjectNode) t.get("piecesJointes").get(1)).remove("sha256")),
                    "/piecesJointes/1", "sha256");
        }

        @Test
        void anUnknownMeasureIsASchemaViolation() {
            assertSchemaViolation(edit(t -> ((ObjectNode) t.get("priseEnCharge")).put("mesure", "adoption")),
                    "/priseEnCharge/mesure", "enumeration");
        }

        @Test
        void aSendingTimeWithoutOffsetIsASchemaViolation() {
            assertSchemaViolation(edit(t -> t.put("dateEnvoi", "2026-12-09T15:05:00")), "/dateEnvoi", "date-time");
        }

        @Test
        void aCardInAnotherSectorsNameIsRefused() {
            assertRefused(edit(t -> ((ObjectNode) t.get("emetteur")).put("secteur", "centre")),
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
            assertRefused(edit(t -> child(t).put("trancheAge", "15-17")), MappingError.INVALID_VALUE,
                    "/enfant/trancheAge");
        }

        @Test
        void aBirthYearThatContradictsTheBirthDateIsRefused() {
            assertRefused(edit(t -> child(t).put("anneeNaissance", 2012)), MappingError.INVALID_VALUE,
                    "/enfant/anneeNaissance");
        }

        @Test
        void aCardOnTheStrengthOfConsentWithoutTheConsentIsRefused() {
            assertRefused(edit(t -> {
                t.put("baseLegale", "consentement");
                t.remove("consentement");
            }), MappingError.MISSING_ELEMENT, "/consentement");
        }

        @Test
        void aConsentThatDoesNotCoverTheReceiverIsRefused() {
            assertRefused(edit(t -> {
                t.put("baseLegale", "consentement");
                ((ObjectNode) t.get("consentement")).putArray("secteurs").add("social").add("sante");
            }), MappingError.INVALID_VALUE, "/consentement/secteurs");
        }

        @Test
        void aCardOnTheStrengthOfAWithdrawnConsentIsRefused() {
            assertRefused(edit(t -> {
                t.put("baseLegale", "consentement");
                ((ObjectNode) t.get("consentement")).put("dateRetrait", "2026-12-01T18:00:00+01:00");
            }), MappingError.INVALID_VALUE, "/consentement/dateRetrait");
        }

        private byte[] edit(Consumer<ObjectNode> change) {
            return edited(ENQUIRY, change);
        }

        private ObjectNode child(ObjectNode tree) {
            return (ObjectNode) tree.get("enfant");
        }

        private ObjectNode identity(ObjectNode tree) {
            return (ObjectNode) tree.get("enfant").get("identite");
        }

        private void assertSchemaViolation(byte[] card, String field, String named) {
            assertThatThrownBy(() -> FORMAT.toCpm(card)).isInstanceOfSatisfying(MappingException.class, e -> {
                assertThat(e.code()).isEqualTo("RABT-M007");
                assertThat(e.field()).isEqualTo(field);
                assertThat(e.detail()).contains(named);
            });
        }

        private void assertRefused(byte[] card, MappingError error, String field) {
            assertThatThrownBy(() -> FORMAT.toCpm(card)).isInstanceOfSatisfying(MappingException.class, e -> {
                assertThat(e.error()).isEqualTo(error);
                assertThat(e.field()).isEqualTo(field);
                assertThat(e.detail()).contains(field);
            });
        }
    }
}
