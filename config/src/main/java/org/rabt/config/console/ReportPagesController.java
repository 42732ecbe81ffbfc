package org.rabt.config.console;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.rabt.caserecord.audit.AuditStore;
import org.rabt.caserecord.reports.ReportPeriod;
import org.rabt.caserecord.reports.Reports;
import org.rabt.config.reports.PrintedReport;
import org.rabt.config.reports.PrintedReports;
import org.rabt.config.reports.ReportCsv;
import org.rabt.config.reports.ReportFiles;
import org.rabt.config.reports.ReportLanguage;
import org.rabt.config.reports.ReportPdf;
import org.rabt.config.staff.StaffAuthorities;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The reports in the console, for the committee and the coordinator: the same figures and charts
 * as the printable PDF (one {@link PrintedReport}, in the page's language), and the PDF and CSV
 * to download. De-identified counts only; each reading is audited like the API's.
 */
@Controller
public class ReportPagesController {

    private final Reports reports;
    private final ReportPdf pdf;
    private final AuditStore audit;
    private final Clock clock;

    public ReportPagesController(Reports reports, AuditStore audit, Clock clock) {
        this.reports = reports;
        this.pdf = new ReportPdf();
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/console/reports")
    public String report(@RequestParam(name = "period", required = false) String label, Authentication who, Model model,
            jakarta.servlet.http.HttpServletRequest request) {
        ReportPeriod period = periodOr(label);
        model.addAttribute("period", period == null ? label : period.label());
        model.addAttribute("currentHalf", currentHalf());
        model.addAttribute("currentMonth", LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString().substring(0, 7));
        if (period == null) {
            model.addAttribute("periodError", true);
            return "console/reports";
        }
        ReportLanguage language = ReportLanguage.of(RequestContextUtils.getLocale(request).getLanguage());
        PrintedReport printed = period.isMonth() ? PrintedReports.monthly(reports.monthly(period), language)
                : PrintedReports.provincial(reports.provincial(period), language);
        read(who, (period.isMonth() ? "monthly " : "provincial ") + period.label() + " (console)");
        model.addAttribute("report", printed);
        model.addAttribute("pdfLang", language.code());
        return "console/reports";
    }

    @GetMapping("/console/reports/download")
    public ResponseEntity<?> download(@RequestParam(name = "period", required = false) String label,
            @RequestParam(name = "format", defaultValue = "pdf") String format,
            @RequestParam(name = "lang", required = false) String lang, Authentication who) {
        ReportPeriod period = periodOr(label);
        ReportLanguage language = ReportLanguage.of(lang);
        if (period == null || language == null) {
            return ResponseEntity.badRequest().build();
        }
        String name = (period.isMonth() ? "monthly-" : "provincial-") + period.label();
        read(who, name + " " + format + " (console)");
        if ("csv".equals(format)) {
            return ReportFiles.csv(period.isMonth() ? ReportCsv.monthly(reports.monthly(period))
                    : ReportCsv.provincial(reports.provincial(period)), name);
        }
        return ReportFiles.pdf(period.isMonth() ? pdf.monthly(reports.monthly(period), language)
                : pdf.provincial(reports.provincial(period), language), name + "-" + language.code());
    }

    /** The period asked for (the current half-year by default), or {@code null} when it cannot be read. */
    private ReportPeriod periodOr(String label) {
        return ReportPeriod.parse(label == null || label.isBlank() ? currentHalf() : label.strip());
    }

    private String currentHalf() {
        return ReportPeriod.halfYearOf(LocalDate.now(clock.withZone(ZoneOffset.UTC))).label();
    }

    private void read(Authentication who, String what) {
        audit.record(clock.instant(), who.getName(), StaffAuthorities.rolesOf(who), "report-read", null, null, "success",
                null, null, what);
    }
}
