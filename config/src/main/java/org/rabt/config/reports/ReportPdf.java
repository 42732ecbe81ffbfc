package org.rabt.config.reports;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.bidi.support.ICUBreakers;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.TextDirection;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.rabt.caserecord.reports.MonthlyReport;
import org.rabt.caserecord.reports.ProvincialReport;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * A report as a printable PDF (A4) in Arabic, French or English: the {@link PrintedReport} laid
 * out by the XHTML template {@code templates/reports/report-pdf.xhtml}, then by openhtmltopdf.
 * Arabic is split into bidirectional runs, reordered and shaped (contextual letter forms) by
 * ICU, and drawn right to left in DejaVu Sans, which has the Arabic glyphs; the font is embedded
 * (only the glyphs used). Nothing is fetched: the template names no external resource and the
 * renderer is allowed none.
 */
public final class ReportPdf {

    public static final String MEDIA_TYPE = "application/pdf";

    private static final String TEMPLATE = "report-pdf";
    /** The family the template's CSS names. */
    private static final String FONT_FAMILY = "DejaVu Sans";
    private static final String FONTS = "net/sf/jasperreports/fonts/dejavu/";

    private final TemplateEngine templates;
    private final byte[] regular;
    private final byte[] bold;

    public ReportPdf() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(ReportPdf.class.getClassLoader());
        resolver.setPrefix("templates/reports/");
        resolver.setSuffix(".xhtml");
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        // SpringTemplateEngine for its SpEL expressions (plain Thymeleaf would need OGNL), no Spring context needed
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        this.templates = engine;
        this.regular = font("DejaVuSans.ttf");
        this.bold = font("DejaVuSans-Bold.ttf");
    }

    public byte[] provincial(ProvincialReport report, ReportLanguage language) {
        return render(PrintedReports.provincial(report, language), language);
    }

    public byte[] monthly(MonthlyReport report, ReportLanguage language) {
        return render(PrintedReports.monthly(report, language), language);
    }

    /** The XHTML the PDF is made from. */
    private String xhtml(PrintedReport report, ReportLanguage language) {
        Context context = new Context(language.locale());
        context.setVariable("report", report);
        return templates.process(TEMPLATE, context);
    }

    private byte[] render(PrintedReport report, ReportLanguage language) {
        String xhtml = xhtml(report, language);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withProducer("Rabt");
        builder.useFont(() -> stream(regular), FONT_FAMILY, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> stream(bold), FONT_FAMILY, 700, FontStyle.NORMAL, true);
        builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
        // ICUBidiReorderer also shapes Arabic (ICU ArabicShaping: letters to their contextual presentation forms)
        builder.useUnicodeBidiReorderer(new ICUBidiReorderer());
        builder.useUnicodeLineBreaker(new ICUBreakers.ICULineBreaker(language.locale()));
        builder.defaultTextDirection(language.rightToLeft() ? TextDirection.RTL : TextDirection.LTR);
        builder.useExternalResourceAccessControl((uri, type) -> false,
                ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.withHtmlContent(xhtml, null);
        builder.toStream(pdf);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the report could not be laid out as PDF", e);
        }
        return pdf.toByteArray();
    }

    private static InputStream stream(byte[] font) {
        return new ByteArrayInputStream(font);
    }

    /** A font of the DejaVu family, read once from the class path (jasperreports-fonts). */
    private static byte[] font(String file) {
        try (InputStream in = ReportPdf.class.getClassLoader().getResourceAsStream(FONTS + file)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("font not on the class path: " + FONTS + file));
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
