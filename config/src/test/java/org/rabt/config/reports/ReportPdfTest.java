package org.rabt.config.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rabt.caserecord.reports.Achievements;
import org.rabt.caserecord.reports.Cell;
import org.rabt.caserecord.reports.ChildrenFigures;
import org.rabt.caserecord.reports.MonthlyReport;
import org.rabt.caserecord.reports.ProvincialReport;
import org.rabt.caserecord.reports.ReferralFigures;

/**
 * The printed reports, without a hub: a provincial report built by hand, rendered in each
 * language, opened with PDFBox, its text extracted and its first page drawn to an image
 * ({@code target/screenshots/}) to see where the title lies.
 */
class ReportPdfTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String ARABIC_TITLE = "التقرير الإقليمي";

    static ReportPdf pdf;
    static ProvincialReport report;

    @BeforeAll
    static void render() {
        pdf = new ReportPdf();
        report = provincialReport();
    }

    @Nested
    class InArabic {

        @Test
        void opensWithItsTitleAndItsLettersShaped() throws IOException {
            byte[] arabic = pdf.provincial(report, ReportLanguage.AR);
            // PDFBox gives the text back in logical order, presentation forms folded to letters
            assertThat(text(arabic)).contains(ARABIC_TITLE, "الأطفال حسب شكل العنف", "عنف جسدي");
            // what is drawn: each Arabic letter in its contextual form (U+FE70-U+FEFF), none left unshaped
            String drawn = drawnGlyphs(arabic);
            assertThat(drawn.codePoints().filter(ReportPdfTest::presentationForm).count()).isGreaterThan(100);
            assertThat(drawn.codePoints().filter(c -> c >= 0x0621 && c <= 0x064A)).as("unshaped Arabic letters").isEmpty();
            // glyphs come in their order on the page, left to right: the title's first letters (alef, lam in its
            // initial form, teh in its medial form) are drawn from the right, alef rightmost
            assertThat(drawn).contains("\uFE98\uFEDF\uFE8D");
        }

        @Test
        void hasItsTitleOnTheRightOfThePage() throws IOException {
            Ink title = titleLine(pdf.provincial(report, ReportLanguage.AR), "provincial-ar.png");
            assertThat(title.left()).as("leftmost dark pixel of the title").isGreaterThan(title.pageWidth() / 2);
            assertThat(title.right()).as("rightmost dark pixel of the title").isGreaterThan(title.pageWidth() * 8 / 10);
        }
    }

    @Nested
    class InFrenchAndEnglish {

        @Test
        void frenchHasItsTitleOnTheLeft() throws IOException {
            byte[] french = pdf.provincial(report, ReportLanguage.FR);
            assertThat(text(french)).contains("Rapport provincial", "Enfants par forme de violence", "Violence physique");
            Ink title = titleLine(french, "provincial-fr.png");
            assertThat(title.left()).isLessThan(title.pageWidth() / 5);
            assertThat(title.right()).isLessThan(title.pageWidth() / 2);
        }

        @Test
        void englishHasItsTitle() throws IOException {
            assertThat(text(pdf.provincial(report, ReportLanguage.EN)))
                    .contains("Provincial report", "Children by form of violence", "Physical violence");
        }

        @Test
        void theMonthlyReportPrintsToo() throws IOException {
            MonthlyReport monthly = new MonthlyReport("MA-TNG", "2026-11", LocalDate.of(2026, 11, 1),
                    LocalDate.of(2026, 12, 1), Instant.parse("2026-11-29T10:00:00Z"), 5, achievements(40));
            assertThat(text(pdf.monthly(monthly, ReportLanguage.FR))).contains("Rapport mensuel du centre", "2026-11",
                    "2026-11-01 – 2026-11-30");
        }
    }

    @Nested
    class WithheldFigures {

        @Test
        void printTheMarkAndNeverANumber() throws IOException {
            String text = text(pdf.provincial(report, ReportLanguage.FR));
            // sexual violence is withheld in both periods: its row in the table and its bar print no figure
            List<String> lines = text.lines().filter(line -> line.startsWith("Violence sexuelle")
                    && !line.contains(" ans")).toList();
            assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).doesNotContainPattern("\\d")
                    .contains("masqué"));
            assertThat(text).contains("moins de 5 enfants").doesNotContain("null");
        }

        @Test
        void explainTheRuleInEveryLanguage() throws IOException {
            assertThat(text(pdf.provincial(report, ReportLanguage.EN))).contains("fewer than 5 children", "withheld");
            // (PDFBox extracts a line mixing Arabic and digits in its own order: the words are checked one by one)
            assertThat(text(pdf.provincial(report, ReportLanguage.AR))).contains("«محجوب»", "أقل من", "أطفال");
        }
    }

    /** The dark pixels of the first line of ink on page 1: the title. */
    record Ink(int left, int right, int pageWidth) {
    }

    private static Ink titleLine(byte[] bytes, String screenshot) throws IOException {
        BufferedImage page;
        try (PDDocument document = Loader.loadPDF(bytes)) {
            page = new PDFRenderer(document).renderImageWithDPI(0, 100);
        }
        Files.createDirectories(SCREENSHOTS);
        ImageIO.write(page, "png", SCREENSHOTS.resolve(screenshot).toFile());
        int top = -1;
        for (int y = 0; y < page.getHeight() && top < 0; y++) {
            if (darkIn(page, y)) {
                top = y;
            }
        }
        assertThat(top).as("some ink on page 1").isNotNegative();
        int left = page.getWidth();
        int right = -1;
        for (int y = top; y < page.getHeight() && darkIn(page, y); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                if (dark(page.getRGB(x, y))) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        return new Ink(left, right, page.getWidth());
    }

    private static boolean darkIn(BufferedImage page, int y) {
        for (int x = 0; x < page.getWidth(); x++) {
            if (dark(page.getRGB(x, y))) {
                return true;
            }
        }
        return false;
    }

    private static boolean dark(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return r + g + b < 3 * 128;
    }

    private static String text(byte[] bytes) throws IOException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** The characters as the PDF draws them (its glyphs' Unicode values), before PDFBox normalises its text. */
    static String drawnGlyphs(byte[] bytes) throws IOException {
        StringBuilder drawn = new StringBuilder();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) throws IOException {
                positions.forEach(position -> drawn.append(position.getUnicode()));
                super.writeString(text, positions);
            }
        };
        try (PDDocument document = Loader.loadPDF(bytes)) {
            stripper.getText(document);
        }
        return drawn.toString();
    }

    static boolean presentationForm(int c) {
        return c >= 0xFE70 && c <= 0xFEFF;
    }

    static ProvincialReport provincialReport() {
        List<Cell> byAge = new ArrayList<>();
        List<Cell> byAgeAndSex = new ArrayList<>();
        List<String> ages = List.of("0-4", "5-9", "10-14", "15-17", "18+", "unknown");
        List<String> sexes = List.of("female", "male", "other", "unknown");
        long[][] counts = {{6, 7, 0, 0}, {9, 12, 0, 0}, {15, 11, 0, 0}, {8, 6, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}};
        for (int a = 0; a < ages.size(); a++) {
            long sum = 0;
            for (int s = 0; s < sexes.size(); s++) {
                long n = counts[a][s];
                sum += n;
                byAgeAndSex.add(cell(ages.get(a), sexes.get(s), null, n, n == 0 ? 0 : n + 1));
            }
            byAge.add(cell(ages.get(a), null, null, sum, sum == 0 ? 0 : sum + 2));
        }
        List<Cell> bySex = List.of(cell(null, "female", null, 38, 42), cell(null, "male", null, 36, 40),
                cell(null, "other", null, 0, 0), cell(null, "unknown", null, 0, 0));
        List<Cell> byConcern = List.of(cell(null, null, "physical-violence", 30, 25),
                cell(null, null, "neglect", 22, 19),
                new Cell(null, null, "sexual-violence", null, null, true, null, true),
                cell(null, null, "child-labour", 8, 0));
        List<Cell> byConcernAgeSex = new ArrayList<>();
        for (Cell concern : byConcern) {
            for (String age : ages) {
                for (String sex : sexes) {
                    boolean girls = "10-14".equals(age) && "female".equals(sex);
                    byConcernAgeSex.add(girls && "physical-violence".equals(concern.concern())
                            ? new Cell(age, sex, concern.concern(), null, 9L, false, 7L, false)
                            : girls && "sexual-violence".equals(concern.concern())
                                    ? new Cell(age, sex, concern.concern(), null, null, true, null, true)
                                    : cell(age, sex, concern.concern(), 0, 0));
                }
            }
        }
        ChildrenFigures children = new ChildrenFigures(cell(null, null, null, 74, 82), byAge, bySex, byAgeAndSex,
                byConcern, byConcernAgeSex);
        return new ProvincialReport("MA-TNG", "2026-H2", LocalDate.of(2026, 7, 1), LocalDate.of(2027, 1, 1),
                "2026-H1", Instant.parse("2026-11-29T10:00:00Z"), 5, achievements(120), achievements(97), children);
    }

    private static Cell cell(String age, String sex, String concern, long now, long before) {
        boolean withheld = now > 0 && now < 5;
        boolean previousWithheld = before > 0 && before < 5;
        return new Cell(age, sex, concern, null, withheld ? null : now, withheld, previousWithheld ? null : before,
                previousWithheld);
    }

    private static Achievements achievements(long cards) {
        Map<String, Long> channels = new LinkedHashMap<>();
        channels.put("free-line", cards / 2);
        channels.put("school", cards / 4);
        channels.put("health-facility", cards - cards / 2 - cards / 4);
        Map<String, Long> sectors = new LinkedHashMap<>();
        sectors.put("health", cards / 3);
        sectors.put("education", cards / 4);
        sectors.put("justice", cards / 6);
        sectors.put("freeline", cards - cards / 3 - cards / 4 - cards / 6);
        List<Cell> stages = new ArrayList<>();
        for (int stage = 1; stage <= 6; stage++) {
            long n = stage == 6 ? 0 : cards / (stage * 3);
            boolean withheld = n > 0 && n < 5;
            stages.add(new Cell(null, null, null, stage, withheld ? null : n, withheld, null, false));
        }
        return new Achievements(cards, channels, sectors, new Cell(null, null, null, null, cards / 2, false, null, false),
                stages, List.of(new ReferralFigures("justice", 14, 10, 2, 3.5, 4.1),
                        new ReferralFigures("health", 9, 9, 0, 1.0, 1.2)),
                cards / 5, cards / 10);
    }
}
