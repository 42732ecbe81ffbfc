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

import ca.uhn.fhir.parser.StrictErrorHandler;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rabt.mappings.MappingError;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.Minimisation;
import org.rabt.mappings.StatusReport;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.CpmSchema;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.cpm.Status;
import org.rabt.mappings.cpm.TaskStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The health format as the hub uses it: {@code fromCpm} is the transaction Bundle posted to the
 * health system's FHIR server, {@code readStatus} reads the Task health updated.
 */
class HealthFormatTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ACCEPTED = "task-status-accepted.json";
    private static final String COMPLETED = "task-status-completed.json";

    /** Without the instance validator: the many single-value cases below test the format's own rules. */
    private final HealthFormat format = new HealthFormat(HealthExamples.r4());

    /** The prosecutor example turned round: the prosecutor of Tangier refers the girl to the hospital. */
    private final ChildProtectionMessage prosecutorToHospital = addressedToHealth(example(PROSECUTOR));

    private static JsonNode tree(byte[] json) {
        return JSON.readTree(json);
    }

    private static List<JsonNode> entries(JsonNode bundle) {
        return StreamSupport.stream(bundle.get("entry").spliterator(), false).toList();
    }

    /** The one entry whose resource has {@code resourceType}. */
    private static JsonNode entry(JsonNode bundle, String resourceType) {
        List<JsonNode> found = entries(bundle).stream()
                .filter(e -> resourceType.equals(e.at("/resource/resourceType").asString())).toList();
        assertThat(found).as("entries of type %s", resourceType).hasSize(1);
        return found.get(0);
    }

    private static MappingException rejection(Runnable running) {
        return catchThrowableOfType(MappingException.class, running::run);
    }

    @Test
    void isTheHealthSectorsFhirJson() {
        assertThat(format.sector()).isEqualTo(SectorId.HEALTH);
        assertThat(format.mediaType()).isEqualTo("application/fhir+json");
    }

    @Nested
    class FromCpmIsTheTransactionBundleForTheHealthServer {

        private final byte[] body = format.fromCpm(prosecutorToHospital);
        private final JsonNode bundle = tree(body);
        private final String cardUrn = "urn:uuid:" + prosecutorToHospital.header().messageId();

        @Test
        void isATransactionBundleWithTheCardIdAsIdentifier() {
            assertThat(bundle.get("resourceType").asString()).isEqualTo("Bundle");
            assertThat(bundle.get("type").asString()).isEqualTo("transaction");
            assertThat(bundle.at("/identifier/system").asString()).isEqualTo("urn:ietf:rfc:3986");
            assertThat(bundle.at("/identifier/value").asString()).isEqualTo(cardUrn);
        }

        @Test
        void everyEntryIsAPostOfItsTypeWithAUrnUuidFullUrl() {
            assertThat(entries(bundle)).isNotEmpty().allSatisfy(entry -> {
                assertThat(entry.get("fullUrl").asString())
                        .matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
                assertThat(entry.at("/request/method").asString()).isEqualTo("POST");
                assertThat(entry.at("/request/url").asString()).isEqualTo(entry.at("/resource/resourceType").asString());
            });
            assertThat(entries(bundle)).extracting(e -> e.at("/resource/resourceType").asString())
                    .contains("Task", "ServiceRequest", "Patient", "DocumentReference")
                    .doesNotContain("MessageHeader", "Organization");
        }

        @Test
        void taskIsARequestedOrderIdentifiedByTheCardFocusedOnTheServiceRequestForThePatient() {
            JsonNode task = entry(bundle, "Task").get("resource");

            assertThat(task.get("status").asString()).isEqualTo("requested");
            assertThat(task.get("intent").asString()).isEqualTo("order");
            assertThat(task.at("/identifier/0/system").asString()).isEqualTo("urn:ietf:rfc:3986");
            assertThat(task.at("/identifier/0/value").asString()).isEqualTo(cardUrn);
            assertThat(task.at("/focus/reference").asString())
                    .isEqualTo(entry(bundle, "ServiceRequest").get("fullUrl").asString());
            assertThat(task.at("/for/reference").asString()).isEqualTo(entry(bundle, "Patient").get("fullUrl").asString());
            assertThat(task.at("/priority").asString()).isEqualTo("urgent");
            assertThat(task.at("/restriction/period/end").asString()).isEqualTo("2026-11-18");
        }

        @Test
        void serviceRequestAsksTheServiceForThePatientWithTheConcerns() {
            JsonNode request = entry(bundle, "ServiceRequest").get("resource");

            assertThat(request.get("intent").asString()).isEqualTo("order");
            assertThat(request.at("/code/coding/0/system").asString()).isEqualTo(RabtFhir.SERVICE);
            assertThat(request.at("/code/coding/0/code").asString())
                    .isEqualTo(prosecutorToHospital.requestedServices().get(0).serviceCode());
            assertThat(request.at("/subject/reference").asString())
                    .isEqualTo(entry(bundle, "Patient").get("fullUrl").asString());
            assertThat(request.at("/reasonCode/0/coding/0/code").asString()).isEqualTo("physical-violence");
        }

        @Test
        void patientIsCreatedOnlyIfTheServerHasNoneWithTheHubsPseudonym() {
            JsonNode patient = entry(bundle, "Patient");

            assertThat(patient.at("/request/ifNoneExist").asString())
                    .isEqualTo("identifier=https://rabt.ma/fhir/sid/pseudonym|" + PSEUDONYM);
            assertThat(patient.at("/resource/identifier/0/system").asString()).isEqualTo(RabtFhir.PSEUDONYM);
            assertThat(patient.at("/resource/identifier/0/value").asString()).isEqualTo(PSEUDONYM);
        }

        @Test
        void aSecondCardForTheSameChildCreatesANewTaskButNamesTheSamePatient() {
            ChildProtectionMessage second = with(prosecutorToHospital, "/header/messageId",
                    "2b7e6f0c-95d1-4c8a-b3e4-7a0f1d2c9e58");

            JsonNode other = tree(format.fromCpm(second));

            assertThat(entry(other, "Patient").at("/request/ifNoneExist").asString())
                    .isEqualTo(entry(bundle, "Patient").at("/request/ifNoneExist").asString());
            assertThat(entry(other, "Task").at("/request/ifNoneExist").asString())
                    .isEqualTo("identifier=urn:ietf:rfc:3986|urn:uuid:2b7e6f0c-95d1-4c8a-b3e4-7a0f1d2c9e58")
                    .isNotEqualTo(entry(bundle, "Task").at("/request/ifNoneExist").asString());
        }

        @Test
        void taskAndServiceRequestAreCreatedOnlyIfNoneHasTheCardIdSoAResendCreatesNothingTwice() {
            assertThat(List.of(entry(bundle, "Task"), entry(bundle, "ServiceRequest")))
                    .allSatisfy(e -> assertThat(e.at("/request/ifNoneExist").asString())
                            .isEqualTo("identifier=urn:ietf:rfc:3986|" + cardUrn));
            assertThat(format.fromCpm(prosecutorToHospital)).isEqualTo(body);
        }

        @Test
        void everyReferenceToAnUrnUuidLeadsToAnEntryOfTheBundle() {
            Set<String> fullUrls = entries(bundle).stream().map(e -> e.get("fullUrl").asString())
                    .collect(Collectors.toSet());
            List<String> references = new ArrayList<>();
            collectReferences(bundle, references);

            assertThat(references).isNotEmpty().allMatch(fullUrls::contains);
        }

        private void collectReferences(JsonNode node, List<String> found) {
            if (node.isObject()) {
                JsonNode reference = node.get("reference");
                if (reference != null && reference.isString() && reference.asString().startsWith("urn:uuid:")) {
                    found.add(reference.asString());
                }
                node.values().forEach(child -> collectReferences(child, found));
            } else if (node.isArray()) {
                node.forEach(child -> collectReferences(child, found));
            }
        }

        @Test
        void hapisStrictParserReadsItBackAsATransactionOfTheSameEntries() {
            Bundle parsed = HealthExamples.r4().newJsonParser().setParserErrorHandler(new StrictErrorHandler())
                    .parseResource(Bundle.class, new String(body, StandardCharsets.UTF_8));

            assertThat(parsed.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
            assertThat(parsed.getEntry()).hasSize(entries(bundle).size())
                    .allSatisfy(e -> assertThat(e.getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.POST));
            Task task = parsed.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                    .filter(Task.class::isInstance).map(Task.class::cast).findFirst().orElseThrow();
            assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
        }

        @Test
        void validatesAgainstBaseR4WhenTheFormatHasAValidator() {
            HealthFormat validating = new HealthFormat(HealthExamples.r4(), HealthExamples.validator());
            byte[] written = validating.fromCpm(addressedToHealth(example(SCHOOL)));

            Bundle parsed = HealthExamples.r4().newJsonParser()
                    .parseResource(Bundle.class, new String(written, StandardCharsets.UTF_8));
            assertThatCode(() -> HealthExamples.validator().validate(parsed)).doesNotThrowAnyException();
        }

        @ParameterizedTest
        @EnumSource(value = TaskStatus.class, names = "REQUESTED", mode = EnumSource.Mode.EXCLUDE)
        void theTaskStartsRequestedWhateverStatusTheCardCarries(TaskStatus carried) {
            ChildProtectionMessage card = with(prosecutorToHospital, "/status",
                    new Status(carried, "Vu par le médecin", "Motif"));

            JsonNode task = entry(tree(format.fromCpm(card)), "Task").get("resource");

            assertThat(task.get("status").asString()).isEqualTo("requested");
            assertThat(task.has("businessStatus")).isFalse();
            assertThat(task.has("statusReason")).isFalse();
        }

        @Test
        void aCardAddressedToAnotherSectorIsRabtM006() {
            MappingException e = rejection(() -> format.fromCpm(with(prosecutorToHospital, "/header/receiver/sector",
                    "justice")));

            assertThat(e.error()).isEqualTo(MappingError.OUTBOUND_SCHEMA_VIOLATION);
            assertThat(e.field()).isEqualTo("header.receiver.sector");
        }
    }

    /**
     * What {@code docs/minimisation.md} forbids for health never reaches the wire: asserted on the
     * bytes {@code fromCpm} returns (and on the message Bundle), from a card carrying everything.
     */
    @Nested
    class MinimisationOnTheWire {

        private final ChildProtectionMessage everything = carryingEverything();
        private final String transaction = new String(format.fromCpm(everything), StandardCharsets.UTF_8);
        private final String message = new String(format.messageBundle(everything), StandardCharsets.UTF_8);

        @Test
        void neitherTheSchoolCodeNorTheCourtFileNumber() {
            assertThat(List.of(transaction, message)).allSatisfy(bytes -> assertThat(bytes)
                    .doesNotContain(SCHOOL_CODE, COURT_FILE_NUMBER, RabtFhir.SCHOOL_ID, RabtFhir.COURT_FILE));
        }

        @Test
        void neitherSchoolReportsNorPoliceReports() {
            assertThat(List.of(transaction, message)).allSatisfy(bytes -> assertThat(bytes)
                    .doesNotContain(SCHOOL_REPORT_SHA256, POLICE_REPORT_SHA256, "school-report", "police-report"));
        }

        @Test
        void norTheServicesAskedOfOtherSectors() {
            assertThat(List.of(transaction, message)).allSatisfy(bytes -> assertThat(bytes)
                    .doesNotContain("Enquête du parquet"));
        }

        @Test
        void butWhatHealthNeedsToTreatTheChildIncludingTheSexualNatureOfTheConcern() {
            assertThat(transaction).contains(NATIONAL_ID, "sexual-violence", "forensic-certificate",
                    "+212 6 70 00 11 22", "Bni Makada", "سلمى");
        }
    }

    /**
     * Native -> CPM -> native -> CPM: each example health sends, mapped to the CPM, turned round
     * and addressed to health, written as a message Bundle ({@code messageBundle}), and read back
     * through the profile as if health sent it on. Every member the profile carries comes back
     * equal, except: the pseudonym (the inbound mapper leaves it for the hub), the sectors of sender
     * and receiver (the read-back swaps them), and what minimisation legitimately drops for health
     * (the school example's Massar school code).
     */
    @Nested
    class RoundTrip {

        @ParameterizedTest
        @ValueSource(strings = {PROSECUTOR, SCHOOL, LABOUR_INSPECTION})
        void eachExampleComesBackAsTheCardMinimisedForHealth(String name) {
            ChildProtectionMessage fromHealth = format.toCpm(HealthExamples.example(name));
            ChildProtectionMessage toHealth = addressedToHealth(fromHealth);
            SectorId otherSector = toHealth.header().sender().sector();

            byte[] written = format.messageBundle(toHealth);
            ChildProtectionMessage back = format.toCpm(sentOnByHealth(written, otherSector));

            ChildProtectionMessage expected = withSectors(Minimisation.forReceiver(SectorId.HEALTH, toHealth),
                    SectorId.HEALTH, otherSector);
            assertThat(back).isEqualTo(expected.withPseudonym(null));
            assertThatCode(() -> new CpmSchema().validate(back.withPseudonym(PSEUDONYM))).doesNotThrowAnyException();
        }

        @Test
        void theMessageBundleCarriesTheCardsOwnStatusWhichTheTransactionDoesNot() {
            ChildProtectionMessage card = with(addressedToHealth(example(LABOUR_INSPECTION)), "/status",
                    new Status(TaskStatus.IN_PROGRESS, "Suivi par l'assistante sociale de l'hôpital", null));

            JsonNode messageTask = entry(tree(format.messageBundle(card)), "Task").get("resource");
            JsonNode transactionTask = entry(tree(format.fromCpm(card)), "Task").get("resource");

            assertThat(messageTask.get("status").asString()).isEqualTo("in-progress");
            assertThat(messageTask.at("/businessStatus/text").asString())
                    .isEqualTo("Suivi par l'assistante sociale de l'hôpital");
            assertThat(transactionTask.get("status").asString()).isEqualTo("requested");
            assertThat(transactionTask.has("businessStatus")).isFalse();
        }
    }

    @Nested
    class ReadStatus {

        @Test
        void theAcceptedExampleIsAcceptedWithHealthsWordsTheAppointmentAndTheTime() {
            TaskStatusUpdate update = format.readStatusUpdate(HealthExamples.example(ACCEPTED));

            assertThat(update.cardId()).isEqualTo(UUID.fromString("9600f805-2757-4f43-9587-319e42f44df8"));
            assertThat(update.report()).isEqualTo(new StatusReport(update.cardId(), TaskStatus.ACCEPTED,
                    "Rendez-vous fixé en pédopsychiatrie",
                    "Consultation de pédopsychiatrie le 19/11/2026 à 10h00, avec la mère"));
            assertThat(update.lastModified()).isEqualTo(Instant.parse("2026-11-17T08:42:05Z"));
        }

        @Test
        void theCompletedExampleIsCompletedWithTheOutcomeFromTheTasksOutput() {
            StatusReport report = format.readStatus(HealthExamples.example(COMPLETED));

            assertThat(report.status()).isEqualTo(TaskStatus.COMPLETED);
            assertThat(report.businessStatus()).isEqualTo("Examen médico-légal réalisé");
            assertThat(report.reason()).startsWith("Examen médico-légal et soins réalisés le 20/11/2026")
                    .contains("certificat médical initial remis au parquet");
        }

        @ParameterizedTest
        @ValueSource(strings = {ACCEPTED, COMPLETED})
        void theExamplesAreValidR4Tasks(String name) {
            HealthFormat validating = new HealthFormat(HealthExamples.r4(), HealthExamples.validator());

            assertThatCode(() -> validating.readStatus(HealthExamples.example(name))).doesNotThrowAnyException();
        }

        /** Every R4 Task.status: the states of a referral map to TaskStatus, the others are refused. */
        @ParameterizedTest
        @EnumSource(value = Task.TaskStatus.class, names = "NULL", mode = EnumSource.Mode.EXCLUDE)
        void everyTaskStatusOfR4(Task.TaskStatus status) {
            byte[] body = HealthExamples.edited(ACCEPTED, task -> task.put("status", status.toCode()));
            Set<Task.TaskStatus> notAReferralState =
                    EnumSet.of(Task.TaskStatus.DRAFT, Task.TaskStatus.READY, Task.TaskStatus.ENTEREDINERROR);

            if (notAReferralState.contains(status)) {
                MappingException e = rejection(() -> format.readStatus(body));
                assertThat(e).as("%s", status).isNotNull();
                assertThat(e.error()).isEqualTo(MappingError.INVALID_VALUE);
                assertThat(e.field()).isEqualTo("Task.status");
            } else {
                assertThat(format.readStatus(body).status()).as("%s", status).isEqualTo(expected(status));
            }
        }

        private TaskStatus expected(Task.TaskStatus status) {
            return switch (status) {
                case REQUESTED -> TaskStatus.REQUESTED;
                case RECEIVED -> TaskStatus.RECEIVED;
                case ACCEPTED -> TaskStatus.ACCEPTED;
                case REJECTED -> TaskStatus.REJECTED;
                case INPROGRESS -> TaskStatus.IN_PROGRESS;
                case ONHOLD -> TaskStatus.ON_HOLD;
                case COMPLETED -> TaskStatus.COMPLETED;
                case FAILED -> TaskStatus.FAILED;
                case CANCELLED -> TaskStatus.CANCELLED;
                case DRAFT, READY, ENTEREDINERROR, NULL -> throw new IllegalStateException("not a referral state");
            };
        }

        @Test
        void aRejectionCarriesItsReason() {
            byte[] body = HealthExamples.edited(ACCEPTED, task -> {
                task.put("status", "rejected");
                ((ObjectNode) task.get("statusReason")).put("text", "Service de pédopsychiatrie fermé ; orienter vers le CHU de Rabat");
            });

            StatusReport report = format.readStatus(body);

            assertThat(report.status()).isEqualTo(TaskStatus.REJECTED);
            assertThat(report.reason()).isEqualTo("Service de pédopsychiatrie fermé ; orienter vers le CHU de Rabat");
        }

        private void assertRejected(byte[] body, MappingError error, String field) {
            MappingException e = rejection(() -> format.readStatus(body));

            assertThat(e).as("rejection naming %s", field).isNotNull();
            assertThat(e.error()).isEqualTo(error);
            assertThat(e.field()).isEqualTo(field);
        }

        @Test
        void withoutTheCardIdItIsRabtM003NamingTheIdentifier() {
            assertRejected(HealthExamples.edited(ACCEPTED, task -> task.remove("identifier")),
                    MappingError.MISSING_ELEMENT, "Task.identifier");
        }

        @Test
        void aCardIdThatIsNotAUrnUuidIsRabtM004() {
            assertRejected(HealthExamples.edited(ACCEPTED, task ->
                            ((ObjectNode) task.get("identifier").get(0)).put("value", "48213")),
                    MappingError.INVALID_VALUE, "Task.identifier[0].value");
        }

        @Test
        void withoutAStatusItIsRabtM003() {
            assertRejected(HealthExamples.edited(ACCEPTED, task -> task.remove("status")),
                    MappingError.MISSING_ELEMENT, "Task.status");
        }

        @Test
        void withoutLastModifiedItIsRabtM003() {
            assertRejected(HealthExamples.edited(ACCEPTED, task -> task.remove("lastModified")),
                    MappingError.MISSING_ELEMENT, "Task.lastModified");
        }

        @Test
        void aLastModifiedWithoutItsTimeIsRabtM004() {
            assertRejected(HealthExamples.edited(ACCEPTED, task -> task.put("lastModified", "2026-11-17")),
                    MappingError.INVALID_VALUE, "Task.lastModified");
        }

        @Test
        void aStatusR4DoesNotKnowIsRabtM002() {
            MappingException e = rejection(() -> format.readStatus(
                    HealthExamples.edited(ACCEPTED, task -> task.put("status", "done"))));

            assertThat(e.error()).isEqualTo(MappingError.INVALID_FHIR);
        }

        @Test
        void aBundleInsteadOfATaskIsRabtM002() {
            MappingException e = rejection(() -> format.readStatus(HealthExamples.example(PROSECUTOR)));

            assertThat(e.error()).isEqualTo(MappingError.INVALID_FHIR);
        }

        @Test
        void notJsonIsRabtM001() {
            MappingException e = rejection(() -> format.readStatus("statut: accepté".getBytes(StandardCharsets.UTF_8)));

            assertThat(e.error()).isEqualTo(MappingError.UNPARSEABLE);
        }
    }
}
