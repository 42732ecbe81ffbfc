package org.rabt.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import org.rabt.security.CryptoUtils;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.rabt.config.support.HealthExamples;
import org.rabt.config.support.HubTestBase;
import org.rabt.config.support.SectorClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The centre's case record on the whole hub, through the staff API: Salma El Amrani (civil-status
 * number 2487/2014) is referred by health to the prosecutor, by the police to health, and reported
 * by the social services; her school reports "Selma El Amrani" without a number and with another
 * birth year. One file gathers the three sectors; the school's card goes to the review list; a
 * coordinator merges and undoes the merge; every view, search and decision is audited, without
 * her name; the centre refers her to justice through the same intake as any sector.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaseRecordIT extends HubTestBase {

    private static final Path DATA = newDataDir();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final String CIVIL_STATUS = "2487/2014";
    private static final String FAMILY = "El Amrani";
    private static final String GIVEN = "Salma";
    private static final String BIRTH_DATE = "2014-06-03";
    /** A document's bytes (not a real PDF: the hub stores documents as they are, by hash). */
    private static final byte[] SOCIAL_REPORT = "%PDF-1.4 fiche d'accueil — Salma El Amrani, née le 2014-06-03"
            .getBytes(StandardCharsets.UTF_8);

    @Autowired
    private JdbcClient jdbc;

    private String policeCard;
    private String schoolCard;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        hubProperties(registry, DATA);
    }

    @BeforeAll
    void threeSectorsAndTheSchoolSendCardsAboutSalma() {
        String health = HealthExamples.asNewCard(HealthExamples.read(HealthExamples.PROSECUTOR));
        accepted(sector("health", DATA), health.getBytes(StandardCharsets.UTF_8), HealthExamples.MEDIA_TYPE);

        ObjectNode police = example("police/examples/signalement-violence-sale.json");
        policeCard = UUID.randomUUID().toString();
        police.put("identifiantCarte", policeCard);
        // a referral whose due date passed three days ago, unanswered: overdue
        police.put("dateEcheance", LocalDate.now(ZoneOffset.UTC).minusDays(3).toString());
        police.put("dateEnvoi", java.time.Instant.now().minus(Duration.ofDays(10)).toString());
        ObjectNode child = (ObjectNode) police.get("enfant");
        child.put("sexe", "F").put("anneeNaissance", 2014).put("trancheAge", "10-14");
        ObjectNode identity = (ObjectNode) child.get("identite");
        identity.put("nomLatin", FAMILY).put("prenomLatin", GIVEN).put("nomArabe", "العمراني").put("prenomArabe", "سلمى")
                .put("dateNaissance", BIRTH_DATE).put("numeroEtatCivil", CIVIL_STATUS);
        accepted(sector("police", DATA), JSON.writeValueAsBytes(police), "application/json");

        ObjectNode social = example("social/examples/fiche-accueil-urgence-tanger.json");
        social.put("identifiantCarte", UUID.randomUUID().toString());
        // the social report the card references travels apart, by its SHA-256
        ObjectNode report = (ObjectNode) social.get("piecesJointes").get(0);
        report.put("sha256", HexFormat.of().formatHex(CryptoUtils.sha256(SOCIAL_REPORT))).put("taille", SOCIAL_REPORT.length);
        ObjectNode socialChild = (ObjectNode) social.get("enfant");
        socialChild.put("sexe", "F");
        ((ObjectNode) socialChild.get("identite")).put("nomLatin", FAMILY).put("prenomLatin", GIVEN)
                .put("dateNaissance", BIRTH_DATE).put("numeroEtatCivil", CIVIL_STATUS);
        accepted(sector("social", DATA), JSON.writeValueAsBytes(social), "application/json");

        ObjectNode school = example("education/examples/carte-envoyee-signalement-tanger.json");
        schoolCard = UUID.randomUUID().toString();
        school.put("identifiantCarte", schoolCard);
        ObjectNode pupil = (ObjectNode) school.get("eleve");
        pupil.put("nom", FAMILY).put("prenom", "Selma").put("dateNaissance", "2013-09-14").put("sexe", "F");
        pupil.remove("nomArabe");
        pupil.remove("prenomArabe");
        accepted(sector("education", DATA), JSON.writeValueAsBytes(school), "application/json");
    }

    @Test
    @Order(1)
    void oneFileGathersTheCardsOfThreeSectorsWithTheirReferrals() {
        JsonNode found = get("social.worker", "/api/v1/children?q=" + "Salma%20Amrani", 200);
        JsonNode salma = fileWith(found, "police");
        assertThat(strings(salma.path("sectors"))).contains("health", "police", "social");
        assertThat(salma.path("displayName").asString()).contains(GIVEN).contains(FAMILY);

        JsonNode file = get("social.worker", "/api/v1/children/" + salma.path("fileId").asString(), 200);
        List<String> senders = new ArrayList<>();
        file.path("timeline").forEach(entry -> senders.add(entry.path("sender").asString()));
        assertThat(senders).contains("health", "police", "social");
        assertThat(file.path("identity").path("civilStatusNumber").asString()).isEqualTo(CIVIL_STATUS);
        // the referrals: health to the prosecutor, police to health (overdue), each with its status
        List<String> referrals = new ArrayList<>();
        file.path("referrals").forEach(referral -> {
            referrals.add(referral.path("from").asString() + "->" + referral.path("to").asString());
            assertThat(referral.path("status").asString()).isNotEmpty();
            assertThat(referral.path("dueBy").asString()).isNotEmpty();
        });
        assertThat(referrals).contains("health->justice", "police->health");
        assertThat(file.path("stages").size()).isPositive();
    }

    @Test
    @Order(2)
    void aSecurityOfficerSeesTheFileWithoutTheIdentityAndEveryViewIsInTheLog() {
        String fileId = fileWith(get("coordinator", "/api/v1/children?q=" + policeCard, 200), "police").path("fileId").asString();
        get("social.worker", "/api/v1/children/" + fileId, 200);

        JsonNode seenByOfficer = get("security.officer", "/api/v1/children/" + fileId, 200);
        assertThat(seenByOfficer.path("identity").isMissingNode() || seenByOfficer.path("identity").isNull()).isTrue();
        assertThat(seenByOfficer.path("summary").path("displayName").isNull()).isTrue();
        assertThat(seenByOfficer.toString()).doesNotContain(GIVEN).doesNotContain(CIVIL_STATUS);

        // the log lists entries once the sealer has given them their place in the chain (every few seconds)
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get("security.officer",
                "/api/v1/audit?action=child-file-viewed&actor=social.worker", 200).toString())
                .contains("child-file-viewed").contains("social.worker"));
        // searches are logged too, never the words searched for (here, a name)
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'children-searched' AND actor = 'social.worker'")
                .query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT string_agg(coalesce(detail, '') || coalesce(actor, ''), ' ') FROM audit_entry")
                .query(String.class).single()).doesNotContain(GIVEN).doesNotContain("Selma").doesNotContain(CIVIL_STATUS)
                .doesNotContain(BIRTH_DATE);
    }

    @Test
    @Order(2)
    void theDocumentACardReferencesIsUploadedApartEncryptedAndReadFromTheFile() throws Exception {
        String sha256 = HexFormat.of().formatHex(CryptoUtils.sha256(SOCIAL_REPORT));
        SectorClient social = sector("social", DATA);
        // a body that does not hash to the path is refused with its code, and nothing is kept
        HttpResponse<String> wrong = social.putAttachment(sha256, "another document".getBytes(StandardCharsets.UTF_8),
                "application/pdf");
        assertProblem(wrong, 422, "RABT-I017");
        assertProblem(social.putAttachment(sha256, SOCIAL_REPORT, "text/html"), 415, "RABT-I001");

        assertThat(social.putAttachment(sha256, SOCIAL_REPORT, "application/pdf").statusCode()).isEqualTo(201);
        assertThat(social.putAttachment(sha256, SOCIAL_REPORT, "application/pdf").statusCode()).isEqualTo(200);

        String fileId = fileOfCard(policeCard);
        JsonNode attachments = get("social.worker", "/api/v1/children/" + fileId, 200).path("attachments");
        assertThat(attachments.toString()).contains(sha256).contains("\"received\":true");
        HttpResponse<byte[]> document = HTTP.send(staffRequest("social.worker", "/api/v1/children/" + fileId
                + "/attachments/" + sha256).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).isEqualTo(SOCIAL_REPORT);
        assertThat(document.headers().firstValue("Content-Type")).hasValue("application/pdf");
        // not for the security officer (a document names the child), nor from a file that does not reference it
        assertThat(HTTP.send(staffRequest("security.officer", "/api/v1/children/" + fileId + "/attachments/" + sha256)
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        assertProblem(get("social.worker", "/api/v1/children/" + fileOfCard(schoolCard) + "/attachments/" + sha256),
                404, "RABT-C004");
        // encrypted at rest: the stored bytes are not the document's
        byte[] stored = jdbc.sql("SELECT content FROM attachment WHERE sha256 = ?").param(sha256).query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Salma").doesNotContain("PDF-1.4");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'attachment-viewed' AND actor = 'social.worker'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void anOverdueReferralIsOnTheOverdueList() {
        JsonNode overdue = get("coordinator", "/api/v1/referrals?overdue=true", 200);
        List<String> cards = new ArrayList<>();
        overdue.path("items").forEach(referral -> {
            cards.add(referral.path("cardId").asString());
            assertThat(referral.path("overdue").asBoolean()).isTrue();
        });
        assertThat(cards).contains(policeCard);
    }

    @Test
    @Order(4)
    void theSchoolsVariantIsReviewedMergedAndTheMergeUndone() throws Exception {
        JsonNode review = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> reviewOf(schoolCard), r -> r != null);
        assertThat(strings(review.path("reasons"))).contains("name-variant", "birth-year-differs", "identifier-missing");
        long reviewId = review.path("id").asLong();
        String schoolFile = fileOfCard(schoolCard);
        String salmaFile = fileOfCard(policeCard);
        assertThat(schoolFile).isNotEqualTo(salmaFile);

        // a social worker reads the list but may not decide
        assertThat(post("social.worker", "/api/v1/reviews/" + reviewId + "/merge", "{}").statusCode()).isEqualTo(403);

        HttpResponse<String> merged = post("coordinator", "/api/v1/reviews/" + reviewId + "/merge",
                "{\"reason\":\"same pupil, the school misspelt her name\"}");
        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
        long mergeId = JSON.readTree(merged.body()).path("merge").path("id").asLong();
        assertThat(fileOfCard(schoolCard)).isEqualTo(fileOfCard(policeCard));
        assertThat(reviewOf(schoolCard)).isNull();
        assertThat(auditCount("file-merged")).isPositive();
        // deciding twice is refused with its code
        assertProblem(post("coordinator", "/api/v1/reviews/" + reviewId + "/merge", "{}"), 409, "RABT-C002");

        HttpResponse<String> undone = post("coordinator", "/api/v1/merges/" + mergeId + "/undo", "");
        assertThat(undone.statusCode()).as(undone.body()).isEqualTo(200);
        assertThat(fileOfCard(schoolCard)).isEqualTo(schoolFile);
        assertThat(fileOfCard(policeCard)).isEqualTo(salmaFile);
        assertThat(auditCount("file-split")).isPositive();
        // undone means "not the same child": the pair does not come back to the list
        assertThat(reviewOf(schoolCard)).isNull();
    }

    @Test
    @Order(5)
    void theCentreRefersTheChildToJusticeThroughTheSameIntake() throws Exception {
        String fileId = fileOfCard(policeCard);
        String due = LocalDate.now(ZoneOffset.UTC).plusDays(10).toString();
        HttpResponse<String> sent = post("coordinator", "/api/v1/cards", """
                {"type": "linkage", "receiver": "justice", "childFileId": "%s", "reason": "protection order requested",
                 "dueBy": "%s", "concerns": [{"code": "physical-violence", "certainty": "confirmed"}]}""".formatted(fileId, due));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        JsonNode answer = JSON.readTree(sent.body());
        String cardId = answer.path("cardId").asString();
        assertThat(answer.path("fileId").asString()).isEqualTo(fileId);

        // stored, signed by the hub, and queued for justice like a sector's card
        assertThat(jdbc.sql("SELECT sender_sector || '->' || receiver_sector FROM card WHERE id = ?::uuid").param(cardId)
                .query(String.class).single()).isEqualTo("centre->justice");
        assertThat(jdbc.sql("SELECT count(*) FROM card_evidence WHERE card_id = ?::uuid").param(cardId)
                .query(Long.class).single()).isEqualTo(1);
        JsonNode file = get("coordinator", "/api/v1/children/" + fileId, 200);
        List<String> referrals = new ArrayList<>();
        file.path("referrals").forEach(r -> referrals.add(r.path("cardId").asString() + " " + r.path("dueBy").asString()));
        assertThat(referrals).contains(cardId + " " + due);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'card-written' AND actor = 'coordinator' AND card_id = ?")
                .param(cardId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @Order(6)
    void aReportingCardForANewChildOpensAFile() throws Exception {
        HttpResponse<String> sent = post("social.worker", "/api/v1/cards", """
                {"type": "reporting", "child": {"familyNameLatin": "Ouazzani", "givenNameLatin": "Imane",
                 "birthDate": "2016-02-11", "sex": "female", "province": "MA-TNG"},
                 "entryChannel": "self-referral", "concerns": [{"code": "neglect"}]}""");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        String fileId = JSON.readTree(sent.body()).path("fileId").asString();

        JsonNode file = get("social.worker", "/api/v1/children/" + fileId, 200);
        assertThat(file.path("identity").path("familyNameLatin").asString()).isEqualTo("Ouazzani");
        assertThat(file.path("summary").path("stage").asInt()).isEqualTo(1);
    }

    @Test
    @Order(7)
    void aCardThatCannotBeBuiltIsRefusedWithItsCodeStoresNothingAndIsAudited() throws Exception {
        long before = jdbc.sql("SELECT count(*) FROM card").query(Long.class).single();

        assertProblem(post("coordinator", "/api/v1/cards", "{\"type\": \"linkage\", \"receiver\": \"centre\", "
                + "\"child\": {\"familyNameLatin\": \"X\", \"givenNameLatin\": \"Y\"}}"), 422, "RABT-C003");
        assertProblem(post("coordinator", "/api/v1/cards", "{\"type\": \"reporting\", \"child\": {\"familyNameLatin\": "
                + "\"X\", \"givenNameLatin\": \"Y\"}, \"concerns\": [{\"code\": \"not-a-harm\"}]}"), 422, "RABT-M004");
        assertProblem(post("coordinator", "/api/v1/cards", "{\"type\": \"linkage\", \"receiver\": \"justice\", "
                + "\"childFileId\": \"" + UUID.randomUUID() + "\"}"), 404, "RABT-C001");
        assertProblem(get("coordinator", "/api/v1/children/" + UUID.randomUUID()), 404, "RABT-C001");

        assertThat(jdbc.sql("SELECT count(*) FROM card").query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'staff-request-refused' AND actor = 'coordinator'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(4);
    }

    @Test
    @Order(8)
    void theStaffApiIsDescribedByOpenApi() {
        JsonNode api = get("operator", "/v3/api-docs", 200);
        assertThat(api.path("paths").propertyNames()).contains("/api/v1/children", "/api/v1/children/{fileId}",
                "/api/v1/referrals", "/api/v1/reviews", "/api/v1/cards", "/api/v1/audit");
    }

    // -----------------------------------------------------------------------------------------

    private JsonNode reviewOf(String cardId) {
        String file = fileOfCard(cardId);
        for (JsonNode review : get("coordinator", "/api/v1/reviews", 200).path("items")) {
            if (file.equals(review.path("first").path("fileId").asString())
                    || file.equals(review.path("second").path("fileId").asString())) {
                return review;
            }
        }
        return null;
    }

    private String fileOfCard(String cardId) {
        return jdbc.sql("SELECT ch.file_id::text FROM card c JOIN child ch ON ch.pseudonym = c.child_pseudonym WHERE c.id = ?::uuid")
                .param(cardId).query(String.class).single();
    }

    private long auditCount(String action) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = ? AND actor = 'coordinator'").param(action)
                .query(Long.class).single();
    }

    private static JsonNode fileWith(JsonNode page, String sector) {
        for (JsonNode item : page.path("items")) {
            if (strings(item.path("sectors")).contains(sector)) {
                return item;
            }
        }
        throw new AssertionError("no file with a card of " + sector + " in " + page);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private JsonNode get(String user, String path, int status) {
        HttpResponse<String> response = get(user, path);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String user, String path) {
        try {
            return HTTP.send(staffRequest(user, path).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> post(String user, String path, String json) throws Exception {
        return HTTP.send(staffRequest(user, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).path("code").asString()).isEqualTo(code);
    }

    private static void accepted(SectorClient client, byte[] body, String contentType) {
        HttpResponse<String> response = client.postCard(body, contentType);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    private static ObjectNode example(String path) {
        try (InputStream in = CaseRecordIT.class.getResourceAsStream("/" + path)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
