package org.rabt.security.pki;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.rabt.security.CryptoUtils;
import org.rabt.security.SecurityError;
import org.rabt.security.SecurityMisconfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's revocation list as the running hub reads it: {@code pki/revoked.crl}, an X.509 CRL
 * (PEM) signed by the hub's CA, which {@code pki revoke} replaces atomically. Every question
 * costs one {@code stat}; the file is read again only when it changed, so a revocation takes
 * effect on the next TLS handshake or signature without a restart.
 *
 * <p>Fails closed: a list that cannot be read or whose signature is not the CA's makes every
 * question fail (RABT-S901/S902) rather than let a revoked certificate through. No file means
 * nothing is revoked. Only certificates issued by the hub's CA can be on it. Thread-safe.
 */
public final class RevocationFile implements Revocations {

    private static final Logger LOG = LoggerFactory.getLogger(RevocationFile.class);

    private final Path file;
    private final X509Certificate ca;
    private volatile Snapshot snapshot = new Snapshot(null, Set.of());

    private record Snapshot(FileStamp stamp, Set<BigInteger> serials) {
    }

    /** @param file the CRL file; @param ca the CA whose signature it must carry and whose certificates it lists */
    public RevocationFile(Path file, X509Certificate ca) {
        this.file = Objects.requireNonNull(file, "file");
        this.ca = Objects.requireNonNull(ca, "ca");
    }

    @Override
    public boolean isRevoked(X500Principal issuer, BigInteger serial) {
        if (!ca.getSubjectX500Principal().equals(issuer)) {
            return false;
        }
        return current().serials().contains(serial);
    }

    /** The serial numbers revoked now. */
    public Set<BigInteger> revokedSerials() {
        return current().serials();
    }

    /** The CRL file. */
    public Path file() {
        return file;
    }

    private Snapshot current() {
        FileStamp stamp = FileStamp.of(file);
        Snapshot known = snapshot;
        if (Objects.equals(stamp, known.stamp())) {
            return known;
        }
        synchronized (this) {
            if (Objects.equals(stamp, snapshot.stamp())) {
                return snapshot;
            }
            Set<BigInteger> serials = new HashSet<>();
            if (stamp != null) {
                for (Object entry : read(file, ca).getRevokedCertificates()) {
                    serials.add(((X509CRLEntryHolder) entry).getSerialNumber());
                }
            }
            snapshot = new Snapshot(stamp, Set.copyOf(serials));
            LOG.info("Revocation list {} read: {} certificate(s) revoked", file, serials.size());
            return snapshot;
        }
    }

    /**
     * Reads the CRL in {@code file} and checks that {@code ca} issued and signed it.
     *
     * @throws SecurityMisconfiguration RABT-S901 when unreadable, RABT-S902 when not a CRL of {@code ca}
     */
    static X509CRLHolder read(Path file, X509Certificate ca) {
        String pem;
        try {
            pem = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new SecurityMisconfiguration(SecurityError.PKI_STORAGE, "Cannot read the revocation list " + file
                    + " (" + e + "); every sector certificate is refused until it is readable.", e);
        }
        Object object;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            object = parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw inconsistent(file, "is not a PEM CRL", e);
        }
        if (!(object instanceof X509CRLHolder crl)) {
            throw inconsistent(file, "holds no PEM CRL (-----BEGIN X509 CRL-----)", null);
        }
        try {
            X500Name issuer = X500Name.getInstance(ca.getSubjectX500Principal().getEncoded());
            if (!crl.getIssuer().equals(issuer)
                    || !crl.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(CryptoUtils.provider())
                            .build(ca.getPublicKey()))) {
                throw inconsistent(file, "is not signed by the hub's CA", null);
            }
        } catch (org.bouncycastle.cert.CertException | org.bouncycastle.operator.OperatorCreationException e) {
            throw inconsistent(file, "has a signature that cannot be checked", e);
        }
        return crl;
    }

    private static SecurityMisconfiguration inconsistent(Path file, String what, Throwable cause) {
        return new SecurityMisconfiguration(SecurityError.PKI_INCONSISTENT, "The revocation list " + file + " " + what
                + "; every sector certificate is refused until it is restored from backup (or revoke again with "
                + "java -jar rabt.jar pki revoke, which rewrites it).", cause);
    }
}
