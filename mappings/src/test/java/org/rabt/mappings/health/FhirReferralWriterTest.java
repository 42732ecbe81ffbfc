package org.rabt.mappings.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.rabt.mappings.health.HealthCards.COURT_FILE_NUMBER;
import static org.rabt.mappings.health.HealthCards.NATIONAL_ID;
import static org.rabt.mappings.health.HealthCards.POLICE_REPORT_SHA256;
import static org.rabt.mappings.health.HealthCards.PSEUDONYM;
import static org.rabt.mappings.health.HealthCards.SCHOOL_CODE;
import static org.rabt.mappings.health.HealthCards.SCHOOL_REPORT_SHA256;
import static org.rabt.mappings.health.HealthCards.addressedToHealth;
import static org.rabt.mappings.health.HealthCards.carryingEverything;
import static org.rabt.mappings.health.HealthCards.example;
import static org.rabt.mappings.health.HealthCards.sentOnByHealth;
import static org.rabt.mappings.health.HealthCards.with;
import static org.rabt.mappings.health.HealthCards.withSectors;
import static org.rabt.mappings.health.HealthExamples.LABOUR_INSPECTION;
import static org.rabt.mappings.health.HealthExamples.PROSECUTOR;
import static org.rabt.mappings.health.HealthExamples.SCHOOL;

import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rabt.mappings.MappingError;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.Minimisation;
import org.rabt.mappings.cpm.AttachmentType;
import org.rabt.mappings.cpm.CardType;
import org.rabt.mappings.cpm.Certainty;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.Coded;
import org.rabt.mappings.cpm.ConcernCode;
import org.rabt.mappings.cpm.Confidentiality;
import org.rabt.mappings.cpm.CpmSchema;
import org.rabt.mappings.cpm.EntryChannel;
import org.rabt.mappings.cpm.LegalBasis;
import org.rabt.mappings.cpm.Party;
import org.rabt.mappings.cpm.Priority;
import org.rabt.mappings.cpm.PurposeOfUse;
import org.rabt.mappings.cpm.RequestedService;
import org.rabt.mappings.cpm.RiskLevel;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.cpm.Setting;
import org.rabt.mappings.cpm.Sex;
import org.rabt.mappings.cpm.TaskStatus;

class FhirReferralWriterTest {

    private final FhirReferralWriter writer = new FhirReferralWriter(HealthExamples.r4());
    /** The inbound mapper without the instance validator, for the many read-backs of one value each. */
    private final FhirReferralMapper readBack = new FhirReferralMapper(HealthExamples.r4());

    /** The prosecutor example turned round: the prosecutor of Tangier refers the girl to the hospital. */
    private final ChildProtectionMessage prosecutorToHospital = addressedToHealth(example(PROSECUTOR));

    /** The Bundle written for {@code card}, read back through the inbound profile as if health sent it on. */
    private ChildProtectionMessage roundTrip(ChildProtectionMessage card, FhirReferralMapper mapper) {
        byte[] written = writer.messageJson(card);
        return mapper.toCpm(sentOnByHealth(written, card.header().sender().sector()));
    }

    private ChildProtectionMessage roundTrip(ChildProtectionMessage card) {
        return roundTrip(card, readBack);
    }

    private static Bundle strictlyParsed(byte[] json) {
        IParser parser = HealthExamples.r4().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        return parser.parseResource(Bundle.class, new String(json, StandardCharsets.UTF_8));
    }

    private static String encoded(IBaseResource resource) {
        return HealthExamples.r4().newJsonParser().encodeResourceToString(resource);
    }

    private static <T extends Resource> List<T> entries(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
                .map(type::cast).toList();
    }

    private static String fullUrlOf(Bundle bundle, Resource resource) {
        return bundle.getEntry().stream().filter(e -> e.getResource() == resource).findFirst().orElseThrow()
                .getFullUrl();
    }

    /** Every reference in the Bundle whose target is an {@code urn:uuid:}, however deep. */
    private static List<String> urnReferences(Bundle bundle) {
        List<String> found = new ArrayList<>();
        bundle.getEntry().forEach(entry -> collectReferences(entry.getResource(), found));
        return found;
    }

