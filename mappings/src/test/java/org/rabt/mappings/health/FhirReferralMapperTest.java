package org.rabt.mappings.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.rabt.mappings.health.HealthExamples.LABOUR_INSPECTION;
import static org.rabt.mappings.health.HealthExamples.PROSECUTOR;
import static org.rabt.mappings.health.HealthExamples.SCHOOL;
import static org.rabt.mappings.health.HealthExamples.edited;
import static org.rabt.mappings.health.HealthExamples.example;
import static org.rabt.mappings.health.HealthExamples.exampleTree;
import static org.rabt.mappings.health.HealthExamples.fixture;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rabt.mappings.MappingError;
import org.rabt.mappings.MappingException;
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
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class FhirReferralMapperTest {

    private static final CpmSchema SCHEMA = new CpmSchema();
    private static final String PSEUDONYM = "AAAAAAAAAAAAAAAAAAAA";

    private final FhirReferralMapper mapper = HealthExamples.mapper();

    /** The card id as written in the example's Bundle.identifier, read without HAPI. */
    private static UUID cardIdOf(String example) {
        return UUID.fromString(exampleTree(example).at("/identifier/value").asString().substring("urn:uuid:".length()));
    }

    @Nested
    class ReferralToProsecutor {

        private final ChildProtectionMessage cpm = mapper.toCpm(example(PROSECUTOR));

        @Test
        void headerCarriesTheCardIdTimestampDeadlineAndUrgency() {
            assertThat(cpm.header().messageId()).isEqualTo(cardIdOf(PROSECUTOR));
            assertThat(cpm.header().cardType()).isEqualTo(CardType.LINKAGE);
            assertThat(cpm.header().schemaVersion()).isEqualTo(ChildProtectionMessage.SCHEMA_VERSION);
            assertThat(cpm.header().caseReference()).isEqualTo("MA-TNG-2026-00417");
            assertThat(cpm.header().correlationId()).isNull();
            assertThat(cpm.header().sentAt()).isEqualTo(Instant.parse("2026-11-16T20:47:12Z"));
            assertThat(cpm.header().dueBy()).isEqualTo(LocalDate.of(2026, 11, 18));
            assertThat(cpm.header().priority()).isEqualTo(Priority.URGENT);
        }

        @Test
        void senderIsTheHospitalUnitAndReceiverTheProsecutorOfTangier() {
            assertThat(cpm.header().sender()).isEqualTo(new Party(SectorId.HEALTH,
                    "Hôpital Mohammed V de Tanger — Unité intégrée de prise en charge des femmes et enfants victimes"
                            + " de violence", "tng-hmv-uipc", "MA-TNG"));
            assertThat(cpm.header().receiver()).isEqualTo(new Party(SectorId.JUSTICE,
                    "Parquet près le Tribunal de première instance de Tanger",
                    "Parquet près le Tribunal de première instance de Tanger", "MA-TNG"));
        }

        @Test
        void securityLabelsGiveVeryRestrictedLegalProtectionInTheChildsBestInterest() {
            assertThat(cpm.header().confidentiality()).isEqualTo(Confidentiality.VERY_RESTRICTED);
            assertThat(cpm.header().purposeOfUse()).isEqualTo(PurposeOfUse.LEGAL_PROTECTION);
            assertThat(cpm.header().legalBasis()).isEqualTo(LegalBasis.BEST_INTEREST);
        }

        @Test
        void sharedPartShowsAGirlAgedTenToFourteenInTangierWithoutHerIdentity() {
            assertThat(cpm.child().pseudonym()).isNull();
            assertThat(cpm.child().sex()).isEqualTo(Sex.FEMALE);
            assertThat(cpm.child().ageBand()).isEqualTo(AgeBand.FROM_10_TO_14);
            assertThat(cpm.child().birthYear()).isEqualTo(2014);
            assertThat(cpm.child().province()).isEqualTo("MA-TNG");
            assertThat(cpm.child().disability()).isFalse();
        }

        @Test
        void protectedPartCarriesNamesInBothScriptsAddressAndTheMother() {
            var identity = cpm.childProtected();
            assertThat(identity.familyNameLatin()).isEqualTo("El Amrani");
            assertThat(identity.givenNameLatin()).isEqualTo("Salma");
            assertThat(identity.familyNameArabic()).isEqualTo("العمراني");
            assertThat(identity.givenNameArabic()).isEqualTo("سلمى");
            assertThat(identity.birthDate()).isEqualTo(LocalDate.of(2014, 6, 3));
            assertThat(identity.civilStatusNumber()).isEqualTo("2487/2014");
            assertThat(identity.nationalId()).isNull();
            assertThat(identity.address()).isEqualTo(
                    new org.rabt.mappings.cpm.Address("Bni Makada, rue 23, n° 14", "Tanger", "MA-TNG"));
            assertThat(identity.guardians()).containsExactly(
                    new Guardian("MTH", "Naima Bouzid", "+212 6 61 23 45 78"));
        }

        @Test
        void concernIsSuspectedPhysicalViolenceInTheFamilyAtHighRiskAsAnEmergency() {
            assertThat(cpm.concerns()).containsExactly(new Concern(ConcernCode.PHYSICAL_VIOLENCE, Certainty.SUSPECTED,
                    Setting.FAMILY, RiskLevel.HIGH, true));
            assertThat(cpm.pathway().stage()).isEqualTo(PathwayStage.INITIAL_DIAGNOSIS);
            assertThat(cpm.pathway().entryChannel()).isEqualTo(EntryChannel.HEALTH_FACILITY);
        }

        @Test
        void requestsLegalProtectionFromTheProsecutorWithinTwoDays() {
            assertThat(cpm.requestedServices()).singleElement().satisfies(service -> {
                assertThat(service.serviceCode()).isEqualTo("legal-protection");
                assertThat(service.target()).isEqualTo(cpm.header().receiver());
                assertThat(service.reason()).startsWith("Fillette de 12 ans amenée aux urgences");
                assertThat(service.dueDate()).isEqualTo(LocalDate.of(2026, 11, 18));
            });
        }

        @Test
        void forensicCertificateIsReferencedBySizeAndSha256OfItsInlineData() {
            // known answer: computed apart from the hub when the example was written
            assertThat(cpm.attachments()).containsExactly(new Attachment(AttachmentType.FORENSIC_CERTIFICATE,
                    "Certificat médico-légal initial — ITT de 21 jours", "application/pdf", 265,
                    "782e7a3ca9f8f273f07800edeae89e4ccf79f5cea0ace690ccbe7096ae33c559"));
        }

        @Test
        void hasNoConsentAndIsARequestedReferral() {
            assertThat(cpm.consent()).isNull();
            assertThat(cpm.status()).isEqualTo(new Status(TaskStatus.REQUESTED, null, null));
        }

        @Test
        void conformsToTheCpmSchemaOnceTheHubHasSetThePseudonym() {
            assertThatCode(() -> SCHEMA.validate(cpm.withPseudonym(PSEUDONYM))).doesNotThrowAnyException();
        }
    }

    @Nested
    class ReferralToSchool {

        private final ChildProtectionMessage cpm = mapper.toCpm(example(SCHOOL));

        @Test
        void headerIsARoutineRestrictedCardForSchoolingOnConsent() {
            assertThat(cpm.header().messageId()).isEqualTo(cardIdOf(SCHOOL));
            assertThat(cpm.header().caseReference()).isEqualTo("MA-SAL-2026-00233");
            assertThat(cpm.header().sentAt()).isEqualTo(Instant.parse("2026-11-19T09:15:00Z"));
            assertThat(cpm.header().priority()).isEqualTo(Priority.ROUTINE);
            assertThat(cpm.header().dueBy()).as("the Task has no restriction").isNull();
            assertThat(cpm.header().confidentiality()).isEqualTo(Confidentiality.RESTRICTED);
            assertThat(cpm.header().purposeOfUse()).isEqualTo(PurposeOfUse.SCHOOLING);
            assertThat(cpm.header().legalBasis()).isEqualTo(LegalBasis.CONSENT);
        }

        @Test
        void receiverIsTheProvincialEducationDirectorateOfSale() {
            assertThat(cpm.header().receiver()).isEqualTo(new Party(SectorId.EDUCATION,
                    "Direction provinciale de l'Éducation nationale de Salé",
                    "Direction provinciale de l'Éducation nationale de Salé — Service de la vie scolaire", "MA-SAL"));
            assertThat(cpm.header().sender().provinceCode()).isEqualTo("MA-SAL");
        }

        @Test
        void childIsABoyAgedTenToFourteenWithHisMassarSchoolCode() {
            assertThat(cpm.child().sex()).isEqualTo(Sex.MALE);
            assertThat(cpm.child().ageBand()).isEqualTo(AgeBand.FROM_10_TO_14);
            assertThat(cpm.child().birthYear()).isEqualTo(2012);
            assertThat(cpm.childProtected().schoolCode()).isEqualTo("J134521876");
            assertThat(cpm.childProtected().givenNameArabic()).isEqualTo("يوسف");
            assertThat(cpm.childProtected().guardians()).extracting(Guardian::relationship).containsExactly("MTH");
        }

        @Test
        void concernsAreConfirmedDropoutAndSuspectedPsychologicalViolenceAtSchool() {
            assertThat(cpm.concerns()).containsExactly(
                    new Concern(ConcernCode.SCHOOL_DROPOUT, Certainty.CONFIRMED, Setting.SCHOOL, RiskLevel.MEDIUM, false),
                    new Concern(ConcernCode.PSYCHOLOGICAL_VIOLENCE, Certainty.SUSPECTED, Setting.SCHOOL,
                            RiskLevel.MEDIUM, false));
            assertThat(cpm.pathway().stage()).isEqualTo(PathwayStage.REHABILITATION_AND_REINTEGRATION);
        }

        @Test
        void requestsSchoolReintegrationDueAtTheEndOfTheOccurrencePeriod() {
            assertThat(cpm.requestedServices()).singleElement().satisfies(service -> {
                assertThat(service.serviceCode()).isEqualTo("school-reintegration");
                assertThat(service.target().sector()).isEqualTo(SectorId.EDUCATION);
                assertThat(service.dueDate()).isEqualTo(LocalDate.of(2026, 12, 18));
            });
        }

        @Test
        void consentGivenByTheMotherCoversHealthAndEducation() {
            assertThat(cpm.consent()).isEqualTo(new Consent("MTH", Instant.parse("2026-11-19T08:40:00Z"),
                    List.of(SectorId.HEALTH, SectorId.EDUCATION), null));
        }

        @Test
        void consentInSupportingInfoIsNotAnAttachment() {
            assertThat(cpm.attachments()).isEmpty();
        }

        @Test
        void conformsToTheCpmSchemaOnceTheHubHasSetThePseudonym() {
            assertThatCode(() -> SCHEMA.validate(cpm.withPseudonym(PSEUDONYM))).doesNotThrowAnyException();
        }
    }

    @Nested
    class ReferralToLabourInspection {

        private final ChildProtectionMessage cpm = mapper.toCpm(example(LABOUR_INSPECTION));

        @Test
        void headerFollowsTheEarlierCardAndAsksForActionAsSoonAsPossible() {
            String earlier = exampleTree(LABOUR_INSPECTION).at("/entry/1/resource/partOf/0/identifier/value").asString();
            assertThat(cpm.header().messageId()).isEqualTo(cardIdOf(LABOUR_INSPECTION));
            assertThat(cpm.header().correlationId()).isEqualTo(UUID.fromString(earlier.substring("urn:uuid:".length())));
            assertThat(cpm.header().priority()).isEqualTo(Priority.ASAP);
            assertThat(cpm.header().dueBy()).isEqualTo(LocalDate.of(2026, 11, 27));
            assertThat(cpm.header().purposeOfUse()).isEqualTo(PurposeOfUse.LABOUR_WITHDRAWAL);
            assertThat(cpm.header().receiver().sector()).isEqualTo(SectorId.LABOUR);
            assertThat(cpm.header().sender().organisation()).startsWith("CHU Ibn Rochd");
        }

        @Test
        void childIsABoyAgedFifteenToSeventeenInCasablancaWithHisOwnPhone() {
            assertThat(cpm.child().ageBand()).isEqualTo(AgeBand.FROM_15_TO_17);
            assertThat(cpm.child().province()).isEqualTo("MA-CAS");
            assertThat(cpm.childProtected().phone()).isEqualTo("+212 6 70 11 22 33");
            assertThat(cpm.childProtected().familyNameArabic()).isEqualTo("آيت لحسن");
            assertThat(cpm.childProtected().guardians())
                    .containsExactly(new Guardian("FTH", "Mohamed Ait Lahcen", "+212 6 55 90 31 44"));
        }

        @Test
        void concernsAreConfirmedChildLabourAndEconomicExploitationAtWork() {
            assertThat(cpm.concerns()).extracting(Concern::code, Concern::certainty, Concern::setting)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(ConcernCode.CHILD_LABOUR, Certainty.CONFIRMED,
                                    Setting.WORKPLACE),
                            org.assertj.core.groups.Tuple.tuple(ConcernCode.ECONOMIC_EXPLOITATION, Certainty.CONFIRMED,
                                    Setting.WORKPLACE));
            assertThat(cpm.pathway().stage()).isEqualTo(PathwayStage.IMMEDIATE_ASSISTANCE);
        }

        @Test
        void serviceWithoutItsOwnPeriodIsDueByTheTaskRestriction() {
            assertThat(cpm.requestedServices()).singleElement().satisfies(service -> {
                assertThat(service.serviceCode()).isEqualTo("labour-withdrawal");
                assertThat(service.dueDate()).isEqualTo(LocalDate.of(2026, 11, 27));
            });
        }

        @Test
        void certificateKeptApartIsReferencedByTheDeclaredSizeAndSha256() {
            assertThat(cpm.attachments()).containsExactly(new Attachment(AttachmentType.MEDICAL_CERTIFICATE,
                    "Certificat médical initial — accident du travail", "application/pdf", 54,
                    "f48a46324a13f2e3d1881576f8747416bfb0194483916a903956d506a9f041ab"));
        }

        @Test
        void consentGivenByTheFatherCoversHealthLabourAndTheCentre() {
            assertThat(cpm.consent()).isEqualTo(new Consent("FTH", Instant.parse("2026-11-24T14:20:00Z"),
                    List.of(SectorId.HEALTH, SectorId.LABOUR, SectorId.CENTRE), null));
        }

        @Test
        void statusKeepsTheBusinessStatusText() {
            assertThat(cpm.status()).isEqualTo(new Status(TaskStatus.REQUESTED, "Orientation émise par l'hôpital", null));
        }

        @Test
        void conformsToTheCpmSchemaOnceTheHubHasSetThePseudonym() {
            assertThatCode(() -> SCHEMA.validate(cpm.withPseudonym(PSEUDONYM))).doesNotThrowAnyException();
        }
    }

    @Nested
    class Defaults {

        @Test
        void withoutSecurityLabelsTheCardIsRestrictedAndForChildProtection() {
            var cpm = mapper.toCpm(edited(PROSECUTOR, bundle -> bundle.remove("meta"))); // was V, legal-protection

            assertThat(cpm.header().confidentiality()).isEqualTo(Confidentiality.RESTRICTED);
            assertThat(cpm.header().purposeOfUse()).isEqualTo(PurposeOfUse.CHILD_PROTECTION);
        }

        @Test
        void withoutTaskPriorityTheCardIsRoutine() {
            var cpm = mapper.toCpm(edited(PROSECUTOR, bundle -> task(bundle).remove("priority")));

            assertThat(cpm.header().priority()).isEqualTo(Priority.ROUTINE);
        }

        @Test
        void withoutTheConsentExtensionThePerformerDisplayTellsWhoConsented() {
            var cpm = mapper.toCpm(edited(SCHOOL, bundle -> {
                ObjectNode consent = entry(bundle, 6);
                consent.remove("extension");
                ((ObjectNode) consent.get("performer").get(0)).put("display", "GRMTH");
            }));

            assertThat(cpm.consent().givenBy()).isEqualTo("GRMTH");
        }

        @Test
        void withABirthYearOnlyTheAgeBandIsKnownWhenTheWholeYearFallsInOneBand() {
            var cpm = mapper.toCpm(edited(PROSECUTOR, bundle -> entry(bundle, 3).put("birthDate", "2014")));

            assertThat(cpm.child().birthYear()).isEqualTo(2014);
            assertThat(cpm.child().ageBand()).isEqualTo(AgeBand.FROM_10_TO_14);
            assertThat(cpm.childProtected().birthDate()).isNull();
        }

        @Test
        void withABirthYearStraddlingTwoBandsTheAgeBandIsUnknown() {
            // sent in November 2026: a child born in 2011 is 14 or 15
            var cpm = mapper.toCpm(edited(LABOUR_INSPECTION, bundle -> entry(bundle, 3).put("birthDate", "2011")));

            assertThat(cpm.child().ageBand()).isEqualTo(AgeBand.UNKNOWN);
        }

        @Test
        void ageIsCountedOnTheUtcDateOfTheTimestamp() {
            // 00:30 in Morocco (UTC+1) is still the day before in UTC: the fifteenth birthday has not come
            var cpm = mapper.toCpm(edited(PROSECUTOR, bundle -> {
                bundle.put("timestamp", "2026-06-03T00:30:00+01:00");
                entry(bundle, 3).put("birthDate", "2011-06-03");
            }));

            assertThat(cpm.child().ageBand()).isEqualTo(AgeBand.FROM_10_TO_14);
        }

        @Test
        void aRevokedConsentCarriesTheEndOfItsProvisionPeriod() {
            var cpm = mapper.toCpm(edited(SCHOOL, bundle -> {
                ObjectNode consent = entry(bundle, 6);
                consent.put("status", "inactive");
                consent.withObject("/provision").withObject("/period").put("end", "2026-11-20T11:00:00+01:00");
            }));

            assertThat(cpm.consent().revokedAt()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
        }
    }

    @Nested
    class Concurrency {

        @Test
        void oneMapperServesManyThreadsWithTheSameResultsAsOne() throws Exception {
            List<String> examples = List.of(PROSECUTOR, SCHOOL, LABOUR_INSPECTION);
            Map<String, ChildProtectionMessage> expected = new HashMap<>();
            examples.forEach(name -> expected.put(name, mapper.toCpm(example(name))));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Boolean>> results = new ArrayList<>();
                for (int i = 0; i < 48; i++) {
                    String name = examples.get(i % examples.size());
                    results.add(pool.submit(() -> mapper.toCpm(example(name)).equals(expected.get(name))));
                }
                for (Future<Boolean> result : results) {
                    assertThat(result.get(1, TimeUnit.MINUTES)).isTrue();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    class RejectsMissingElementsNamingTheField {

        @Test
        void whenThePatientEntryIsMissing() {
            MappingException e = rejectionOf(fixture("missing-patient.json"));

            assertThat(e.error()).isEqualTo(MappingError.MISSING_ELEMENT);
            assertThat(e.field()).isEqualTo("Bundle.entry[Patient]");
            assertThat(e.detail()).contains("Bundle.entry[Task].for");
        }

        @Test
        void whenTaskForIsMissing() {
            assertMissing(fixture("missing-task-for.json"), "Bundle.entry[Task].for");
        }

        @Test
        void whenTheMessageHeaderHasNoDestination() {
            assertMissing(fixture("missing-destination.json"), "Bundle.entry[MessageHeader].destination");
        }

        @Test
        void whenTheServiceRequestHasNoPathwayStage() {
            assertMissing(fixture("missing-pathway-stage.json"), "Bundle.entry[ServiceRequest].category");
        }

        @Test
        void whenTheTaskHasNoLegalBasis() {
            assertMissing(fixture("missing-legal-basis.json"), "Bundle.entry[Task].reasonCode");
        }

        @Test
        void whenTheLegalBasisIsConsentButNoConsentIsSent() {
            assertMissing(fixture("missing-consent.json"), "Bundle.entry[Consent]");
        }

        @Test
        void whenThePatientHasNeitherNameNorIdentifier() {
            assertMissing(fixture("patient-without-name-or-identifier.json"), "Bundle.entry[Patient].name");
        }

        @Test
        void whenAConcernHasNoCertainty() {
            byte[] body = edited(PROSECUTOR, bundle -> {
                ObjectNode reason = (ObjectNode) entry(bundle, 2).get("reasonCode").get(0);
                ((ArrayNode) reason.get("extension")).remove(0);
            });

            assertMissing(body, "Bundle.entry[ServiceRequest].reasonCode[0].extension[concern-certainty]");
        }

        @Test
        void whenAnAttachmentKeptApartHasNoSha256() {
            byte[] body = edited(LABOUR_INSPECTION, bundle -> {
                ObjectNode attachment = (ObjectNode) entry(bundle, 6).get("content").get(0).get("attachment");
                attachment.remove("extension");
            });

            assertMissing(body, "Bundle.entry[DocumentReference].content[0].attachment.extension[sha256]");
        }

        private void assertMissing(byte[] body, String field) {
            MappingException e = rejectionOf(body);
            assertThat(e.error()).isEqualTo(MappingError.MISSING_ELEMENT);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).startsWith("RABT-M003: " + field + " is required and is missing");
        }
    }

    @Nested
    class RejectsInvalidValuesNamingTheField {

        @Test
        void whenAConcernCodeIsNotInTheConcernCodeSystem() {
            MappingException e = rejectionOf(fixture("unknown-concern-code.json"));

            assertThat(e.error()).isEqualTo(MappingError.INVALID_VALUE);
            assertThat(e.field()).isEqualTo("Bundle.entry[ServiceRequest].reasonCode[1].coding[0].code");
            assertThat(e.detail()).contains("'bullying'").contains("physical-violence");
        }

        @Test
        void whenTheReceiverIsNotASectorOfTheHub() {
            MappingException e = rejectionOf(fixture("unknown-receiver-sector.json"));

            assertThat(e.error()).isEqualTo(MappingError.INVALID_VALUE);
            assertThat(e.field()).isEqualTo("Bundle.entry[MessageHeader].destination[0].endpoint");
            assertThat(e.detail()).contains("'customs'");
        }

        @Test
        void whenTheSourceClaimsAnotherSectorThanHealth() {
            MappingException e = rejectionOf(fixture("source-of-another-sector.json"));

            assertThat(e.error()).isEqualTo(MappingError.INVALID_VALUE);
            assertThat(e.field()).isEqualTo("Bundle.entry[MessageHeader].source.endpoint");
        }

        @Test
        void whenTheDeclaredSha256DisagreesWithTheInlineData() {
            MappingException e = rejectionOf(fixture("attachment-sha256-mismatch.json"));

            assertThat(e.error()).isEqualTo(MappingError.INVALID_VALUE);
            assertThat(e.field()).isEqualTo("Bundle.entry[DocumentReference].content[0].attachment.extension[sha256]");
        }

        @Test
        void whenTheCardIdIsNotAUrnUuid() {
            MappingException e = rejectionOf(edited(PROSECUTOR,
                    bundle -> bundle.withObject("/identifier").put("value", "urn:oid:2.16.504.1.417")));

            assertThat(e.error()).isEqualTo(MappingError.INVALID_VALUE);
            assertThat(e.field()).isEqualTo("Bundle.identifier.value");
        }

        @Test
        void whenTheProvinceIsNotAnIso3166Code() {
            MappingException e = rejectionOf(edited(PROSECUTOR,
                    bundle -> ((ObjectNode) entry(bundle, 3).get("address").get(0)).put("state", "Tanger-Assilah")));

            assertThat(e.error()).isEqualTo(MappingError.INVALID_VALUE);
            assertThat(e.field()).isEqualTo("Bundle.entry[Patient].address[0].state");
        }

        @Test
        void whenTheConsentPerformerDisplayIsAPersonsName() {
            MappingException e = rejectionOf(edited(SCHOOL, bundle -> entry(bundle, 6).remove("extension")));

            assertThat(e.error()).isEqualTo(MappingError.INVALID_VALUE);
            assertThat(e.field()).isEqualTo("Bundle.entry[Consent].performer[0].display");
        }

        @Test
        void whenTheCardHasTwoReceivers() {
            MappingException e = rejectionOf(edited(PROSECUTOR, bundle -> {
                ArrayNode destinations = (ArrayNode) entry(bundle, 0).get("destination");
                destinations.addObject().put("endpoint", "urn:rabt:sector:police");
            }));

            assertThat(e.error()).isEqualTo(MappingError.INVALID_VALUE);
            assertThat(e.field()).isEqualTo("Bundle.entry[MessageHeader].destination");
        }
    }

    @Nested
    class RejectsWhatIsNotAFhirMessage {

        @Test
        void whenTheBodyIsNotJson() {
            MappingException e = rejectionOf(fixture("not-json.txt"));

            assertThat(e.error()).isEqualTo(MappingError.UNPARSEABLE);
            assertThat(e.field()).isNull();
            assertThat(e.detail()).startsWith("the body is not well-formed JSON");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "<html>502 Bad Gateway</html>", "{\"resourceType\": \"Bundle\"} {}"})
        void whenTheBodyIsEmptyOrNotOneJsonValue(String body) {
            assertThat(rejectionOf(body.getBytes(StandardCharsets.UTF_8)).error()).isEqualTo(MappingError.UNPARSEABLE);
        }

        @Test
        void whenAMemberIsRepeatedSoThatParsersCouldDisagree() {
            byte[] body = "{\"resourceType\": \"Bundle\", \"type\": \"message\", \"type\": \"collection\"}"
                    .getBytes(StandardCharsets.UTF_8);

            assertThat(rejectionOf(body).error()).isEqualTo(MappingError.UNPARSEABLE);
        }

        @Test
        void whenTheBodyIsNotUtf8() {
            byte[] body = "{\"resourceType\": \"Bundle\", \"id\": \"Salé\"}".getBytes(StandardCharsets.ISO_8859_1);

            assertThat(rejectionOf(body).error()).isEqualTo(MappingError.UNPARSEABLE);
        }

        @Test
        void whenAnElementIsUnknownToR4KeepingHapisCode() {
            MappingException e = rejectionOf(fixture("unknown-element.json"));

            assertThat(e.error()).isEqualTo(MappingError.INVALID_FHIR);
            assertThat(e.detail()).contains("HAPI-1825").contains("requestedPerformer");
        }

        @Test
        void whenTheTaskStatusIsNotAFhirCode() {
            MappingException e = rejectionOf(fixture("bad-task-status.json"));

            assertThat(e.error()).isEqualTo(MappingError.INVALID_FHIR);
            assertThat(e.detail()).contains("HAPI-1821").contains("pending");
        }

        @Test
        void whenTheBundleIsNotAMessage() {
            MappingException e = rejectionOf(fixture("wrong-bundle-type.json"));

            assertThat(e.error()).isEqualTo(MappingError.INVALID_FHIR);
            assertThat(e.field()).isEqualTo("Bundle.type");
            assertThat(e.detail()).contains("collection");
        }

        @Test
        void whenTheFirstEntryIsNotTheMessageHeader() {
            MappingException e = rejectionOf(edited(PROSECUTOR, bundle -> {
                ArrayNode entries = (ArrayNode) bundle.get("entry");
                entries.add(entries.remove(0));
            }));

            assertThat(e.error()).isEqualTo(MappingError.INVALID_FHIR);
            assertThat(e.field()).isEqualTo("Bundle.entry[0]");
        }

        @Test
        void whenBaseR4CardinalityIsBrokenTheValidatorNamesTheLocation() {
            MappingException e = rejectionOf(fixture("missing-task-intent.json"));

            assertThat(e.error()).isEqualTo(MappingError.INVALID_FHIR);
            assertThat(e.field()).startsWith("Bundle.entry[1].resource.ofType(Task)");
            assertThat(e.detail()).contains("intent");
        }

        @Test
        void whenTheStatedAttachmentSizeDisagreesWithTheInlineData() {
            MappingException e = rejectionOf(edited(PROSECUTOR, bundle -> ((ObjectNode) entry(bundle, 6).get("content")
                    .get(0).get("attachment")).put("size", 4096)));

            assertThat(e.error()).isEqualTo(MappingError.INVALID_FHIR);
            assertThat(e.field()).isEqualTo("Bundle.entry[6].resource.ofType(DocumentReference).content[0].attachment");
        }

        @Test
        void whenTheBodyIsAnotherResourceThanABundle() {
            byte[] body = "{\"resourceType\": \"Patient\", \"gender\": \"female\"}".getBytes(StandardCharsets.UTF_8);

            MappingException e = rejectionOf(body);

            assertThat(e.error()).isEqualTo(MappingError.INVALID_FHIR);
            assertThat(e.detail()).contains("HAPI-");
        }
    }

    private MappingException rejectionOf(byte[] body) {
        MappingException e = catchThrowableOfType(MappingException.class, () -> mapper.toCpm(body));
        assertThat(e).as("a MappingException").isNotNull();
        return e;
    }

    private static ObjectNode entry(ObjectNode bundle, int index) {
        return (ObjectNode) bundle.get("entry").get(index).get("resource");
    }

    private static ObjectNode task(ObjectNode bundle) {
        return entry(bundle, 1);
    }
}
