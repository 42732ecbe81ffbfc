package org.rabt.config.reports;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.rabt.caserecord.audit.AuditStore;
import org.rabt.caserecord.reports.MonthlyReport;
import org.rabt.caserecord.reports.ProvincialReport;
import org.rabt.caserecord.reports.ReportPeriod;
import org.rabt.caserecord.reports.Reports;
import org.rabt.config.staff.StaffAuthorities;
import org.rabt.routes.exchange.Problem;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The centre's monthly report and the province's half-yearly and annual report (docs/reports.md),
 * as JSON, CSV ({@code Accept: text/csv} or {@code format=csv}) or a printable PDF with charts
 * ({@code Accept: application/pdf} or {@code format=pdf}, {@code lang=ar|fr|en}, French by
 * default). De-identified counts only:
 * the committee reads them without any access to children's files. Each reading is audited.
 */
@RestController
public class ReportsController {

    public static final String CSV = "text/csv";

    private final Reports reports;
    private final AuditStore audit;
    private final Clock clock;
    private final ReportPdf pdf = new ReportPdf();

    public ReportsController(Reports reports, AuditStore audit, Clock clock) {
        this.reports = reports;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping(path = "/api/v1/reports/monthly", produces = {"application/json", CSV, ReportPdf.MEDIA_TYPE})
    public ResponseEntity<?> monthly(@RequestParam(name = "month", required = false) String month,
            @RequestParam(name = "format", required = false) String format,
            @RequestParam(name = "lang", required = false) String lang,
            @RequestHeader(name = "Accept", required = false) String accept, Authentication who) {
        ReportPeriod period = ReportPeriod.parse(month);
        if (period == null || !period.isMonth()) {
            throw new InvalidReportRequest("month", "month must be a month, YYYY-MM (e.g. 2026-11)");
        }
        boolean printed = wantsPdf(format, accept);
        ReportLanguage language = printed ? language(lang) : null;
        MonthlyReport report = reports.monthly(period);
        read(who, "monthly " + period.label());
        if (printed) {
            return ReportFiles.pdf(pdf.monthly(report, language), "monthly-" + period.label() + "-" + language.code());
        }
        return wantsCsv(format, accept) ? ReportFiles.csv(ReportCsv.monthly(report), "monthly-" + period.label())
                : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }

    @GetMapping(path = "/api/v1/reports/provincial", produces = {"application/json", CSV, ReportPdf.MEDIA_TYPE})
    public ResponseEntity<?> provincial(@RequestParam(name = "period", required = false) String label,
            @RequestParam(name = "format", required = false) String format,
            @RequestParam(name = "lang", required = false) String lang,
            @RequestHeader(name = "Accept", required = false) String accept, Authentication who) {
        ReportPeriod period = provincialPeriod(label);
        boolean printed = wantsPdf(format, accept);
        ReportLanguage language = printed ? language(lang) : null;
        ProvincialReport report = reports.provincial(period);
        read(who, "provincial " + period.label());
        if (printed) {
            return ReportFiles.pdf(pdf.provincial(report, language), "provincial-" + period.label() + "-" + language.code());
        }
        return wantsCsv(format, accept) ? ReportFiles.csv(ReportCsv.provincial(report), "provincial-" + period.label())
                : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }

    /** The language of a printed report, or a coded refusal. */
    private static ReportLanguage language(String lang) {
        ReportLanguage language = ReportLanguage.of(lang);
        if (language == null) {
            throw new InvalidReportRequest("lang", "lang must be ar, fr or en (French when absent)");
        }
        return language;
    }

    /** A half-year ({@code 2026-H1}) or a year ({@code 2026}), or a coded refusal. */
    static ReportPeriod provincialPeriod(String label) {
        ReportPeriod period = ReportPeriod.parse(label);
        if (period == null || period.isMonth()) {
            throw new InvalidReportRequest("period", "period must be a half-year, YYYY-H1 or YYYY-H2, or a year, YYYY");
        }
        return period;
    }

    @ExceptionHandler(InvalidReportRequest.class)
    ResponseEntity<Problem> invalid(InvalidReportRequest refused, HttpServletRequest request, Authentication who) {
        Problem problem = Problem.of(InvalidReportRequest.CODE, "Invalid report request", 400, refused.getMessage(),
                request.getRequestURI(), refused.field());
        audit.record(clock.instant(), who == null ? "staff" : who.getName(),
                who == null ? "staff" : StaffAuthorities.rolesOf(who), "staff-request-refused", null, null, "failure",
                problem.code(), null, problem.instance());
        return ResponseEntity.status(400).contentType(MediaType.valueOf(Problem.MEDIA_TYPE)).body(problem);
    }

    private void read(Authentication who, String what) {
        audit.record(clock.instant(), who.getName(), StaffAuthorities.rolesOf(who), "report-read", null, null, "success",
                null, null, what);
    }

    private static boolean wantsCsv(String format, String accept) {
        return "csv".equalsIgnoreCase(format) || (format == null && accept != null && accept.contains(CSV));
    }

    private static boolean wantsPdf(String format, String accept) {
        return "pdf".equalsIgnoreCase(format)
                || (format == null && accept != null && accept.contains(ReportPdf.MEDIA_TYPE));
    }
}