    private static void collectReferences(Base element, List<String> found) {
        if (element instanceof Reference reference && reference.hasReference()
                && reference.getReference().startsWith("urn:uuid:")) {
            found.add(reference.getReference());
        }
        element.children().forEach(property -> property.getValues().forEach(value -> collectReferences(value, found)));
    }

    private static MappingException rejection(Runnable writing) {
        return catchThrowableOfType(MappingException.class, writing::run);
    }

    @Nested
    class RoundTrips {

        /**
         * Each example, turned round and addressed to health, written, and read back through the
         * inbound profile once health "sends it on" to the example's receiver. It comes back equal
         * to the card minimised for health on every member, except: the pseudonym (the inbound
         * mapper leaves it for the hub to set) and the sectors of sender and receiver, which the
         * read-back swaps (organisations, services and provinces stay where they were written).
         * Minimisation legitimately drops the school code (the school example has one).
         */
        @ParameterizedTest
        @ValueSource(strings = {PROSECUTOR, SCHOOL, LABOUR_INSPECTION})
        void eachExampleAddressedToHealthComesBackAsTheCardMinimisedForHealth(String name) {
            ChildProtectionMessage sent = addressedToHealth(example(name));
            SectorId otherSector = sent.header().sender().sector();

            ChildProtectionMessage back = roundTrip(sent, HealthExamples.mapper());

            ChildProtectionMessage minimised = Minimisation.forReceiver(SectorId.HEALTH, sent);
            ChildProtectionMessage expected = withSectors(minimised, SectorId.HEALTH, otherSector);
            assertThat(back).isEqualTo(expected.withPseudonym(null));
        }

        @Test
        void theSchoolCodeOfTheSchoolExampleIsTheOneThingMinimisationTakesAway() {
            ChildProtectionMessage sent = addressedToHealth(example(SCHOOL));
            assertThat(sent.childProtected().schoolCode()).isEqualTo(SCHOOL_CODE);

            ChildProtectionMessage back = roundTrip(sent);

            assertThat(back.childProtected().schoolCode()).isNull();
            assertThat(back.childProtected().civilStatusNumber()).isEqualTo(sent.childProtected().civilStatusNumber());
        }

        @Test
        void whatComesBackPassesTheCpmSchemaOnceThePseudonymIsSet() {
            ChildProtectionMessage back = roundTrip(prosecutorToHospital);

            assertThatCode(() -> new CpmSchema().validate(back.withPseudonym(PSEUDONYM))).doesNotThrowAnyException();
        }

        @Test
        void aCardFromTheFreeLineWithoutTheChildsIdentityStillReachesHealthByItsPseudonym() {
            ChildProtectionMessage anonymous = with(prosecutorToHospital.withoutProtectedPart(),
                    "/header/sender", Party.of(SectorId.FREELINE));

            Bundle bundle = writer.write(anonymous).message();

            Patient patient = entries(bundle, Patient.class).get(0);
            assertThat(patient.getIdentifier()).singleElement().satisfies(id -> {
                assertThat(id.getSystem()).isEqualTo(RabtFhir.PSEUDONYM);
                assertThat(id.getValue()).isEqualTo(PSEUDONYM);
            });
            assertThat(patient.hasName()).isFalse();
            assertThat(patient.getBirthDateElement().getValueAsString()).as("the year, from the shared part")
                    .isEqualTo("2014");
        }
    }

    @Nested
    class TheMessageBundle {

        private final byte[] json = writer.messageJson(prosecutorToHospital);
        private final Bundle bundle = strictlyParsed(json);

        @Test
        void isAFhirMessageHapisStrictParserReadsWithTheCardIdAsIdentifier() {
            assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.MESSAGE);
            assertThat(bundle.getIdentifier().getSystem()).isEqualTo("urn:ietf:rfc:3986");
            assertThat(bundle.getIdentifier().getValue())
                    .isEqualTo("urn:uuid:" + prosecutorToHospital.header().messageId());
            assertThat(bundle.getTimestampElement().getValueAsString()).isEqualTo("2026-11-16T20:47:12Z");
            assertThat(bundle.getEntryFirstRep().getResource()).isInstanceOf(MessageHeader.class);
        }

