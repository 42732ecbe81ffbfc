package org.rabt.config;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.rabt.config.support.HealthFhirServer;
import org.rabt.config.support.HubTestBase;
import org.rabt.config.support.SectorClient;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.SectorFormat;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.routes.FormatRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every sector's every example card, posted signed with that sector's demo certificate, is
 * admitted and reaches its receiver in the receiver's own format: justice as XML valid against
 * its XSD, health as a Task and ServiceRequest created on a real HAPI FHIR server, the other
 * sectors as their JSON, and the centre's cards as received in the case record.
 */
class EverySectorIT extends HubTestBase {

    private static final Path DATA = newDataDir();
    private static final WireMockServer SECTORS = startStub();
    private static final HealthFhirServer HEALTH = HealthFhirServer.start();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EnumSet<SectorId> EXTERNAL = EnumSet.complementOf(EnumSet.of(SectorId.CENTRE));

    @Autowired
    private FormatRegistry formats;

    @Autowired
    private org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        hubProperties(registry, DATA);
        for (SectorId sector : EXTERNAL) {
            String url = sector == SectorId.HEALTH ? HEALTH.baseUrl() : SECTORS.baseUrl() + "/" + sector.code() + "/cards";
            registry.add("rabt.sectors." + sector.code() + ".delivery-url", () -> url);
        }
        SECTORS.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlMatching("/[a-z]+/cards"))
                .willReturn(aResponse().withStatus(201)));
    }

    @AfterAll
    static void stop() throws Exception {
        SECTORS.stop();
        HEALTH.close();
    }

    /** An example a sector sends, and where it goes. */
    record Sent(SectorId sender, String example, String cardId, SectorId receiver) {
    }

    @Test
    void everyExampleOfEverySectorIsAdmittedAndReachesItsReceiverInTheReceiversFormat() throws Exception {
        List<Sent> sent = new ArrayList<>();
        for (SectorId sector : EXTERNAL) {
            SectorClient client = sector(sector.code(), DATA);
            for (Resource example : examples(sector)) {
                byte[] body = example.getContentAsByteArray();
                ChildProtectionMessage cpm = cardOf(sector, body);
                if (cpm == null) {
                    continue; // a status report, or a card this sector receives rather than sends
                }
                HttpResponse<String> response = client.postCard(body, formats.of(sector).orElseThrow().mediaType());
                assertThat(response.statusCode()).as(sector + " " + example.getFilename() + ": " + response.body())
                        .isEqualTo(202);
                sent.add(new Sent(sector, example.getFilename(), cpm.header().messageId().toString(),
                        cpm.header().receiver().sector()));
            }
        }
        // every sector has something to send
        assertThat(sent).extracting(Sent::sender).containsAll(EXTERNAL);

        for (Sent card : sent) {
            String what = card.sender() + " " + card.example() + " -> " + card.receiver();
            // a sector that neither sent nor receives the card cannot read it (nor learn that it exists)
            SectorId bystander = EXTERNAL.stream().filter(s -> s != card.sender() && s != card.receiver())
                    .findFirst().orElseThrow();
            HttpResponse<String> peek = sector(bystander.code(), DATA)
                    .get("/exchange/v1/" + bystander.code() + "/cards/" + card.cardId());
            assertThat(peek.statusCode()).as(bystander + " reading " + what).isEqualTo(404);
            assertThat(peek.body()).contains("RABT-I008");
            switch (card.receiver()) {
                case CENTRE -> awaitReceivedByTheCentre(card, what);
                case HEALTH -> awaitOnTheFhirServer(card, what);
                case JUSTICE -> assertValidJusticeXml(awaitDelivery(card, what), what);
                default -> {
                    String body = awaitDelivery(card, what).getBodyAsString();
                    JsonNode delivered = JSON.readTree(body);
                    assertThat(delivered.path("identifiantCarte").asString()).as(what).isEqualTo(card.cardId());
                    assertThat(body).as(what + ": the receiver gets its own token, not the hub's pseudonym")
                            .doesNotContain(hubPseudonym(card.cardId()));
                }
            }
        }
    }

    private String hubPseudonym(String cardId) {
        return jdbc.sql("SELECT child_pseudonym FROM card WHERE id = ?").param(java.util.UUID.fromString(cardId))
                .query(String.class).single();
    }

    private ChildProtectionMessage cardOf(SectorId sector, byte[] body) {
        try {
            return formats.of(sector).orElseThrow().toCpm(body);
        } catch (MappingException notACardThisSectorSends) {
            return null;
        }
    }

    private void awaitReceivedByTheCentre(Sent card, String what) {
        SectorClient sender = sector(card.sender().code(), DATA);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode status = JSON.readTree(sender.get("/exchange/v1/" + card.sender().code() + "/cards/"
                    + card.cardId()).body());
            assertThat(status.path("status").asString()).as(what).isEqualTo("delivered");
            assertThat(status.path("taskStatus").asString()).as(what).isEqualTo("received");
        });
    }

    private void awaitOnTheFhirServer(Sent card, String what) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Task task = HEALTH.task(card.cardId());
            assertThat(task).as(what).isNotNull();
            assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
            assertThat(task.getFocus().getReference()).as("the Task's focus is the ServiceRequest").startsWith("urn:uuid:");
        });
        assertThat(HEALTH.received()).filteredOn(received -> card.cardId().equals(received.cardId()))
                .first().satisfies(received -> {
                    // the hub's signature verifies over exactly the bytes the health server received
                    java.security.cert.X509Certificate ca = org.rabt.security.Pem.readCertificate(
                            DATA.resolve("pki").resolve("ca.pem"));
                    java.security.cert.X509Certificate hub = org.rabt.security.Pem.readCertificate(
                            DATA.resolve("pki").resolve("hub").resolve("cert.pem"));
                    new org.rabt.security.signature.DetachedSignatureVerifier(List.of(ca))
                            .verify(received.body(), received.signature(), hub, java.util.Map.of());
                    assertThat(received.transaction().getEntry()).extracting(entry -> entry.getResource().fhirType())
                            .contains("Task", "ServiceRequest", "Patient");
                });
    }

    private LoggedRequest awaitDelivery(Sent card, String what) {
        String path = "/" + card.receiver().code() + "/cards";
        return await().atMost(Duration.ofSeconds(60)).until(() -> SECTORS.findAll(postRequestedFor(urlEqualTo(path)))
                .stream().filter(request -> card.cardId().equals(request.getHeader("Rabt-Card-Id"))).findFirst()
                .orElse(null), delivered -> delivered != null);
    }

    private static void assertValidJusticeXml(LoggedRequest delivered, String what) throws Exception {
        assertThat(delivered.getHeader("Content-Type")).as(what).startsWith("application/xml");
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.newSchema(EverySectorIT.class.getResource("/justice/carte-liaison-v1.xsd")).newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(delivered.getBody())));
    }

    private static List<Resource> examples(SectorId sector) throws IOException {
        return List.of(new PathMatchingResourcePatternResolver()
                .getResources("classpath*:" + sector.code() + "/examples/*"));
    }
}
