package org.rabt.config;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.rabt.config.support.HealthExamples;
import org.rabt.config.support.HubTestBase;
import org.rabt.config.support.SectorClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile input from several sectors at once — entity expansion and external entities in a justice
 * card, 50 MB bodies, 10,000-deep JSON, a Bundle of 10,000 entries, a flood from one certificate —
 * is each refused with its code and recorded in the audit log, while another sector's valid cards
 * are still taken in.
 */
class HostileInputIT extends HubTestBase {

    private static final Path DATA = newDataDir();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PER_SECOND = 1;
    private static final int BURST = 5;
    private static final int FLOOD = 60;
    private static final String DECLARATION = "<?xml version='1.0' encoding='UTF-8'?>";

    @Autowired
    private JdbcClient jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        hubProperties(registry, DATA);
        registry.add("rabt.exchange.rate-limit.cards-per-second", () -> PER_SECOND);
        registry.add("rabt.exchange.rate-limit.burst", () -> BURST);
    }

    /**
     * A hostile request and the refusal it must get. When the hub stops reading a body it refuses
     * (the chunked 50 MB), it answers and closes the connection; a client still writing may then
     * lose the answer to the reset ({@code closes}): that refusal is then checked in the audit log.
     */
    record Attack(String name, int status, String code, boolean closes, Supplier<HttpResponse<String>> send) {

        Attack(String name, int status, String code, Supplier<HttpResponse<String>> send) {
            this(name, status, code, false, send);
        }
    }

    @Test
    void everyHostileInputIsRefusedWithItsCodeWhileAnotherSectorsCardsAreTakenIn() {
        SectorClient justice = sector("justice", DATA);
        SectorClient health = sector("health", DATA);
        SectorClient education = sector("education", DATA);
        SectorClient labour = sector("labour", DATA);
        SectorClient social = sector("social", DATA);
        String justiceCard = example("justice/examples/carte-liaison-parquet.xml");
        byte[] fiftyMegabytes = (HealthExamples.read(HealthExamples.PROSECUTOR) + " ".repeat(50 * 1024 * 1024))
                .getBytes(UTF_8);

        List<Attack> attacks = List.of(
                new Attack("billion laughs", 400, "RABT-M001", () -> justice.postCard(
                        withDoctype(justiceCard, billionLaughs(), "&lol9;"), "application/xml")),
                new Attack("external entity", 400, "RABT-M001", () -> justice.postCard(
                        withDoctype(justiceCard, "<!DOCTYPE carteLiaison [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>",
                                "&x;"), "application/xml")),
                new Attack("50 MB chunked", 413, "RABT-I003", true, () -> health.postStreamed("/exchange/v1/health/cards",
                        fiftyMegabytes, HealthExamples.MEDIA_TYPE, Map.of("Rabt-Signature", health.sign(fiftyMegabytes)))),
                new Attack("10,000-deep JSON on a JSON sector", 422, "RABT-M008", () -> education.postCard(
                        ("{\"entete\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}").getBytes(UTF_8),
                        "application/json")),
                new Attack("10,000-deep FHIR JSON", 422, "RABT-M008", () -> health.postCard(
                        ("{\"resourceType\":\"Bundle\",\"meta\":" + "{\"extension\":[".repeat(5_000)
                                + "]}".repeat(5_000) + "}").getBytes(UTF_8), HealthExamples.MEDIA_TYPE)),
                new Attack("FHIR Bundle of 10,000 entries", 422, "RABT-M008", () -> health.postCard(
                        bundleWithEntries(10_000), HealthExamples.MEDIA_TYPE)));

        List<CompletableFuture<HttpResponse<String>>> underWay = new ArrayList<>();
        for (Attack attack : attacks) {
            underWay.add(CompletableFuture.supplyAsync(attack.send())
                    .exceptionally(failure -> {
                        if (attack.closes() && failure.getCause() instanceof UncheckedIOException) {
                            return null;
                        }
                        throw new IllegalStateException(attack.name() + " failed", failure);
                    }));
        }
        // 50 MB announced: the hub answers from the head alone, without waiting for a byte of it
        CompletableFuture<String> announced = CompletableFuture.supplyAsync(() -> health.sendHeadOnly(
                "POST /exchange/v1/health/cards HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/fhir+json\r\n"
                        + "Content-Length: " + 50 * 1024 * 1024 + "\r\nRabt-Signature: AAAA\r\n\r\n"));
        CompletableFuture<List<HttpResponse<String>>> flood = CompletableFuture.supplyAsync(() -> {
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (int i = 0; i < FLOOD; i++) {
                answers.add(labour.get("/exchange/v1/labour/cards/" + UUID.randomUUID()));
            }
            return answers;
        });

        // while all that is under way, another sector's card is taken in
        assertThat(social.postCard(exampleBytes("social/examples/fiche-accueil-urgence-tanger.json"),
                "application/json").statusCode()).isEqualTo(202);

        for (int i = 0; i < attacks.size(); i++) {
            Attack attack = attacks.get(i);
            HttpResponse<String> response = underWay.get(i).join();
            if (response == null) {
                continue; // the connection closed under the client: see the audit log below
            }
            assertThat(response.statusCode()).as(attack.name() + ": " + abbreviated(response.body()))
                    .isEqualTo(attack.status());
            assertThat(problem(response).path("code").asString()).as(attack.name()).isEqualTo(attack.code());
        }
        assertThat(announced.join()).as("50 MB announced").startsWith("HTTP/1.1 413").contains("\"RABT-I003\"");
        assertThat(abbreviated(attacks.get(1).send().get().body())).as("nothing of /etc/passwd comes back")
                .doesNotContain("root:");

        List<HttpResponse<String>> flooded = flood.join();
        List<HttpResponse<String>> limited = flooded.stream().filter(response -> response.statusCode() == 429).toList();
        assertThat(flooded).as("the burst is served").first().extracting(HttpResponse::statusCode).isEqualTo(404);
        assertThat(limited).as("past the burst, the flood is refused").isNotEmpty();
        assertThat(limited).allSatisfy(response -> {
            assertThat(problem(response).path("code").asString()).isEqualTo("RABT-I016");
            assertThat(response.headers().firstValueAsLong("Retry-After").orElse(0)).as("Retry-After").isPositive();
        });

        // and right after, the hub still takes in another sector's card
        assertThat(social.postCard(exampleBytes("social/examples/fiche-enquete-sociale-meknes.json"),
                "application/json").statusCode()).isEqualTo(202);

        List<String> audited = jdbc.sql("SELECT error_code FROM audit_entry WHERE outcome = 'failure'")
                .query(String.class).list();
        assertThat(audited).as("every kind of refusal is in the audit log")
                .contains("RABT-M001", "RABT-I003", "RABT-M008", "RABT-I016");
        assertThat(audited.stream().filter("RABT-I003"::equals).count()).as("both 50 MB bodies").isEqualTo(2);
        assertThat(audited.stream().filter("RABT-I016"::equals).count())
                .as("a flood is recorded, not copied request by request into the database")
                .isLessThan(limited.size());
    }

    private static String billionLaughs() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE carteLiaison [<!ENTITY lol0 \"lol\">");
        for (int level = 1; level <= 9; level++) {
            dtd.append("<!ENTITY lol").append(level).append(" \"").append(("&lol" + (level - 1) + ";").repeat(10))
                    .append("\">");
        }
        return dtd.append("]>").toString();
    }

    private static byte[] withDoctype(String card, String doctype, String entityUse) {
        return card.replace(DECLARATION, DECLARATION + "\n" + doctype)
                .replaceFirst("<nomLatin>[^<]*</nomLatin>", "<nomLatin>" + entityUse + "</nomLatin>")
                .getBytes(UTF_8);
    }

    private static byte[] bundleWithEntries(int entries) {
        StringBuilder json = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"message\",\"entry\":[");
        for (int i = 0; i < entries; i++) {
            json.append(i == 0 ? "" : ",").append("{\"fullUrl\":\"urn:uuid:").append(UUID.randomUUID()).append("\"}");
        }
        return json.append("]}").toString().getBytes(UTF_8);
    }

    private static JsonNode problem(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        return JSON.readTree(response.body());
    }

    private static String abbreviated(String body) {
        return body.length() <= 500 ? body : body.substring(0, 500) + "…";
    }

    private static byte[] exampleBytes(String path) {
        try {
            return new ClassPathResource(path).getContentAsByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String example(String path) {
        return new String(exampleBytes(path), UTF_8);
    }
}