        @Test
        void isAddressedToHealthFromTheSendersSector() {
            MessageHeader header = (MessageHeader) bundle.getEntryFirstRep().getResource();

            assertThat(header.getDestination()).singleElement()
                    .satisfies(d -> assertThat(d.getEndpoint()).isEqualTo("urn:rabt:sector:health"));
            assertThat(header.getSource().getEndpoint()).isEqualTo("urn:rabt:sector:justice");
            assertThat(header.getEventCoding().getCode()).isEqualTo("linkage");
        }

        @Test
        void taskIsARequestedOrderForThePatientFocusedOnTheServiceRequestDueByTheDeadline() {
            Task task = entries(bundle, Task.class).get(0);
            Patient patient = entries(bundle, Patient.class).get(0);
            ServiceRequest request = entries(bundle, ServiceRequest.class).get(0);

            assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
            assertThat(task.getIntent()).isEqualTo(Task.TaskIntent.ORDER);
            assertThat(task.getFor().getReference()).isEqualTo(fullUrlOf(bundle, patient));
            assertThat(task.getFocus().getReference()).isEqualTo(fullUrlOf(bundle, request));
            assertThat(task.getRestriction().getPeriod().getEndElement().getValueAsString()).isEqualTo("2026-11-18");
            assertThat(task.getIdentifier()).extracting(i -> i.getSystem() + " " + i.getValue()).containsExactly(
                    "urn:ietf:rfc:3986 urn:uuid:" + prosecutorToHospital.header().messageId(),
                    "https://rabt.ma/fhir/sid/case MA-TNG-2026-00417");
        }

        @Test
        void everyFullUrlIsAUrnUuidAndEveryReferenceLeadsToAnEntry() {
            Set<String> fullUrls = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getFullUrl)
                    .collect(Collectors.toSet());

            assertThat(fullUrls).hasSize(bundle.getEntry().size())
                    .allMatch(url -> url.matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
            assertThat(urnReferences(bundle)).isNotEmpty().allMatch(fullUrls::contains);
        }

        @Test
        void documentCarriesTypeSizeAndSha256ButNeverItsContent() {
            DocumentReference document = entries(bundle, DocumentReference.class).get(0);
            var attachment = document.getContentFirstRep().getAttachment();

            assertThat(document.getType().getCodingFirstRep().getCode()).isEqualTo("forensic-certificate");
            assertThat(attachment.getSize()).isEqualTo(265);
            assertThat(attachment.getExtensionString(RabtFhir.EXT_SHA256))
                    .isEqualTo("782e7a3ca9f8f273f07800edeae89e4ccf79f5cea0ace690ccbe7096ae33c559");
            assertThat(attachment.hasData()).isFalse();
            assertThat(attachment.hasUrl()).isFalse();
            // the example's inline PDF starts with %PDF, base64 JVBERi0
            assertThat(new String(json, StandardCharsets.UTF_8)).doesNotContain("JVBERi0");
        }

        @Test
        void carriesArabicNamesAsUtf8AndTheHubsPseudonymAsAnIdentifier() {
            Patient patient = entries(bundle, Patient.class).get(0);

            assertThat(new String(json, StandardCharsets.UTF_8)).contains("العمراني", "سلمى");
            assertThat(patient.getIdentifier()).extracting(i -> i.getSystem() + " " + i.getValue())
                    .contains(RabtFhir.PSEUDONYM + " " + PSEUDONYM);
        }

        @Test
        void validatesAgainstBaseR4WithoutErrorsAndSoDoesTheTransaction() {
            FhirReferralWriter validating = new FhirReferralWriter(HealthExamples.r4(), HealthExamples.validator());
            HealthReferral referral = validating.write(addressedToHealth(example(LABOUR_INSPECTION)));

            // the writer validated both already; validating again independently shows it was not a no-op
            assertThatCode(() -> HealthExamples.validator().validate(strictlyParsed(
                    encoded(referral.message()).getBytes(StandardCharsets.UTF_8)))).doesNotThrowAnyException();
            assertThatCode(() -> HealthExamples.validator().validate(referral.transaction())).doesNotThrowAnyException();
        }

