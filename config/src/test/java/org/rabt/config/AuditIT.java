package org.rabt.config;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rabt.config.audit.AuditCli;
import org.rabt.config.support.HealthExamples;
import org.rabt.config.support.HubProcess;
import org.rabt.config.support.HubTestBase;
import org.rabt.config.support.SectorClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * After cards flow, the security officer's export verifies offline with the jar's own verifier;
 * any edit, deletion, insertion or reordering — in the export or in the database — is found, and
 * nothing in the log names the child.
 */
class AuditIT extends HubTestBase {

    private static final Path DATA = newDataDir();
    private static final WireMockServer JUSTICE = startStub();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The child of the health example: none of it may appear in the log. */
    private static final List<String> CHILD_IDENTITY = List.of("El Amrani", "Salma", "العمراني", "سلمى", "2014-06-03",
            "2487/2014", "Bni Makada");

    @Autowired
    private JdbcClient jdbc;

    private static boolean cardsSent;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        hubProperties(registry, DATA);
        registry.add("rabt.sectors.justice.delivery-url", () -> JUSTICE.baseUrl() + "/justice/cards");
        registry.add("rabt.audit.checkpoint-after", () -> "1s");
        JUSTICE.stubFor(post("/justice/cards").willReturn(aResponse().withStatus(201)));
    }

    @AfterAll
    static void stopJustice() {
        JUSTICE.stop();
    }

    /** A card that is delivered, and one refused for its signature. */
    @BeforeEach
    void cardsFlow() {
        if (cardsSent) {
            return;
        }
        SectorClient health = sector("health", DATA);
        byte[] card = HealthExamples.asNewCard(HealthExamples.read(HealthExamples.PROSECUTOR)).getBytes(StandardCharsets.UTF_8);
        assertThat(health.postCard(card, HealthExamples.MEDIA_TYPE).statusCode()).isEqualTo(202);
        byte[] other = HealthExamples.asNewCard(HealthExamples.read(HealthExamples.PROSECUTOR)).getBytes(StandardCharsets.UTF_8);
        assertThat(health.post("/exchange/v1/health/cards", other, HealthExamples.MEDIA_TYPE,
                Map.of("Rabt-Signature", health.sign(card))).statusCode()).isEqualTo(400);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode verified = staff("/api/v1/audit/verify");
            return verified.path("entries").asLong() >= 3 && verified.path("lastSigned").asLong() == verified.path("to").asLong()
                    && jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'card-delivered' AND seq IS NOT NULL")
                            .query(Long.class).single() >= 1;
        });
        cardsSent = true;
    }

    @Test
    void theLogHoldsEveryStepAndTheRefusalWithItsCode() throws Exception {
        List<Map<String, Object>> entries = jdbc.sql("SELECT action, actor, outcome, error_code FROM audit_entry ORDER BY seq")
                .query().listOfRows();
        assertThat(entries).extracting(row -> row.get("action")).contains("card-accepted", "card-delivered", "card-rejected");
        assertThat(entries).filteredOn(row -> "card-rejected".equals(row.get("action"))).first().satisfies(row -> {
            assertThat(row.get("error_code")).isEqualTo("RABT-S003");
            assertThat((String) row.get("actor")).contains("CN=health");
        });
        assertThat(staff("/api/v1/audit/verify").path("intact").asBoolean()).isTrue();
    }

    @Test
    void theSecurityOfficerSearchesByActionAndReadsTheSameAsFhirAuditEvents() throws Exception {
        JsonNode refused = staff("/api/v1/audit?action=card-rejected&sector=health");
        assertThat(refused.path("entries")).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry.path("action").asString()).isEqualTo("card-rejected");
            assertThat(entry.path("errorCode").asString()).isEqualTo("RABT-S003");
        });

        HttpResponse<String> fhir = HttpClient.newHttpClient().send(
                staffRequest("security.officer", "/api/v1/audit?action=card-rejected&_format=fhir").build(),
                HttpResponse.BodyHandlers.ofString());
        org.hl7.fhir.r4.model.Bundle bundle = ca.uhn.fhir.context.FhirContext.forR4Cached().newJsonParser()
                .parseResource(org.hl7.fhir.r4.model.Bundle.class, fhir.body());
        assertThat(bundle.getEntry()).isNotEmpty().allSatisfy(entry -> {
            org.hl7.fhir.r4.model.AuditEvent event = (org.hl7.fhir.r4.model.AuditEvent) entry.getResource();
            assertThat(event.getOutcome()).isEqualTo(org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome._8);
            assertThat(event.getOutcomeDesc()).isEqualTo("RABT-S003");
            assertThat(event.getAgentFirstRep().getWho().getIdentifier().getValue()).contains("CN=health");
        });
    }

    @Test
    void theSignatureFailureShowsAmongTheAnomalies() throws Exception {
        JsonNode anomalies = staff("/api/v1/audit/anomalies?hours=1");
        assertThat(anomalies.path("refusals")).anySatisfy(row -> {
            assertThat(row.path("code").asString()).isEqualTo("RABT-S003");
            assertThat(row.path("actor").asString()).contains("CN=health");
            assertThat(row.path("count").asLong()).isPositive();
        });
        assertThat(anomalies.path("volumes")).extracting(row -> row.path("actor").asString()).contains("hub");
    }

    @Test
    void theExportVerifiesWithTheJarsOwnVerifier() throws Exception {
        Path export = export();
        Process verify = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", HubProcess.builtJar().toString(), "audit", "verify", export.toString()))
                .redirectErrorStream(true).start();
        assertThat(verify.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verify.exitValue()).as(output).isZero();
        assertThat(output).contains("INTACT").contains("fingerprint");
    }

    @Test
    void noEntryNorTheExportNamesTheChild() throws Exception {
        String export = Files.readString(export());
        String table = String.join("\n", jdbc.sql("SELECT concat_ws('|', actor, action, sector, card_id, child_pseudonym, "
                + "error_code, detail) FROM audit_entry").query(String.class).list());
        for (String value : CHILD_IDENTITY) {
            assertThat(export).doesNotContain(value);
            assertThat(table).doesNotContain(value);
        }
    }

    @Nested
    class TamperingWithTheExport {

        @Test
        void anEditedEntryIsNamed() throws Exception {
            String result = verifyEdited(entries -> ((ObjectNode) entries.get(1)).put("actor", "sector:police"));
            assertThat(result).startsWith("1").contains("entry 2");
        }

        @Test
        void aDeletedEntryIsNamed() throws Exception {
            String result = verifyEdited(entries -> entries.remove(1));
            assertThat(result).startsWith("1").contains("missing");
        }

        @Test
        void anInsertedEntryIsNamed() throws Exception {
            String result = verifyEdited(entries -> entries.insert(1, entries.get(0).deepCopy()));
            assertThat(result).startsWith("1").contains("entry 1");
        }

        @Test
        void reorderedEntriesAreNamed() throws Exception {
            String result = verifyEdited(entries -> {
                JsonNode second = entries.remove(1);
                entries.insert(2, second);
            });
            assertThat(result).startsWith("1").contains("entry 3");
        }

        @Test
        void anUntouchedExportPasses() throws Exception {
            assertThat(verifyEdited(entries -> { })).startsWith("0");
        }

        private String verifyEdited(java.util.function.Consumer<ArrayNode> edit) throws Exception {
            ObjectNode export = (ObjectNode) JSON.readTree(Files.readAllBytes(export()));
            assertThat(export.path("entries").size()).as("the export holds a few entries").isGreaterThanOrEqualTo(3);
            edit.accept((ArrayNode) export.get("entries"));
            Path edited = Files.createTempFile(DATA, "edited-", ".json");
            Files.write(edited, JSON.writeValueAsBytes(export));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = AuditCli.run(new String[] {"audit", "verify", edited.toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
            return code + " " + out.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void anEntryEditedInTheDatabaseIsNamedByTheVerifyEndpoint() throws Exception {
        long seq = jdbc.sql("SELECT min(seq) FROM audit_entry WHERE action = 'card-delivered'").query(Long.class).single();
        String actor = jdbc.sql("SELECT actor FROM audit_entry WHERE seq = ?").param(seq).query(String.class).single();
        jdbc.sql("UPDATE audit_entry SET actor = 'sector:police' WHERE seq = ?").param(seq).update();
        try {
            JsonNode verified = staff("/api/v1/audit/verify");
            assertThat(verified.path("intact").asBoolean()).isFalse();
            assertThat(verified.path("firstBroken").asLong()).isEqualTo(seq);
        } finally {
            jdbc.sql("UPDATE audit_entry SET actor = ? WHERE seq = ?").params(actor, seq).update();
        }
    }

    private Path export() throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(staffRequest("security.officer", "/api/v1/audit/export").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        Path file = Files.createTempFile(DATA, "audit-", ".json");
        Files.write(file, response.body());
        return file;
    }

    private JsonNode staff(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(staffRequest("security.officer", path).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
