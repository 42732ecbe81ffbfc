package org.rabt.config.reports;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.rabt.caserecord.reports.ProvincialReport;
import org.rabt.security.KeyMaterial;
import org.rabt.security.Pem;
import org.rabt.security.signature.DetachedSigner;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A provincial report as a self-contained signed file for the national level (docs/reports.md,
 * "National aggregation"): the report as the province publishes it (withheld figures stay
 * withheld), the hub's detached CMS signature over the report's canonical bytes, and the hub's
 * certificate chain. Whoever trusts the province's CA can check it offline.
 *
 * @param format       {@value #FORMAT}
 * @param province     the report's province (repeated from the report, for a reader; must be equal)
 * @param period       the report's period (likewise)
 * @param report       the provincial report
 * @param signature    base64 of a DER detached CMS SignedData over {@link #canonical(JsonNode)} of {@code report}
 * @param certificates PEM: the signing certificate first, then its issuers
 */
public record ProvincialReportExport(String format, String province, String period, Instant exportedAt,
        JsonNode report, String signature, String certificates) {

    public static final String FORMAT = "rabt-provincial-report-v1";

    /**
     * Floats are read as decimals exactly as written, so that the canonical bytes of a report read
     * from a file are the bytes that were signed, whatever the JVM's double formatting.
     */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS, JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /** The report's JSON (as the staff API answers it), signed with {@code signer}. */
    public static ProvincialReportExport sign(ProvincialReport report, KeyMaterial signer, Instant exportedAt) {
        // through bytes and back, so that the tree signed is the tree any reader of the file gets
        JsonNode tree = JSON.readTree(JSON.writeValueAsBytes(report));
        String signature = Base64.getEncoder().encodeToString(new DetachedSigner(signer).sign(canonical(tree)));
        return new ProvincialReportExport(FORMAT, report.province(), report.period(), exportedAt, tree, signature,
                Pem.toPem(signer.chain()));
    }

    /**
     * The bytes the signature covers: the report's JSON in UTF-8 with no insignificant whitespace,
     * the members of every object sorted by name, numbers as written (docs/reports.md shows how
     * to recompute them with Python and check the signature with openssl).
     */
    public static byte[] canonical(JsonNode report) {
        return JSON.writeValueAsBytes(report);
    }

    /**
     * Reads a file.
     *
     * @throws tools.jackson.core.JacksonException when it is not JSON of this shape
     */
    public static ProvincialReportExport read(byte[] file) {
        return JSON.readValue(file, ProvincialReportExport.class);
    }

    /** The report as a record: {@link tools.jackson.core.JacksonException} when it does not fit the structure. */
    public ProvincialReport provincialReport() {
        return JSON.treeToValue(report, ProvincialReport.class);
    }

    /** A report stored as its canonical bytes (national_report_import.report), as a record. */
    public static ProvincialReport readReport(String canonical) {
        return JSON.readValue(canonical, ProvincialReport.class);
    }

    /** The signing certificate first, then its issuers. */
    public List<X509Certificate> chain() {
        return Pem.readCertificates(certificates, "the export's certificates");
    }

    public byte[] toJson() {
        return JSON.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(this);
    }
}
