package org.rabt.config;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rabt.config.support.HealthExamples;
import org.rabt.config.support.HubTestBase;
import org.rabt.config.support.Openssl;
import org.rabt.config.support.SectorClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A health referral goes in signed over mutual TLS and comes out at justice as signed, valid XML;
 * checked on each database the hub supports (subclasses give the data directory and the stub).
 */
abstract class HealthToJusticeContract extends HubTestBase {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private Path data;
    private WireMockServer justiceSystem;

    abstract Path dataDir();

    abstract WireMockServer justice();

    @BeforeEach
    void justiceAccepts() {
        data = dataDir();
        justiceSystem = justice();
        justiceSystem.stubFor(post("/justice/cards").willReturn(aResponse().withStatus(201)));
    }

    @Test
    void firstStartCreatesTheDemoPkiAtTheContractPaths() {
        Path pki = data.resolve("pki");
        assertThat(pki.resolve("ca.pem")).isRegularFile();
        for (String sector : List.of("health", "justice", "education", "labour", "police", "gendarmerie", "social",
                "freeline")) {
            assertThat(pki.resolve("sectors").resolve(sector).resolve("cert.pem")).isRegularFile();
            assertThat(pki.resolve("sectors").resolve(sector).resolve("key.pem")).isRegularFile();
        }
    }

    @Test
    void referralToProsecutorReachesJusticeAsSignedXmlValidAgainstTheXsd() throws Exception {
        SectorClient health = sector("health", data);
        String bundle = HealthExamples.read(HealthExamples.PROSECUTOR);
        String cardId = HealthExamples.cardId(bundle);

        HttpResponse<String> response = health.postCard(bundle.getBytes(StandardCharsets.UTF_8), HealthExamples.MEDIA_TYPE);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode receipt = JSON.readTree(response.body());
        assertThat(receipt.path("cardId").asString()).isEqualTo(cardId);
        assertThat(receipt.path("status").asString()).isEqualTo("accepted");
        assertThat(receipt.path("statusUrl").asString()).endsWith("/exchange/v1/health/cards/" + cardId);

        LoggedRequest delivered = awaitDelivery(cardId);
        assertThat(delivered.getHeader("Content-Type")).startsWith("application/xml");
        byte[] xml = delivered.getBody();
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource("/justice/carte-liaison-v1.xsd"))
                .newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(xml)));
        assertThat(new String(xml, StandardCharsets.UTF_8)).contains(cardId).contains("carteLiaison");

        byte[] signature = Base64.getDecoder().decode(delivered.getHeader("Rabt-Signature"));
        Openssl.Result openssl = Openssl.verifyDetached(xml, signature, data.resolve("pki/ca.pem"));
        assertThat(openssl.exitCode()).as(openssl.output()).isZero();
        byte[] altered = (new String(xml, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8);
        assertThat(Openssl.verifyDetached(altered, signature, data.resolve("pki/ca.pem")).exitCode()).isNotZero();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode status = JSON.readTree(health.get(receipt.path("statusUrl").asString()).body());
            assertThat(status.path("status").asString()).isEqualTo("delivered");
            assertThat(status.path("history").findValuesAsString("status")).containsExactly("accepted", "delivered");
        });
    }

    @Test
    void theSameCardSentAgainGetsTheSameAnswerAndIsDeliveredOnce() {
        SectorClient health = sector("health", data);
        byte[] card = HealthExamples.asNewCard(HealthExamples.read(HealthExamples.PROSECUTOR)).getBytes(StandardCharsets.UTF_8);
        String cardId = HealthExamples.cardId(new String(card, StandardCharsets.UTF_8));

        HttpResponse<String> first = health.postCard(card, HealthExamples.MEDIA_TYPE);
        awaitDelivery(cardId);
        HttpResponse<String> second = health.postCard(card, HealthExamples.MEDIA_TYPE); // signed anew: another signing time

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(second.body()).path("cardId").asString()).isEqualTo(cardId);
        assertThat(second.headers().firstValue("Idempotent-Replayed")).contains("true");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(justiceSystem.findAll(postRequestedFor(urlEqualTo("/justice/cards"))
                        .withHeader("Rabt-Card-Id", equalTo(cardId)))).hasSize(1));
    }

    @Test
    void cardsForSectorsWithoutADeliveryConnectorWaitVisiblyInTheirQueue() throws Exception {
        SectorClient health = sector("health", data);
        String school = HealthExamples.read(HealthExamples.SCHOOL);

        HttpResponse<String> response = health.postCard(school.getBytes(StandardCharsets.UTF_8), HealthExamples.MEDIA_TYPE);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode status = JSON.readTree(health.get("/exchange/v1/health/cards/" + HealthExamples.cardId(school)).body());
        assertThat(status.path("status").asString()).isEqualTo("accepted");
        assertThat(status.path("receiver").asString()).isEqualTo("education");
        assertThat(status.path("queue").asString()).isEqualTo("rabt.education.outbound");
        assertThat(status.path("waiting").asString()).contains("no delivery connector for education");

        HttpClient staff = HttpClient.newHttpClient();
        String queues = staff.send(staffRequest("operator", "/actuator/queues").build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(JSON.readTree(queues).path("rabt.education.outbound").asLong()).isGreaterThanOrEqualTo(1);
        String prometheus = staff.send(staffRequest("operator", "/actuator/prometheus").build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(prometheus).containsPattern("rabt_queue_depth\\{[^}]*queue=\"rabt.education.outbound\"[^}]*\\} [1-9]");
    }

    private LoggedRequest awaitDelivery(String cardId) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> justiceSystem.findAll(postRequestedFor(urlEqualTo("/justice/cards"))
                .withHeader("Rabt-Card-Id", equalTo(cardId))), requests -> !requests.isEmpty()).get(0);
    }

}
