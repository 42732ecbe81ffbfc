package org.rabt.config.reports;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import org.rabt.caserecord.reports.ProvincialReport;
import org.rabt.caserecord.reports.ReportPeriod;
import org.rabt.security.CryptoUtils;
import org.rabt.security.SecurityError;
import org.rabt.security.SecurityMisconfiguration;
import org.rabt.security.SecurityViolation;
import org.rabt.security.signature.DetachedSignatureVerifier;
import tools.jackson.core.JacksonException;

/**
 * Checks a provincial report export before the national level counts it: it is a file of the
 * format, its signature verifies over the report's canonical bytes with the certificate it
 * carries, that certificate is a hub's signing certificate issued by one of the trusted
 * provincial CAs and valid now, and the report is the province's and period's the file names.
 */
final class ProvincialReportVerifier {

    /** What the checks established. */
    record Verified(ProvincialReport report, byte[] canonical, X509Certificate signer, String signerFingerprint) {
    }

    /** The OU of a Rabt hub's signing certificate (a sector's certificate, from the same CA, has OU=sector). */
    static final String HUB_UNIT = "hub";

    private final Supplier<List<X509Certificate>> trustedCas;
    private final Clock clock;

    /** @param trustedCas read at each import, so that a CA file added for a new province counts at once */
    ProvincialReportVerifier(Supplier<List<X509Certificate>> trustedCas, Clock clock) {
        this.trustedCas = trustedCas;
        this.clock = clock;
    }

    Verified verify(byte[] file) {
        ProvincialReportExport export = read(file);
        List<X509Certificate> chain;
        try {
            chain = export.chain();
        } catch (SecurityMisconfiguration unreadable) {
            throw notAnExport("certificates", "the certificates are not PEM X.509 certificates", unreadable);
        }
        X509Certificate signer = chain.get(0);
        if (!HUB_UNIT.equals(unit(signer))) {
            throw new ReportRefused(ReportProblem.UNTRUSTED_SIGNER, "certificates", "the report is signed by "
                    + signer.getSubjectX500Principal().getName() + ", which is not a hub's signing certificate "
                    + "(OU=" + HUB_UNIT + "); export the report from the provincial hub (GET /api/v1/reports/provincial/export)");
        }
        byte[] canonical = ProvincialReportExport.canonical(export.report());
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(export.signature().strip());
        } catch (IllegalArgumentException e) {
            throw notAnExport("signature", "the signature is not base64", e);
        }
        try {
            new DetachedSignatureVerifier(trustedCas.get(), clock).verify(canonical, signature, signer, Map.of());
        } catch (SecurityViolation refused) {
            throw refusal(refused, signer);
        }
        ProvincialReport report;
        try {
            report = export.provincialReport();
        } catch (JacksonException e) {
            throw notAnExport("report", "the report does not have the structure of a provincial report: "
                    + e.getOriginalMessage(), e);
        }
        requireConsistent(export, report);
        return new Verified(report, canonical, signer, fingerprint(signer));
    }

    private static ProvincialReportExport read(byte[] file) {
        ProvincialReportExport export;
        try {
            export = ProvincialReportExport.read(file);
        } catch (JacksonException e) {
            throw notAnExport(null, "the file is not a provincial report export (JSON, format "
                    + ProvincialReportExport.FORMAT + "): " + e.getOriginalMessage(), e);
        }
        if (export == null || !ProvincialReportExport.FORMAT.equals(export.format())) {
            throw notAnExport("format", "format must be " + ProvincialReportExport.FORMAT);
        }
        requirePresent("province", export.province());
        requirePresent("period", export.period());
        requirePresent("report", export.report() == null || !export.report().isObject() ? null : export.report());
        requirePresent("signature", export.signature());
        requirePresent("certificates", export.certificates());
        return export;
    }

    private static void requirePresent(String member, Object value) {
        if (value == null) {
            throw notAnExport(member, member + " is missing");
        }
    }

    /** The signed report must say what the file says outside it, of a half-year or a year. */
    private static void requireConsistent(ProvincialReportExport export, ProvincialReport report) {
        if (report.province() == null || report.province().isBlank() || !report.province().equals(export.province())) {
            throw notAnExport("province", "the file names province " + export.province() + " but the signed report "
                    + report.province());
        }
        ReportPeriod period = ReportPeriod.parse(report.period());
        if (period == null || period.isMonth() || !report.period().equals(export.period())) {
            throw notAnExport("period", "the file names period " + export.period() + " but the signed report "
                    + report.period() + " (a half-year, YYYY-H1 or YYYY-H2, or a year, YYYY)");
        }
        if (report.achievements() == null || report.previousAchievements() == null || report.children() == null
                || report.children().total() == null) {
            throw notAnExport("report", "the report lacks its achievements or its children's figures");
        }
    }

    private static ReportRefused refusal(SecurityViolation refused, X509Certificate signer) {
        SecurityError error = refused.error();
        if (error == SecurityError.SIGNATURE_INVALID) {
            return new ReportRefused(ReportProblem.TAMPERED, "report", "the signature does not verify over the "
                    + "report: the report was changed after it was signed. Ask the province for its export again", refused);
        }
        if (error == SecurityError.SIGNATURE_MISSING || error == SecurityError.SIGNATURE_MALFORMED) {
            return notAnExport("signature", refused.getMessage(), refused);
        }
        return new ReportRefused(ReportProblem.UNTRUSTED_SIGNER, "certificates", "the report's signer ("
                + signer.getSubjectX500Principal().getName() + ", issued by " + signer.getIssuerX500Principal().getName()
                + ") is not trusted here: " + refused.getMessage() + " Add the province's CA to "
                + "rabt.reports.national.trusted-ca-files if it is one", refused);
    }

    private static String unit(X509Certificate certificate) {
        try {
            return new LdapName(certificate.getSubjectX500Principal().getName()).getRdns().stream()
                    .filter(rdn -> "OU".equalsIgnoreCase(rdn.getType())).map(rdn -> String.valueOf(rdn.getValue()))
                    .findFirst().orElse(null);
        } catch (InvalidNameException e) {
            return null;
        }
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(CryptoUtils.sha256(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw notAnExport("certificates", "the signing certificate cannot be encoded", e);
        }
    }

    private static ReportRefused notAnExport(String field, String detail) {
        return new ReportRefused(ReportProblem.NOT_A_REPORT_EXPORT, field, detail);
    }

    private static ReportRefused notAnExport(String field, String detail, Throwable cause) {
        return new ReportRefused(ReportProblem.NOT_A_REPORT_EXPORT, field, detail, cause);
    }
}