        @Test
        void theSameCardAlwaysGivesTheSameBytes() {
            assertThat(writer.messageJson(prosecutorToHospital)).isEqualTo(json);
            assertThat(new FhirReferralWriter(HealthExamples.r4()).messageJson(prosecutorToHospital)).isEqualTo(json);
        }

        @Test
        void anotherCardGetsOtherEntryUrls() {
            ChildProtectionMessage other = with(prosecutorToHospital, "/header/messageId",
                    "6a1c9d2e-4b7f-4e3a-9c1d-2f5e8a7b6c4d");

            Set<String> first = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getFullUrl)
                    .collect(Collectors.toSet());
            Bundle second = writer.write(other).message();

            assertThat(second.getEntry()).noneMatch(e -> first.contains(e.getFullUrl()));
        }
    }

    @Nested
    class TheTransaction {

        private final HealthReferral referral = writer.write(prosecutorToHospital);
        private final Bundle transaction = referral.transaction();

        @Test
        void isATransactionOfConditionalCreatesSoThatAResendCreatesNothingTwice() {
            assertThat(transaction.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
            assertThat(transaction.getEntry()).allSatisfy(entry -> {
                assertThat(entry.getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.POST);
                assertThat(entry.getRequest().getUrl()).isEqualTo(entry.getResource().fhirType());
                assertThat(entry.getRequest().getIfNoneExist()).startsWith("identifier=");
            });
        }

        @Test
        void createsThePatientOnlyIfNoneHasTheHubsPseudonym() {
            var patientEntry = transaction.getEntry().stream().filter(e -> e.getResource() == referral.patient())
                    .findFirst().orElseThrow();

            assertThat(patientEntry.getRequest().getIfNoneExist())
                    .isEqualTo("identifier=https://rabt.ma/fhir/sid/pseudonym|" + PSEUDONYM);
        }

        @Test
        void createsTheTaskAndServiceRequestOnlyIfNoneHasTheCardId() {
            String cardId = "urn:ietf:rfc:3986|urn:uuid:" + prosecutorToHospital.header().messageId();

            assertThat(transaction.getEntry()).filteredOn(e -> e.getResource() == referral.task()
                            || e.getResource() == referral.serviceRequest())
                    .hasSize(2)
                    .allSatisfy(e -> assertThat(e.getRequest().getIfNoneExist()).isEqualTo("identifier=" + cardId));
            assertThat(referral.task().getIdentifierFirstRep().getValue())
                    .isEqualTo("urn:uuid:" + prosecutorToHospital.header().messageId());
        }

        @Test
        void taskRefersToThePatientAndServiceRequestEntriesByTheirFullUrls() {
            assertThat(referral.task().getFor().getReference()).isEqualTo(fullUrlOf(transaction, referral.patient()));
            assertThat(referral.task().getFocus().getReference())
                    .isEqualTo(fullUrlOf(transaction, referral.serviceRequest()));
            assertThat(referral.serviceRequest().getSubject().getReference())
                    .isEqualTo(fullUrlOf(transaction, referral.patient()));
            Set<String> fullUrls = transaction.getEntry().stream().map(Bundle.BundleEntryComponent::getFullUrl)
                    .collect(Collectors.toSet());
            assertThat(urnReferences(transaction)).isNotEmpty().allMatch(fullUrls::contains);
        }

        @Test
        void createsNoOrganizationAndNamesTheOrganisationsInLogicalReferences() {
            assertThat(entries(transaction, Organization.class)).isEmpty();
            Reference requester = referral.task().getRequester();
            assertThat(requester.hasReference()).isFalse();
            assertThat(requester.getDisplay()).isEqualTo(prosecutorToHospital.header().sender().organisation());
            assertThat(requester.getIdentifier().getValue()).isEqualTo(prosecutorToHospital.header().sender().service());
            assertThat(referral.task().getOwner().getDisplay())
                    .isEqualTo(prosecutorToHospital.header().receiver().organisation());
        }

        @Test
        void carriesTheSameReferralAsTheMessage() {
            Task messageTask = entries(referral.message(), Task.class).get(0);

            assertThat(referral.task().getStatus()).isEqualTo(messageTask.getStatus());
            assertThat(referral.task().getRestriction().getPeriod().getEndElement().getValueAsString())
                    .isEqualTo(messageTask.getRestriction().getPeriod().getEndElement().getValueAsString());
            assertThat(encoded(referral.patient())).isEqualTo(encoded(entries(referral.message(), Patient.class).get(0)));
        }

        @Test
        void hapisStrictParserReadsItBack() {
            assertThatCode(() -> strictlyParsed(encoded(transaction).getBytes(StandardCharsets.UTF_8)))
                    .doesNotThrowAnyException();
        }
    }

    @Nested
    class WhatHealthNeverReceives {

        private final HealthReferral referral = writer.write(carryingEverything());
        private final String message = encoded(referral.message());
        private final String transaction = encoded(referral.transaction());

        @Test
        void neverSendsTheSchoolCodeNorTheCourtFileNumber() {
            assertThat(List.of(message, transaction)).allSatisfy(bytes -> assertThat(bytes)
                    .doesNotContain(SCHOOL_CODE, COURT_FILE_NUMBER, RabtFhir.SCHOOL_ID, RabtFhir.COURT_FILE));
        }

        @Test
        void neverMentionsSchoolReportsNorPoliceReports() {
            assertThat(List.of(message, transaction)).allSatisfy(bytes -> assertThat(bytes)
                    .doesNotContain(SCHOOL_REPORT_SHA256, POLICE_REPORT_SHA256, "school-report", "police-report",
                            "Procès-verbal", "Rapport du directeur"));
        }

        @Test
        void neverSendsTheServicesAskedOfOtherSectors() {
            assertThat(message).doesNotContain("Enquête du parquet");
        }

        @Test
        void sendsWhatHealthNeedsToTreatTheChild() {
            assertThat(message).contains(NATIONAL_ID, "sexual-violence", "forensic-certificate", "+212 6 70 00 11 22",
                    "GRMTH", "Bni Makada");
        }
    }

    @Nested
    class CardsTheProfileCannotCarry {

        private void assertViolation(ChildProtectionMessage card, String field) {
            MappingException e = rejection(() -> writer.messageJson(card));

            assertThat(e).as("rejection of a card for %s", field).isNotNull();
            assertThat(e.error()).isEqualTo(MappingError.OUTBOUND_SCHEMA_VIOLATION);
            assertThat(e.field()).isEqualTo(field);
        }

        @Test
        void aCardAddressedToAnotherSectorIsRabtM006() {
            assertViolation(with(prosecutorToHospital, "/header/receiver/sector", "justice"), "header.receiver.sector");
        }

        @Test
        void aCardWithoutThePseudonymIsRabtM006() {
            assertViolation(prosecutorToHospital.withPseudonym(null), "child.pseudonym");
        }

        @Test
        void aCardAskingNothingOfHealthIsRabtM006() {
            assertViolation(with(prosecutorToHospital, "/requestedServices/0/target/sector", "police"),
                    "requestedServices");
        }

        @Test
        void aCardAskingHealthForTwoServicesIsRabtM006() {
            RequestedService first = prosecutorToHospital.requestedServices().get(0);
            ChildProtectionMessage two = with(prosecutorToHospital, "/requestedServices",
                    List.of(first, new RequestedService("psychological-care", first.target(), null, null)));

            assertViolation(two, "requestedServices");
        }

        @Test
        void aCardOnConsentWithoutTheConsentBreaksTheProfileAndIsRabtM006NamingTheEntry() {
            assertViolation(with(prosecutorToHospital, "/header/legalBasis", "consent"), "Bundle.entry[Consent]");
        }

        @Test
        void aConsentGivenBySomethingOtherThanARoleBreaksTheProfileAndIsRabtM006() {
            ChildProtectionMessage card = addressedToHealth(example(SCHOOL));

            assertViolation(with(card, "/consent/givenBy", "educatrice"),
                    "Bundle.entry[Consent].extension[consent-given-by]");
        }

        @Test
        void theRejectionTellsWhichRuleOfTheProfileWasBroken() {
            MappingException e = rejection(() -> writer.messageJson(with(prosecutorToHospital, "/header/legalBasis",
                    "consent")));

            assertThat(e.detail()).startsWith("the Bundle written for health breaks the profile (RABT-M003)");
        }
    }

    /** Every constant of every CPM enum the Bundle carries goes out and comes back as itself. */
    @Nested
    class EveryCode {

        private <E extends Enum<E>> void roundTripsEvery(Class<E> type, String pointer,
                                                        Function<ChildProtectionMessage, Object> readBackValue,
                                                        ChildProtectionMessage base) {
            for (E constant : type.getEnumConstants()) {
                Object wire = constant instanceof Coded coded ? coded.code() : constant;
                ChildProtectionMessage back = roundTrip(with(base, pointer, wire));
                assertThat(readBackValue.apply(back)).as("%s %s", type.getSimpleName(), constant).isEqualTo(constant);
            }
        }

        @Test
        void taskStatus() {
            roundTripsEvery(TaskStatus.class, "/status/status", c -> c.status().status(), prosecutorToHospital);
        }

        @Test
        void priority() {
            roundTripsEvery(Priority.class, "/header/priority", c -> c.header().priority(), prosecutorToHospital);
        }

        @Test
        void confidentiality() {
            roundTripsEvery(Confidentiality.class, "/header/confidentiality", c -> c.header().confidentiality(),
                    prosecutorToHospital);
        }

        @Test
        void cardType() {
            roundTripsEvery(CardType.class, "/header/cardType", c -> c.header().cardType(), prosecutorToHospital);
        }

        @Test
        void purposeOfUse() {
            roundTripsEvery(PurposeOfUse.class, "/header/purposeOfUse", c -> c.header().purposeOfUse(),
                    prosecutorToHospital);
        }

        @Test
        void legalBasisWithTheConsentPresent() {
            roundTripsEvery(LegalBasis.class, "/header/legalBasis", c -> c.header().legalBasis(),
                    addressedToHealth(example(LABOUR_INSPECTION)));
        }

        @Test
        void sex() {
            roundTripsEvery(Sex.class, "/child/sex", c -> c.child().sex(), prosecutorToHospital);
        }

        @Test
        void entryChannel() {
            roundTripsEvery(EntryChannel.class, "/pathway/entryChannel", c -> c.pathway().entryChannel(),
                    prosecutorToHospital);
        }

        @Test
        void concernCodeIncludingTheMaskedProtectionConcern() {
            roundTripsEvery(ConcernCode.class, "/concerns/0/code", c -> c.concerns().get(0).code(),
                    prosecutorToHospital);
        }

        @Test
        void certaintySettingAndRiskLevel() {
            roundTripsEvery(Certainty.class, "/concerns/0/certainty", c -> c.concerns().get(0).certainty(),
                    prosecutorToHospital);
            roundTripsEvery(Setting.class, "/concerns/0/setting", c -> c.concerns().get(0).setting(),
                    prosecutorToHospital);
            roundTripsEvery(RiskLevel.class, "/concerns/0/riskLevel", c -> c.concerns().get(0).riskLevel(),
                    prosecutorToHospital);
        }

        @Test
        void attachmentTypesHealthMayLearnOfAndNoOther() {
            Set<AttachmentType> allowed = Minimisation.policyFor(SectorId.HEALTH).attachmentTypes();
            for (AttachmentType type : AttachmentType.values()) {
                ChildProtectionMessage back = roundTrip(with(prosecutorToHospital, "/attachments/0/type", type.code()));
                if (allowed.contains(type)) {
                    assertThat(back.attachments()).as("%s", type).singleElement()
                            .satisfies(a -> assertThat(a.type()).isEqualTo(type));
                } else {
                    assertThat(back.attachments()).as("%s", type).isEmpty();
                }
            }
        }

        @Test
        void everySectorCanSendToHealth() {
            for (SectorId sector : SectorId.values()) {
                ChildProtectionMessage card = with(prosecutorToHospital, "/header/sender/sector", sector.code());

                Bundle bundle = writer.write(card).message();

                MessageHeader header = (MessageHeader) bundle.getEntryFirstRep().getResource();
                assertThat(header.getSource().getEndpoint()).isEqualTo("urn:rabt:sector:" + sector.code());
            }
        }
    }
}
