package org.rabt.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rabt.config.support.HealthExamples;
import org.rabt.config.support.HubTestBase;
import org.rabt.config.support.SectorClient;
import org.rabt.security.signature.DetachedSigner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad input gets a coded RFC 9457 problem document a sector developer can act on, never a stack
 * trace, and nothing of the card is stored.
 */
class ExchangeRejectionsIT extends HubTestBase {

    static final Path DATA = newDataDir();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final int MAX_BODY = 200_000;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        hubProperties(registry, DATA);
        registry.add("rabt.exchange.max-body-bytes", () -> MAX_BODY);
    }

    @Autowired
    JdbcClient jdbc;

    SectorClient health;
    String bundle;
    long cardsBefore;

    @BeforeEach
    void setUp() {
        health = sector("health", DATA);
        bundle = HealthExamples.asNewCard(HealthExamples.read(HealthExamples.PROSECUTOR));
        cardsBefore = cardCount();
    }

    @AfterEach
    void nothingWasStored() {
        assertThat(cardCount()).as("cards stored").isEqualTo(cardsBefore);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM card_evidence").query(Long.class).single()).isEqualTo(cardsBefore);
        assertThat(health.get("/exchange/v1/health/cards/" + HealthExamples.cardId(bundle)).statusCode()).isEqualTo(404);
    }


    @Test
    void aBodyInAnotherContentTypeIsRefusedWith415() {
        byte[] body = bytes(bundle);
        HttpResponse<String> response = health.post("/exchange/v1/health/cards", body, "text/plain",
                Map.of("Rabt-Signature", health.sign(body)));

        assertProblem(response, 415, "RABT-I001").contains("application/fhir+json");
    }

    @Test
    void aBodyInAnotherCharsetIsRefusedWith415() {
        byte[] body = bytes(bundle);
        HttpResponse<String> response = health.post("/exchange/v1/health/cards", body,
                "application/fhir+json; charset=ISO-8859-1", Map.of("Rabt-Signature", health.sign(body)));

        assertProblem(response, 415, "RABT-I001");
    }

    @Test
    void aBodyLargerThanTheLimitIsRefusedWith413() {
        byte[] body = bytes(bundle + " ".repeat(MAX_BODY));
        HttpResponse<String> response = health.postCard(body, HealthExamples.MEDIA_TYPE);

        assertProblem(response, 413, "RABT-I003").contains(String.valueOf(MAX_BODY));
    }

    @Test
    void aPostToAnUnknownSectorIsRefusedWith404() {
        byte[] body = bytes(bundle);
        HttpResponse<String> response = health.post("/exchange/v1/ministry/cards", body, HealthExamples.MEDIA_TYPE,
                Map.of("Rabt-Signature", health.sign(body)));

        assertProblem(response, 404, "RABT-I006");
    }


    @Test
    void aMissingSignatureIsRefused() {
        HttpResponse<String> response = health.post("/exchange/v1/health/cards", bytes(bundle),
                HealthExamples.MEDIA_TYPE, Map.of());

        assertProblem(response, 400, "RABT-S001").contains("Rabt-Signature");
    }

    @Test
    void aSignatureThatIsNotCmsIsRefused() {
        HttpResponse<String> response = health.post("/exchange/v1/health/cards", bytes(bundle),
                HealthExamples.MEDIA_TYPE, Map.of("Rabt-Signature", "bm90IGEgc2lnbmF0dXJl"));

        assertProblem(response, 400, "RABT-S002");
    }

    @Test
    void aBodyAlteredAfterSigningIsRefused() {
        byte[] signed = bytes(bundle);
        String signature = health.sign(signed);
        byte[] altered = bytes(bundle.replace("\"urgent\"", "\"routine\""));
        assertThat(altered).isNotEqualTo(signed);

        HttpResponse<String> response = health.post("/exchange/v1/health/cards", altered,
                HealthExamples.MEDIA_TYPE, Map.of("Rabt-Signature", signature));

        assertProblem(response, 400, "RABT-S003");
    }

    @Test
    void aSignatureWithAnotherSectorsKeyIsRefusedNamingThatSector() {
        byte[] body = bytes(bundle);
        String justiceSignature = new DetachedSigner(SectorClient.keyMaterial(DATA.resolve("pki"), "justice"))
                .signBase64(body);

        HttpResponse<String> response = health.post("/exchange/v1/health/cards", body, HealthExamples.MEDIA_TYPE,
                Map.of("Rabt-Signature", justiceSignature));

        assertProblem(response, 403, "RABT-S004").contains("justice");
    }


    @Test
    void oneSectorsCertificateOnAnotherSectorsPathIsRefused() {
        byte[] body = bytes(bundle);
        HttpResponse<String> response = health.post("/exchange/v1/justice/cards", body, "application/xml",
                Map.of("Rabt-Signature", health.sign(body)));

        assertProblem(response, 403, "RABT-A002");
    }

    @Test
    void aConnectionWithoutCertificateEndsAtTheHandshake() {
        HttpClient anonymous = SectorClient.withoutCertificate(DATA.resolve("pki"));
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://localhost:" + exchangePort()
                + "/exchange/v1/health/cards")).POST(HttpRequest.BodyPublishers.ofByteArray(bytes(bundle)))
                .header("Content-Type", HealthExamples.MEDIA_TYPE).build();

        assertThatThrownBy(() -> anonymous.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class)
                .satisfies(failure -> assertThat(causes(failure)).anyMatch(c -> c instanceof javax.net.ssl.SSLException));
        // the same port, path and trust, with a certificate: past the handshake (a coded refusal of the missing signature)
        assertProblem(health.post("/exchange/v1/health/cards", bytes(bundle), HealthExamples.MEDIA_TYPE, Map.of()),
                400, "RABT-S001");
    }


    @Test
    void aBodyThatIsNotJsonIsRefusedAsUnparseable() {
        HttpResponse<String> response = health.postCard(bytes("{\"resourceType\": \"Bundle\", "),
                HealthExamples.MEDIA_TYPE);

        assertProblem(response, 400, "RABT-M001");
    }

    @Test
    void aBundleThatIsNotValidFhirIsRefusedWithHapisReason() {
        String invalid = bundle.replaceFirst("\"resourceType\"\\s*:\\s*\"Task\",", "\"resourceType\": \"Task\", \"colour\": \"blue\",");
        assertThat(invalid).isNotEqualTo(bundle);

        HttpResponse<String> response = health.postCard(bytes(invalid), HealthExamples.MEDIA_TYPE);

        assertProblem(response, 422, "RABT-M002").contains("colour");
    }

    @Test
    void aBundleWithoutARequiredElementIsRefusedNamingIt() {
        tools.jackson.databind.node.ObjectNode tree = (tools.jackson.databind.node.ObjectNode) JSON.readTree(bundle);
        for (JsonNode entry : tree.path("entry")) {
            if (entry.path("resource").path("resourceType").asString().equals("MessageHeader")) {
                ((tools.jackson.databind.node.ObjectNode) entry.path("resource")).remove("destination");
            }
        }
        String withoutDestination = JSON.writeValueAsString(tree);
        assertThat(withoutDestination).doesNotContain("\"destination\"");

        HttpResponse<String> response = health.postCard(bytes(withoutDestination), HealthExamples.MEDIA_TYPE);

        assertProblem(response, 422, "RABT-M003").contains("destination");
        assertThat(JSON.readTree(response.body()).path("field").asString()).contains("destination");
    }


    @Test
    void theStaffPortDoesNotServeTheExchangeApiHoweverThePathIsEncoded() throws Exception {
        for (String path : List.of("/exchange/v1/health/cards", "/%65xchange/v1/health/cards",
                "/exchange%2Fv1/health/cards", "/./exchange/v1/health/cards")) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + staffPort + path))
                    .POST(HttpRequest.BodyPublishers.ofString(bundle)).header("Content-Type", HealthExamples.MEDIA_TYPE)
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(path).isIn(400, 404);
            assertThat(response.body()).as(path).doesNotContain("RABT-A001").doesNotContain("RABT-S00");
        }
    }

    @Test
    void theExchangePortDoesNotServeTheActuatorWhichTheStaffPortDoes() throws Exception {
        assertProblem(health.get("/actuator/health"), 404, "RABT-H404");
        HttpResponse<String> staff = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + staffPort + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(staff.statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownExchangePathOrMethodGetsAProblemDocument() {
        assertProblem(health.get("/exchange/v1/health/nothing-here"), 404, "RABT-H404");
        assertProblem(health.get("/exchange/v1/health/cards"), 405, "RABT-H405");
    }

    @Test
    void anIdempotencyKeyThatIsNotAShortTokenIsRefused() {
        byte[] body = bytes(bundle);
        HttpResponse<String> response = health.post("/exchange/v1/health/cards", body, HealthExamples.MEDIA_TYPE,
                Map.of("Rabt-Signature", health.sign(body), "Idempotency-Key", "k".repeat(201)));

        assertProblem(response, 400, "RABT-I010");
    }

    @Test
    void aChunkedBodyLargerThanTheLimitIsRefusedWith413() {
        byte[] body = bytes(bundle + " ".repeat(MAX_BODY));
        HttpResponse<String> response = health.postStreamed("/exchange/v1/health/cards", body,
                HealthExamples.MEDIA_TYPE, Map.of("Rabt-Signature", health.sign(body)));

        assertProblem(response, 413, "RABT-I003");
    }

    private org.assertj.core.api.AbstractStringAssert<?> assertProblem(HttpResponse<String> response, int status,
            String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("code").asString()).isEqualTo(code);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("type").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        return assertThat(problem.path("detail").asString());
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable current = failure; current != null && !chain.contains(current); current = current.getCause()) {
            chain.add(current);
        }
        return chain;
    }

    private long cardCount() {
        return jdbc.sql("SELECT COUNT(*) FROM card").query(Long.class).single();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
