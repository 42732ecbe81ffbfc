package org.rabt.config;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rabt.config.support.HealthFhirServer;
import org.rabt.config.support.HubTestBase;
import org.rabt.config.support.SectorClient;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.cpm.ChildProtected;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.Guardian;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.routes.FormatRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * No child's identity in the hub's log: every example card of every sector is posted and
 * delivered, then each is posted again with its child's name or birth date made invalid (so that
 * the refusal's sentence is about that very value), and the whole log output, with the hub's own
 * loggers at DEBUG, is searched for the children's names, birth dates and identity numbers.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoIdentityInLogsIT extends HubTestBase {

    private static final Path DATA = newDataDir();
    private static final WireMockServer SECTORS = startStub();
    private static final HealthFhirServer HEALTH = HealthFhirServer.start();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EnumSet<SectorId> EXTERNAL = EnumSet.complementOf(EnumSet.of(SectorId.CENTRE));

    @Autowired
    private FormatRegistry formats;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        hubProperties(registry, DATA);
        registry.add("logging.level.org.rabt", () -> "DEBUG");
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

    @Test
    void noNameBirthDateOrIdentityNumberOfAnExampleChildReachesTheLog(CapturedOutput output) throws Exception {
        Set<String> identities = new LinkedHashSet<>();
        for (SectorId sector : EXTERNAL) {
            SectorClient client = sector(sector.code(), DATA);
            String mediaType = formats.of(sector).orElseThrow().mediaType();
            for (Resource example : examples(sector)) {
                byte[] body = example.getContentAsByteArray();
                ChildProtectionMessage cpm = cardOf(sector, body);
                if (cpm == null) {
                    continue; // a status report, or a card this sector receives rather than sends
                }
                ChildProtected child = cpm.childProtected();
                identities.addAll(identityOf(child));
                String what = sector + " " + example.getFilename();
                assertThat(client.postCard(body, mediaType).statusCode()).as(what).isEqualTo(202);
                awaitDelivered(client, sector, cpm.header().messageId().toString(), what);

                for (byte[] refused : invalidVariants(body, child)) {
                    HttpResponse<String> response = client.postCard(refused, mediaType);
                    assertThat(response.statusCode()).as(what + " with an invalid identity: " + response.body())
                            .isBetween(400, 499);
                }
            }
        }
        assertThat(identities).as("the examples name children").hasSizeGreaterThan(10);

        String log = output.getAll();
        assertThat(log).as("the hub did log").contains("org.rabt");
        // the report names only the first two characters of what leaked
        List<String> leaked = identities.stream().filter(log::contains).map(value -> value.substring(0, 2) + "…")
                .toList();
        assertThat(leaked).as("children's identities in the log").isEmpty();
    }

    /** The child's names, birth date, identity numbers and guardians' names, as sent. */
    private static List<String> identityOf(ChildProtected child) {
        if (child == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>(Stream.of(child.familyNameLatin(), child.givenNameLatin(),
                        child.familyNameArabic(), child.givenNameArabic(),
                        child.birthDate() == null ? null : child.birthDate().toString(), child.nationalId(),
                        child.civilStatusNumber())
                .filter(Objects::nonNull).toList());
        child.guardians().stream().map(Guardian::name).filter(Objects::nonNull).forEach(values::add);
        // a word of three letters could be part of anything; longer ones cannot be by chance
        return values.stream().filter(value -> value.length() > 3).toList();
    }

    /** The card with the family name far too long, and with the birth date not a date. */
    private static List<byte[]> invalidVariants(byte[] body, ChildProtected child) {
        String text = new String(body, UTF_8);
        List<byte[]> variants = new ArrayList<>();
        if (child != null && child.familyNameLatin() != null && text.contains(child.familyNameLatin())) {
            variants.add(text.replace(child.familyNameLatin(), child.familyNameLatin() + "x".repeat(300)).getBytes(UTF_8));
        }
        if (child != null && child.birthDate() != null && text.contains(child.birthDate().toString())) {
            String date = child.birthDate().toString();
            variants.add(text.replace(date, date + "T99").getBytes(UTF_8));
        }
        return variants;
    }

    private ChildProtectionMessage cardOf(SectorId sector, byte[] body) {
        try {
            return formats.of(sector).orElseThrow().toCpm(body);
        } catch (MappingException notACardThisSectorSends) {
            return null;
        }
    }

    private static void awaitDelivered(SectorClient sender, SectorId sector, String cardId, String what) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(JSON.readTree(
                sender.get("/exchange/v1/" + sector.code() + "/cards/" + cardId).body()).path("status").asString())
                .as(what).isEqualTo("delivered"));
    }

    private static List<Resource> examples(SectorId sector) throws IOException {
        return List.of(new PathMatchingResourcePatternResolver()
                .getResources("classpath*:" + sector.code() + "/examples/*"));
    }

}
