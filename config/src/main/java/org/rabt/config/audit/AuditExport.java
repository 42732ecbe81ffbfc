package org.rabt.config.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.rabt.security.Pem;
import org.rabt.security.audit.AuditCheckpoint;
import org.rabt.security.audit.AuditRecord;
import org.rabt.security.audit.AuditVerification;
import org.rabt.security.audit.AuditVerifier;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stretch of the audit log that proves itself: its entries, the hub's checkpoints over them,
 * the hash the first entry follows, and the hub's signing certificate with the CA that issued
 * it. Whoever holds the CA's fingerprint (printed by the verifier) can check it offline.
 *
 * @param format      {@value #FORMAT}
 * @param anchor      the hash of the entry before {@code fromSeq} (all zeros from the first)
 */
public record AuditExport(String format, Instant exportedAt, long fromSeq, long toSeq, String anchor,
        List<AuditRecord> entries, List<AuditCheckpoint> checkpoints, String hubCertificate, String caCertificate) {

    public static final String FORMAT = "rabt-audit-export-v1";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public byte[] toJson() {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
    }

    public static AuditExport read(Path file) {
        try {
            return JSON.readValue(Files.readAllBytes(file), AuditExport.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public X509Certificate ca() {
        return Pem.readCertificates(caCertificate, "the export's CA certificate").get(0);
    }

    /** Checks the export against itself: chain, links, hashes, and the hub's signatures. */
    public AuditVerification verify() {
        X509Certificate hub = Pem.readCertificates(hubCertificate, "the export's hub certificate").get(0);
        return new AuditVerifier(hub, ca()).verify(entries, checkpoints, anchor);
    }
}
