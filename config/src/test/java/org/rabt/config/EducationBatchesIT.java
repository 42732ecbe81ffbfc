package org.rabt.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rabt.config.support.HubTestBase;
import org.rabt.config.support.SectorClient;
import org.rabt.mappings.education.DropoutBatchReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Schools send their dropouts and long absences as a signed CSV batch, over the exchange API or
 * by dropping the file in a watched directory: every good row becomes a reporting card the
 * centre has received, every bad row is reported by line, and a large batch streams through.
 */
class EducationBatchesIT extends HubTestBase {

    private static final Path DATA = newDataDir();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HEADER = String.join(",", DropoutBatchReader.HEADER);
    private static final String BATCHES = "/exchange/v1/education/batches";

    @Autowired
    private JdbcClient jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        hubProperties(registry, DATA);
    }

    @Test
    void theExampleBatchBecomesOneReportingCardPerRowReceivedByTheCentre() throws Exception {
        byte[] csv = example();
        JsonNode report = awaitFinished(post(education(), csv));

        assertThat(report.path("status").asString()).isEqualTo("completed");
        assertThat(report.path("admitted").asLong()).isEqualTo(5);
        assertThat(report.path("rejected").asLong()).isZero();
        JsonNode card = JSON.readTree(education().get("/exchange/v1/education/cards/490949da-cd76-46e5-b7ea-a9c6ab40f59a")
                .body());
        assertThat(card.path("receiver").asString()).isEqualTo("centre");
        assertThat(card.path("cardType").asString()).isEqualTo("reporting");
        assertThat(card.path("status").asString()).isEqualTo("delivered");
        assertThat(card.path("taskStatus").asString()).isEqualTo("received");
    }

    @Test
    void badRowsAreReportedByLineAndTheGoodOnesAreAdmitted() throws Exception {
        String good = UUID.randomUUID().toString();
        String csv = HEADER + "\n"
                + row(good) + "\n"                                                       // line 2
                + row(UUID.randomUUID().toString()).replace(",Amrani,", ",,") + "\n"       // line 3: no family name
                + row(UUID.randomUUID().toString()).replace("2013-05-17", "17/05/2013") + "\n" // line 4: bad date
                + row("not-a-uuid") + "\n"                                                 // line 5
                + row(UUID.randomUUID().toString()) + "\n";                                // line 6
        JsonNode report = awaitFinished(post(education(), csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(report.path("status").asString()).isEqualTo("completed");
        assertThat(report.path("admitted").asLong()).isEqualTo(2);
        assertThat(report.path("rejections")).extracting(r -> r.path("line").asLong()).containsExactly(3L, 4L, 5L);
        assertThat(report.path("rejections").get(1).path("code").asString()).startsWith("RABT-M");
        assertThat(report.path("rejections").get(1).path("reason").asString()).contains("4");
        assertThat(jdbc.sql("SELECT count(*) FROM card WHERE id = ?").param(UUID.fromString(good)).query(Long.class)
                .single()).isEqualTo(1);
    }

    @Test
    void aHundredThousandRowBatchIsAcceptedAndEveryGoodRowBecomesACard() throws Exception {
        Path file = DATA.resolve("large.csv");
        int rows = 100_000;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            for (int i = 0; i < rows; i++) {
                String row = row(UUID.randomUUID().toString());
                out.write(i % 10_000 == 0 ? row.replace("MA-SAL", "Salé") : row); // 10 bad rows
                out.write('\n');
            }
        }
        byte[] csv = Files.readAllBytes(file);
        JsonNode receipt = post(education(), csv);
        JsonNode report = awaitFinished(receipt, Duration.ofMinutes(6));

        assertThat(report.path("status").asString()).isEqualTo("completed");
        assertThat(report.path("admitted").asLong()).isEqualTo(rows - 10);
        assertThat(report.path("rejected").asLong()).isEqualTo(10);
        assertThat(report.path("linesRead").asLong()).isEqualTo(rows + 1);
        UUID batchId = UUID.fromString(receipt.path("batchId").asString());
        assertThat(jdbc.sql("SELECT count(*) FROM card WHERE batch_id = ? AND receiver_sector = 'centre' "
                + "AND task_status = 'received'").param(batchId).query(Long.class).single()).isEqualTo(rows - 10);
    }

    @Test
    void theSameFileSentTwiceIsOneBatch() throws Exception {
        byte[] csv = (HEADER + "\n" + row(UUID.randomUUID().toString()) + "\n").getBytes(StandardCharsets.UTF_8);
        JsonNode first = post(education(), csv);
        JsonNode second = post(education(), csv);
        assertThat(second.path("batchId").asString()).isEqualTo(first.path("batchId").asString());
    }

    @Test
    void aBatchWhoseSignatureDoesNotVerifyIsRefusedAndNothingIsKept() {
        byte[] csv = (HEADER + "\n" + row(UUID.randomUUID().toString()) + "\n").getBytes(StandardCharsets.UTF_8);
        long before = jdbc.sql("SELECT count(*) FROM batch").query(Long.class).single();
        HttpResponse<String> response = education().post(BATCHES, csv, "text/csv",
                Map.of("Rabt-Signature", education().sign("another file".getBytes(StandardCharsets.UTF_8))));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("RABT-S003");
        assertThat(jdbc.sql("SELECT count(*) FROM batch").query(Long.class).single()).isEqualTo(before);
        assertThat(DATA.resolve("spool").toFile().list()).isNullOrEmpty();
    }

    @Test
    void onlyEducationSendsBatchesAndOnlyAsCsv() {
        byte[] csv = (HEADER + "\n").getBytes(StandardCharsets.UTF_8);
        SectorClient health = sector("health", DATA);
        HttpResponse<String> fromHealth = health.post(BATCHES, csv, "text/csv", Map.of("Rabt-Signature", health.sign(csv)));
        assertThat(fromHealth.statusCode()).isEqualTo(403);

        HttpResponse<String> asJson = education().post(BATCHES, csv, "application/json",
                Map.of("Rabt-Signature", education().sign(csv)));
        assertThat(asJson.statusCode()).isEqualTo(415);
        assertThat(asJson.body()).contains("RABT-I001");
    }

    @Test
    void aBatchWithAWrongHeaderFailsAsAWholeWithItsCode() throws Exception {
        byte[] csv = "nom,prenom\nAmrani,Yassine\n".getBytes(StandardCharsets.UTF_8);
        JsonNode report = awaitFinished(post(education(), csv));
        assertThat(report.path("status").asString()).isEqualTo("failed");
        assertThat(report.path("error").path("code").asString()).startsWith("RABT-M");
        assertThat(report.path("admitted").asLong()).isZero();
    }

    @Test
    void aBatchDroppedInTheWatchedDirectoryWithItsSignatureFileIsProcessed() throws Exception {
        Path drop = DATA.resolve("drop").resolve("education");
        Files.createDirectories(drop);
        String id = UUID.randomUUID().toString();
        byte[] csv = (HEADER + "\n" + row(id) + "\n").getBytes(StandardCharsets.UTF_8);
        Files.write(drop.resolve("absences.csv"), csv);
        Files.writeString(drop.resolve("absences.csv.sig"), education().sign(csv), StandardCharsets.US_ASCII);

        Path receipt = drop.resolve(".done").resolve("absences.csv.receipt.json");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(receipt));
        String batchId = JSON.readTree(Files.readAllBytes(receipt)).path("batchId").asString();
        JsonNode report = awaitFinished(JSON.readTree("{\"batchId\":\"" + batchId + "\"}"));
        assertThat(report.path("admitted").asLong()).isEqualTo(1);
        assertThat(drop.resolve("absences.csv")).doesNotExist();
    }

    @Test
    void aDroppedBatchWithABadSignatureGoesToFailedWithItsProblem() throws Exception {
        Path drop = DATA.resolve("drop").resolve("education");
        Files.createDirectories(drop);
        byte[] csv = (HEADER + "\n" + row(UUID.randomUUID().toString()) + "\n").getBytes(StandardCharsets.UTF_8);
        Files.write(drop.resolve("forged.csv"), csv);
        Files.writeString(drop.resolve("forged.csv.sig"), education().sign("other".getBytes(StandardCharsets.UTF_8)));

        Path problem = drop.resolve(".failed").resolve("forged.csv.problem.json");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(problem));
        assertThat(JSON.readTree(Files.readAllBytes(problem)).path("code").asString()).isEqualTo("RABT-S003");
        assertThat(drop.resolve(".failed").resolve("forged.csv")).exists();
    }

    private SectorClient education() {
        return sector("education", DATA);
    }

    private static JsonNode post(SectorClient client, byte[] csv) {
        HttpResponse<String> response = client.post(BATCHES, csv, "text/csv; charset=utf-8",
                Map.of("Rabt-Signature", client.sign(csv)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body());
    }

    private JsonNode awaitFinished(JsonNode receipt) {
        return awaitFinished(receipt, Duration.ofSeconds(60));
    }

    private JsonNode awaitFinished(JsonNode receipt, Duration atMost) {
        String url = BATCHES + "/" + receipt.path("batchId").asString();
        return await().atMost(atMost).pollInterval(Duration.ofMillis(500)).until(
                () -> JSON.readTree(education().get(url).body()),
                report -> report.path("status").asString().matches("completed|failed"));
    }

    private static byte[] example() throws IOException {
        try (var in = EducationBatchesIT.class.getResourceAsStream("/education/examples/lot-absences-2026-11-28.csv")) {
            return in.readAllBytes();
        }
    }

    /** A valid row, long absence, in Salé. */
    private static String row(String id) {
        return id + ",J130012345,Amrani,Yassine,العمراني,ياسين,2013-05-17,M,1AC,Collège Al Jahid,MA-SAL,"
                + "absence-prolongee,2026-11-02,20,2026-11-28T18:30:00+01:00";
    }
}
