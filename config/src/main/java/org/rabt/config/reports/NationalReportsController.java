package org.rabt.config.reports;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rabt.caserecord.audit.AuditStore;
import org.rabt.caserecord.reports.ImportedReports;
import org.rabt.caserecord.reports.ImportedReports.Imported;
import org.rabt.caserecord.reports.NationalAggregation;
import org.rabt.caserecord.reports.NationalReport;
import org.rabt.caserecord.reports.ProvincialReport;
import org.rabt.caserecord.reports.ReportPeriod;
import org.rabt.caserecord.reports.Reports;
import org.rabt.config.staff.StaffAuthorities;
import org.rabt.routes.exchange.Problem;
import org.rabt.security.CryptoUtils;
import org.rabt.security.Pem;
import org.rabt.security.pki.HubPki;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * From the provinces to the national level (docs/reports.md, "National aggregation"): a province
 * exports its provincial report as a signed file; the national hub imports each province's file
 * once per period, after checking its signature against the provinces' CAs, and adds the imported
 * reports up into the national report. Only de-identified, suppressed aggregates travel: a national
 * hub holds no child-level data at all. Every export, import, reading and refusal is audited.
 */
@RestController
public class NationalReportsController {

    /** A provincial report is some tens of kilobytes; anything near this is not one. */
    static final int MAX_FILE_BYTES = 5 * 1024 * 1024;

    static final String IMPORTS = "/api/v1/reports/national/imports";

    private final Reports reports;
    private final ImportedReports imported;
    private final ProvincialReportVerifier verifier;
    private final NationalReportsProperties national;
    private final HubPki pki;
    private final AuditStore audit;
    private final Clock clock;

    public NationalReportsController(Reports reports, ImportedReports imported, NationalReportsProperties national,
            HubPki pki, AuditStore audit, Clock clock) {
        this.reports = reports;
        this.imported = imported;
        this.national = national;
        this.pki = pki;
        this.audit = audit;
        this.clock = clock;
        this.verifier = new ProvincialReportVerifier(this::trustedCas, clock);
    }

    /** This hub's provincial report of a half-year or a year, signed by the hub, as a file to send to the national level. */
    @GetMapping(path = "/api/v1/reports/provincial/export", produces = "application/json")
    public ResponseEntity<byte[]> export(@RequestParam(name = "period", required = false) String label,
            Authentication who) {
        ReportPeriod period = ReportsController.provincialPeriod(label);
        if (reports.province() == null || reports.province().isBlank()) {
            throw new ReportRefused(ReportProblem.NO_PROVINCE, null, "this hub names no province, and a report "
                    + "for the national level must: the operator sets rabt.reports.province (e.g. MA-TNG) and restarts");
        }
        ProvincialReport report = reports.provincial(period);
        ProvincialReportExport export = ProvincialReportExport.sign(report, pki.hubSigner(), clock.instant());
        byte[] file = export.toJson();
        audit.record(clock.instant(), who.getName(), StaffAuthorities.rolesOf(who), "report-exported", null, null,
                "success", null, sha256(file), "provincial " + report.province() + " " + period.label());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"rabt-provincial-" + report.province()
                        + "-" + period.label() + ".json\"")
                .contentType(MediaType.APPLICATION_JSON).body(file);
    }

    /** Takes one province's export; each province and period once. */
    @PostMapping(path = IMPORTS, consumes = "application/json", produces = "application/json")
    public ResponseEntity<Map<String, Object>> importReport(@RequestBody byte[] file, Authentication who) {
        ProvincialReportVerifier.Verified verified;
        try {
            if (file.length > MAX_FILE_BYTES) {
                throw new ReportRefused(ReportProblem.NOT_A_REPORT_EXPORT, null, "the file is larger than "
                        + MAX_FILE_BYTES + " bytes; a provincial report export is some tens of kilobytes");
            }
            verified = verifier.verify(file);
        } catch (ReportRefused refused) {
            throw refused.about(sha256(file));
        }
        ProvincialReport report = verified.report();
        Instant now = clock.instant();
        String signer = verified.signer().getSubjectX500Principal().getName();
        boolean recorded = imported.record(new Imported(report.province(), report.period(), now, who.getName(),
                new String(verified.canonical(), StandardCharsets.UTF_8), verified.signerFingerprint(), signer));
        if (!recorded) {
            throw new ReportRefused(ReportProblem.ALREADY_IMPORTED, "province", "the report of " + report.province()
                    + " for " + report.period() + " was imported already; it is counted once and not replaced")
                    .about(sha256(file));
        }
        audit.record(now, who.getName(), StaffAuthorities.rolesOf(who), "national-report-imported", null, null,
                "success", null, sha256(verified.canonical()), report.province() + " " + report.period()
                        + " signed by " + signer + " (SHA-256 " + verified.signerFingerprint() + ")");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("province", report.province());
        answer.put("period", report.period());
        answer.put("importedAt", now.toString());
        answer.put("signerSubject", signer);
        answer.put("signerFingerprint", verified.signerFingerprint());
        answer.put("nationalReportUrl", "/api/v1/reports/national?period=" + report.period());
        return ResponseEntity.status(201).header(HttpHeaders.LOCATION, "/api/v1/reports/national?period=" + report.period())
                .contentType(MediaType.APPLICATION_JSON).body(answer);
    }

    /** The imported provincial reports of a half-year or a year, added up. */
    @GetMapping(path = "/api/v1/reports/national", produces = "application/json")
    public NationalReport nationalReport(@RequestParam(name = "period", required = false) String label,
            Authentication who) {
        ReportPeriod period = ReportsController.provincialPeriod(label);
        List<ProvincialReport> provinces = imported.of(period.label()).stream()
                .map(row -> ProvincialReportExport.readReport(row.report())).toList();
        NationalReport report = NationalAggregation.aggregate(period, provinces, national.expectedProvinces(),
                clock.instant());
        audit.record(clock.instant(), who.getName(), StaffAuthorities.rolesOf(who), "report-read", null, null, "success",
                null, null, "national " + period.label() + " " + report.provinces());
        return report;
    }

    @ExceptionHandler(ReportRefused.class)
    ResponseEntity<Problem> refused(ReportRefused refused, HttpServletRequest request, Authentication who) {
        ReportProblem kind = refused.problem();
        Problem problem = Problem.of(kind.code(), kind.title(), kind.status(), refused.getMessage(),
                request.getRequestURI(), refused.field());
        audit.record(clock.instant(), who == null ? "staff" : who.getName(),
                who == null ? "staff" : StaffAuthorities.rolesOf(who), "staff-request-refused", null, null, "failure",
                problem.code(), refused.payloadSha256(), request.getMethod() + " " + problem.instance());
        return ResponseEntity.status(problem.status()).contentType(MediaType.valueOf(Problem.MEDIA_TYPE)).body(problem);
    }

    @ExceptionHandler(InvalidReportRequest.class)
    ResponseEntity<Problem> invalid(InvalidReportRequest refused, HttpServletRequest request, Authentication who) {
        return refused(new ReportRefused(ReportProblem.INVALID_PERIOD, refused.field(), refused.getMessage()), request, who);
    }

    /** The provinces' CAs, or this hub's own when none is configured. */
    private List<X509Certificate> trustedCas() {
        if (national.trustedCaFiles().isEmpty()) {
            return List.of(pki.caCertificate());
        }
        return national.trustedCaFiles().stream().flatMap(file -> Pem.readCertificates(file).stream())
                .toList();
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(CryptoUtils.sha256(bytes));
    }
}
