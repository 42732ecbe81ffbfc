package org.rabt.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.rabt.caserecord.reports.Achievements;
import org.rabt.caserecord.reports.Cell;
import org.rabt.caserecord.reports.ChildrenFigures;
import org.rabt.caserecord.reports.ProvincialReport;
import org.rabt.caserecord.reports.ReferralFigures;
import org.rabt.caserecord.reports.ReportPeriod;
import org.rabt.config.reports.ProvincialReportExport;
import org.rabt.config.support.HubTestBase;
import org.rabt.config.support.SectorClient;
import org.rabt.security.CryptoUtils;
import org.rabt.security.KeyMaterial;
import org.rabt.security.pki.HubPki;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two provinces to the national level on the whole hub: this hub (Tangier, MA-TNG) exports its
 * provincial report of the current half-year as a signed file; Rabat (MA-RAB) is another hub with
 * its own CA, made here, whose CA this hub trusts. Both files import once, and the national report
 * adds them up; a tampered file, a sector's signature and an unknown CA are refused with their
 * codes, audited, and recorded nowhere.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NationalReportsIT extends HubTestBase {

    private static final Path DATA = newDataDir();
    /** Rabat's hub PKI, created before this hub starts so that its CA file can be configured. */
    private static final Path RABAT_PKI = DATA.resolveSibling(DATA.getFileName() + "-rabat");
    private static final HubPki RABAT = HubPki.loadOrCreate(RABAT_PKI, List.of(), List.of());
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PERIOD = currentHalfYear();
    private static final String IMPORTS = "/api/v1/reports/national/imports";

    @Autowired
    private JdbcClient jdbc;

    private byte[] tangierFile;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        hubProperties(registry, DATA);
        registry.add("rabt.reports.province", () -> "MA-TNG");
        // the hub's own CA (created at start, read at each import) and Rabat's
        registry.add("rabt.reports.national.trusted-ca-files",
                () -> DATA.resolve("pki").resolve("ca.pem") + "," + RABAT_PKI.resolve("ca.pem"));
        registry.add("rabt.reports.national.expected-provinces", () -> "MA-TNG,MA-RAB,MA-CAS");
    }

    /** Six girls registered by the centre (so that Tangier's total is published) and one referral to justice. */
    @BeforeAll
    void tangierHasChildrenThisHalfYear() throws Exception {
        String fileId = null;
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> sent = post("coordinator", "/api/v1/cards", """
                    {"type": "reporting", "child": {"familyNameLatin": "Bennani%s", "givenNameLatin": "Aya%s",
                     "birthDate": "2014-0%d-11", "sex": "female", "province": "MA-TNG"},
                     "entryChannel": "self-referral", "concerns": [{"code": "neglect"}]}""".formatted(i, i, i + 1));
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
            fileId = JSON.readTree(sent.body()).path("fileId").asString();
        }
        HttpResponse<String> referral = post("coordinator", "/api/v1/cards", """
                {"type": "linkage", "receiver": "justice", "childFileId": "%s", "reason": "protection order requested",
                 "dueBy": "%s", "concerns": [{"code": "neglect", "certainty": "confirmed"}]}"""
                .formatted(fileId, LocalDate.now(ZoneOffset.UTC).plusDays(10)));
        assertThat(referral.statusCode()).as(referral.body()).isEqualTo(202);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> get("committee",
                "/api/v1/reports/provincial?period=" + PERIOD, 200).path("children").path("total").path("count").asLong() >= 5);
    }

    @Test
    @Order(1)
    void tangierExportsItsProvincialReportAsPublishedSignedByTheHub() {
        HttpResponse<String> response = get("committee", "/api/v1/reports/provincial/export?period=" + PERIOD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"rabt-provincial-MA-TNG-" + PERIOD + ".json\"");
        tangierFile = response.body().getBytes(StandardCharsets.UTF_8);

        JsonNode file = JSON.readTree(tangierFile);
        assertThat(file.path("format").asString()).isEqualTo(ProvincialReportExport.FORMAT);
        assertThat(file.path("province").asString()).isEqualTo("MA-TNG");
        assertThat(file.path("period").asString()).isEqualTo(PERIOD);
        assertThat(file.path("certificates").asString()).contains("-----BEGIN CERTIFICATE-----");
        // the report as the province publishes it: the same figures, the same withheld cells
        JsonNode published = get("committee", "/api/v1/reports/provincial?period=" + PERIOD, 200);
        JsonNode exported = file.path("report");
        assertThat(exported.path("achievements")).isEqualTo(published.path("achievements"));
        assertThat(exported.path("children")).isEqualTo(published.path("children"));
        assertThat(exported.path("children").path("byAgeBandAndSex").toString()).contains("\"withheld\":true");
    }

    @Test
    @Order(2)
    void aTamperedExportIsRefusedAuditedAndNotRecorded() throws Exception {
        long cards = JSON.readTree(tangierFile).path("report").path("achievements").path("cards").asLong();
        String original = new String(tangierFile, StandardCharsets.UTF_8);
        String tampered = original.replaceFirst("\"cards\" : " + cards + ",", "\"cards\" : " + (cards + 40) + ",");
        assertThat(tampered).isNotEqualTo(original);

        assertProblem(importFile("coordinator", tampered.getBytes(StandardCharsets.UTF_8)), 422, "RABT-R004");

        assertThat(imports()).isZero();
        // the refusal is in the audit log, naming the refused file by its SHA-256
        assertThat(jdbc.sql("SELECT payload_sha256 FROM audit_entry WHERE action = 'staff-request-refused' AND error_code = "
                + "'RABT-R004' AND actor = 'coordinator'").query(String.class).list()).containsExactly(
                        HexFormat.of().formatHex(CryptoUtils.sha256(tampered.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    @Order(3)
    void aSectorsSignatureOrAnUnknownCaIsRefused() {
        KeyMaterial health = SectorClient.keyMaterial(DATA.resolve("pki"), "health");
        assertProblem(importFile("coordinator", ProvincialReportExport.sign(rabat(), health, Instant.now()).toJson()),
                403, "RABT-R005");
        HubPki unknown = HubPki.loadOrCreate(DATA.resolveSibling(DATA.getFileName() + "-unknown"), List.of(), List.of());
        assertProblem(importFile("coordinator", ProvincialReportExport.sign(rabat(), unknown.hubSigner(), Instant.now())
                .toJson()), 403, "RABT-R005");

        assertThat(imports()).isZero();
    }

    @Test
    @Order(4)
    void theCommitteeReadsButDoesNotImport() {
        assertProblem(importFile("committee", tangierFile), 403, "RABT-A005");
        assertThat(imports()).isZero();
    }

    @Test
    @Order(5)
    void twoProvincesImportOnceAndTheNationalTotalsAreTheirSums() throws Exception {
        HttpResponse<String> first = importFile("coordinator", tangierFile);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(JSON.readTree(first.body()).path("province").asString()).isEqualTo("MA-TNG");
        HttpResponse<String> second = importFile("coordinator",
                ProvincialReportExport.sign(rabat(), RABAT.hubSigner(), Instant.now()).toJson());
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);

        JsonNode tangier = JSON.readTree(tangierFile).path("report");
        JsonNode national = get("committee", "/api/v1/reports/national?period=" + PERIOD, 200);

        assertThat(strings(national.path("provinces"))).containsExactly("MA-RAB", "MA-TNG");
        assertThat(strings(national.path("missingProvinces"))).containsExactly("MA-CAS");
        ProvincialReport rabat = rabat();
        assertThat(national.path("achievements").path("cards").asLong())
                .isEqualTo(tangier.path("achievements").path("cards").asLong() + rabat.achievements().cards());
        long tangierChildren = tangier.path("children").path("total").path("count").asLong();
        assertThat(tangierChildren).isGreaterThanOrEqualTo(6);
        assertThat(national.path("children").path("total").path("count").asLong())
                .isEqualTo(tangierChildren + rabat.children().total().count());
        assertThat(national.path("achievements").path("children").path("count").asLong())
                .isEqualTo(tangierChildren + rabat.children().total().count());
        long tangierReferrals = sentReferrals(tangier.path("achievements"));
        assertThat(tangierReferrals).isEqualTo(1);
        assertThat(sentReferrals(national.path("achievements"))).isEqualTo(tangierReferrals + 7);

        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'national-report-imported'")
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    @Order(6)
    void aSecondImportOfAProvincesPeriodIsRefused() {
        assertProblem(importFile("coordinator", tangierFile), 409, "RABT-R006");
        assertThat(imports()).isEqualTo(2);
    }

    /** Rabat's report: 20 children (12 girls, 8 boys), 30 cards, 7 referrals to justice. */
    private static ProvincialReport rabat() {
        ReportPeriod period = ReportPeriod.parse(PERIOD);
        Cell total = new Cell(null, null, null, null, 20L, false, null, true);
        List<Cell> bySex = List.of(new Cell(null, "female", null, null, 12L, false, null, true),
                new Cell(null, "male", null, null, 8L, false, null, true));
        Achievements now = new Achievements(30, Map.of("self-referral", 30L), Map.of("centre", 30L),
                new Cell(null, null, null, null, 20L, false, null, false), List.of(),
                List.of(new ReferralFigures("justice", 7, 5, 1, 3.0, 3.5)), 0, 0);
        Achievements before = new Achievements(0, Map.of(), Map.of(),
                new Cell(null, null, null, null, null, true, null, false), List.of(), List.of(), 0, 0);
        return new ProvincialReport("MA-RAB", PERIOD, period.from(), period.to(), period.previous().label(),
                Instant.parse("2026-11-29T08:00:00Z"), 5, now, before,
                new ChildrenFigures(total, List.of(), bySex, List.of(), List.of(), List.of()));
    }

    private long imports() {
        return jdbc.sql("SELECT count(*) FROM national_report_import").query(Long.class).single();
    }

    private static long sentReferrals(JsonNode achievements) {
        long sent = 0;
        for (JsonNode referral : achievements.path("referrals")) {
            sent += referral.path("sent").asLong();
        }
        return sent;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private static String currentHalfYear() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return today.getYear() + "-H" + (today.getMonthValue() <= 6 ? 1 : 2);
    }

    private HttpResponse<String> importFile(String user, byte[] file) {
        return send(staffRequest(user, IMPORTS).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build());
    }

    private JsonNode get(String user, String path, int status) {
        HttpResponse<String> response = get(user, path);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String user, String path) {
        return send(staffRequest(user, path).build());
    }

    private HttpResponse<String> post(String user, String path, String json) {
        return send(staffRequest(user, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).path("code").asString()).isEqualTo(code);
    }
}
