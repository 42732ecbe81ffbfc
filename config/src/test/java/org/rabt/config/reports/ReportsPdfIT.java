package org.rabt.config.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.rabt.config.support.HubTestBase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The printed reports from the running hub, as the committee downloads them. */
class ReportsPdfIT extends HubTestBase {

    private static final Path DATA = newDataDir();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        hubProperties(registry, DATA);
    }

    @Test
    void theCommitteeDownloadsTheCurrentProvincialReportInArabicAsAPdf() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String period = today.getYear() + "-H" + (today.getMonthValue() <= 6 ? 1 : 2);

        HttpResponse<byte[]> response = HTTP.send(staffRequest("committee",
                "/api/v1/reports/provincial?period=" + period + "&format=pdf&lang=ar").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/pdf"));
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                disposition -> assertThat(disposition).contains("attachment", "rabt-report-provincial-" + period + "-ar.pdf"));
        assertThat(text(response.body())).contains("التقرير الإقليمي", period);
        assertThat(ReportPdfTest.drawnGlyphs(response.body()).codePoints().anyMatch(ReportPdfTest::presentationForm))
                .as("Arabic letters drawn in their shaped forms").isTrue();
    }

    @Test
    void theMonthlyReportFollowsTheAcceptHeaderInEnglish() throws Exception {
        String month = LocalDate.now(ZoneOffset.UTC).toString().substring(0, 7);

        HttpResponse<byte[]> response = HTTP.send(staffRequest("committee",
                "/api/v1/reports/monthly?month=" + month + "&lang=en").header("Accept", "application/pdf").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(text(response.body())).contains("Monthly centre report", month);
    }

    @Test
    void aLanguageTheReportsAreNotWrittenInIsRefusedWithACode() throws Exception {
        HttpResponse<String> response = HTTP.send(staffRequest("committee",
                "/api/v1/reports/provincial?period=2026&format=pdf&lang=de").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("RABT-R001", "lang");
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isPositive();
            return new PDFTextStripper().getText(document);
        }
    }
}
