package org.rabt.security.pki;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.rabt.security.CryptoUtils;
import org.rabt.security.KeyMaterial;
import org.rabt.security.SecurityError;
import org.rabt.security.SecurityMisconfiguration;

/**
 * Issues the hub CA's CRL: the previous list plus one more serial, a CRL number one higher,
 * signed by the CA key. The file is a standard PEM CRL, so {@code openssl crl -text} reads it and
 * {@code openssl verify -crl_check -CRLfile revoked.crl} honours it.
 */
final class CrlIssuer {

    /** The hub reads the list whatever its age; nextUpdate is only for outside tools that check it. */
    static final Duration NEXT_UPDATE = Duration.ofDays(365);

    private final KeyMaterial ca;
    private final Clock clock;

    CrlIssuer(KeyMaterial ca, Clock clock) {
        this.ca = ca;
        this.clock = clock;
    }

    /** Writes {@code crlFile} anew with {@code serial} added (a serial already on it stays once). */
    void revoke(Path crlFile, BigInteger serial) {
        X509CRLHolder previous = Files.exists(crlFile) ? RevocationFile.read(crlFile, ca.certificate()) : null;
        if (previous != null && previous.getRevokedCertificate(serial) != null) {
            return;
        }
        Instant now = clock.instant();
        X500Name issuer = X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded());
        X509v2CRLBuilder builder = new X509v2CRLBuilder(issuer, Date.from(now));
        builder.setNextUpdate(Date.from(now.plus(NEXT_UPDATE)));
        BigInteger number = BigInteger.ONE;
        if (previous != null) {
            builder.addCRL(previous);
            CRLNumber previousNumber = CRLNumber.getInstance(previous.getExtension(Extension.cRLNumber) == null
                    ? null : previous.getExtension(Extension.cRLNumber).getParsedValue());
            number = previousNumber == null ? BigInteger.ONE : previousNumber.getCRLNumber().add(BigInteger.ONE);
        }
        builder.addCRLEntry(serial, Date.from(now), 0); // reason omitted: RFC 5280 discourages "unspecified"
        try {
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(number));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    CryptoUtils.extensionUtils().createAuthorityKeyIdentifier(ca.certificate()));
        } catch (CertIOException | java.security.cert.CertificateEncodingException e) {
            throw new SecurityMisconfiguration(SecurityError.CRYPTO_FAILURE, "Cannot encode the revocation list.", e);
        }
        X509CRLHolder crl = builder.build(CryptoUtils.contentSigner(ca.key()));
        AtomicFiles.writePublic(crlFile, toPem(crl));
    }

    private static String toPem(X509CRLHolder crl) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(crl);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return out.toString();
    }
}
