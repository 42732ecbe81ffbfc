package org.rabt.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rabt.caserecord.reports.KeptFigures;
import org.rabt.config.support.HealthExamples;
import org.rabt.config.support.HubTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reports on the whole hub: seven health referrals about seven different girls of 10-14 and
 * one about a boy, this month. The committee reads the monthly and the provincial report without
 * any access to children's files; the seven girls are published, the lone boy is withheld and so
 * is a complement, so that he cannot be recomputed from the totals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsIT extends HubTestBase {

    private static final Path DATA = newDataDir();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private KeptFigures keptFigures;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        hubProperties(registry, DATA);
        registry.add("rabt.reports.province", () -> "MA-TNG");
        // the route reports-keep soon after the start, and often (defaults: 1 and 5 minutes)
        registry.add("rabt.reports.keep-after", () -> "1s");
        registry.add("rabt.reports.keep-every", () -> "2s");
    }

    @BeforeAll
    void eightChildrenAreReferredThisMonth() {
        String example = HealthExamples.read(HealthExamples.PROSECUTOR);
        for (int i = 0; i < 8; i++) {
            // each a different child: another civil-status number; the last one a boy
            String card = HealthExamples.asNewCard(example).replace("2487/2014", (3000 + i) + "/2014");
            if (i == 7) {
                card = card.replace("\"gender\": \"female\"", "\"gender\": \"male\"");
            }
            HttpResponse<String> answer = sector("health", DATA).postCard(card.getBytes(StandardCharsets.UTF_8),
                    HealthExamples.MEDIA_TYPE);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        }
    }

    @Test
    void theProvincialReportPublishesTheGirlsAndWithholdsTheLoneBoyWithAComplement() throws Exception {
        JsonNode report = get("committee", "/api/v1/reports/provincial?period=" + currentHalf());

        assertThat(report.path("province").asString()).isEqualTo("MA-TNG");
        JsonNode children = report.path("children");
        assertThat(children.path("total").path("count").asLong()).isEqualTo(8);
        assertThat(cell(children.path("byAgeBandAndSex"), "10-14", "female", null).path("count").asLong()).isEqualTo(7);
        JsonNode boys = cell(children.path("byAgeBandAndSex"), "10-14", "male", null);
        assertThat(boys.path("withheld").asBoolean()).isTrue();
        assertThat(boys.path("count").isNull() || boys.path("count").isMissingNode()).isTrue();
        // the boy would be 8 - 7 in the 10-14 row: another cell of that row is withheld with him
        assertThat(cell(children.path("byAgeBand"), "10-14", null, null).path("count").asLong()).isEqualTo(8);
        long withheldInRow = 0;
        for (JsonNode c : children.path("byAgeBandAndSex")) {
            if (c.path("ageBand").asString().equals("10-14") && c.path("withheld").asBoolean()) {
                withheldInRow++;
            }
        }
        assertThat(withheldInRow).isGreaterThanOrEqualTo(2);
        // every published figure about children is five or more
        for (String table : List.of("byAgeBand", "bySex", "byAgeBandAndSex", "byConcern", "byConcernAgeBandAndSex")) {
            for (JsonNode c : children.path(table)) {
                if (!c.path("withheld").asBoolean()) {
                    assertThat(c.path("count").asLong()).as(table + " " + c).isGreaterThanOrEqualTo(5);
                }
            }
        }
        // the referrals to the prosecutor, counted by receiving sector
        List<String> sectors = new ArrayList<>();
        report.path("achievements").path("referrals").forEach(r -> sectors.add(r.path("sector").asString() + "="
                + r.path("sent").asLong()));
        assertThat(sectors).contains("justice=8");
        assertThat(report.path("previousPeriod").asString()).isNotEmpty();
        assertThat(report.toString()).doesNotContain("El Amrani").doesNotContain("3000/2014");
    }

    @Test
    void theMonthlyReportCountsCardsByChannelAndSector() throws Exception {
        JsonNode report = get("coordinator", "/api/v1/reports/monthly?month=" + LocalDate.now(ZoneOffset.UTC).toString()
                .substring(0, 7));

        JsonNode achievements = report.path("achievements");
        assertThat(achievements.path("cards").asLong()).isEqualTo(8);
        assertThat(achievements.path("cardsBySector").path("health").asLong()).isEqualTo(8);
        assertThat(achievements.path("children").path("count").asLong()).isEqualTo(8);
    }

    @Test
    void theCsvHasOneFigurePerRowWithWithheldMarked() throws Exception {
        HttpResponse<String> csv = HTTP.send(staffRequest("committee", "/api/v1/reports/provincial?period=" + currentHalf())
                .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("report,province,period,section,measure,sector,entry_channel,stage,age_band,sex,"
                + "concern,value,previous");
        assertThat(csv.body()).contains("provincial,MA-TNG," + currentHalf() + ",children,children,,,,10-14,female,,7,");
        assertThat(csv.body()).contains(",10-14,male,,withheld,");
    }

    /**
     * The route {@code reports-keep} counts the closed periods a committee reads first soon after
     * the start, so the first reader of last year's report (which puts the year before beside it)
     * waits for no count of the cards.
     */
    @Test
    void lastYearIsCountedAheadOfItsFirstReader() throws Exception {
        // a year counts as closed from the second day after it (docs/reports.md): not on 1 and 2 January
        assumeTrue(LocalDate.now(ZoneOffset.UTC).getDayOfYear() > 2, "last year is not closed yet");
        await().atMost(Duration.ofSeconds(60)).until(() -> keptFigures.timesCounted() > 0);
        // the route has run through every period it keeps when two of its runs count nothing more
        long[] seen = {-1};
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(5)).until(() -> {
            long now = keptFigures.timesCounted();
            boolean settled = now == seen[0];
            seen[0] = now;
            return settled;
        });
        long counted = keptFigures.timesCounted();

        JsonNode report = get("committee", "/api/v1/reports/provincial?period="
                + (LocalDate.now(ZoneOffset.UTC).getYear() - 1));

        assertThat(report.isObject()).isTrue();
        assertThat(keptFigures.timesCounted()).as("counts made for the reader").isEqualTo(counted);
    }

    @Test
    void aPeriodTheHubCannotReadIsRefusedWithItsCode() throws Exception {
        HttpResponse<String> refused = HTTP.send(staffRequest("committee", "/api/v1/reports/provincial?period=2026-Q3")
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).path("code").asString()).isEqualTo("RABT-R001");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'staff-request-refused' AND error_code = 'RABT-R001'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void theCommitteeReadsReportsButNoChildsFile() throws Exception {
        get("committee", "/api/v1/reports/monthly?month=" + LocalDate.now(ZoneOffset.UTC).toString().substring(0, 7));
        assertThat(HTTP.send(staffRequest("committee", "/api/v1/children").build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(403);
        assertThat(HTTP.send(staffRequest("social.worker", "/api/v1/reports/provincial?period=" + currentHalf()).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'report-read' AND actor = 'committee'")
                .query(Long.class).single()).isPositive();
    }

    private static String currentHalf() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return today.getYear() + (today.getMonthValue() <= 6 ? "-H1" : "-H2");
    }

    private static JsonNode cell(JsonNode cells, String ageBand, String sex, String concern) {
        for (JsonNode c : cells) {
            if ((ageBand == null || ageBand.equals(c.path("ageBand").asString()))
                    && (sex == null || sex.equals(c.path("sex").asString()))
                    && (concern == null || concern.equals(c.path("concern").asString()))) {
                return c;
            }
        }
        throw new AssertionError("no cell " + ageBand + "/" + sex + "/" + concern + " in " + cells);
    }

    private JsonNode get(String user, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(staffRequest(user, path).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
