package org.rabt.security.pki;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

import org.rabt.security.Pem;
import org.rabt.security.SecurityError;
import org.rabt.security.SecurityMisconfiguration;
import org.rabt.security.SecurityViolation;

/**
 * What the hub trusts from sector systems, in one place for the exchange port, the AMQP door and
 * signature checks: certificates issued by the hub's CA or by an external CA the operator names
 * (a PEM bundle), and not on the hub's revocation list.
 */
public final class SectorTrust {

    private final List<X509Certificate> issuers;
    private final Revocations revocations;

    public SectorTrust(List<X509Certificate> issuers, Revocations revocations) {
        if (issuers.isEmpty()) {
            throw new IllegalArgumentException("at least one trusted issuer (the hub CA) is required");
        }
        this.issuers = List.copyOf(issuers);
        this.revocations = Objects.requireNonNull(revocations, "revocations");
    }

    /**
     * The hub's CA and revocation list, plus the CA certificates in {@code externalCaBundle} when given.
     *
     * @throws SecurityMisconfiguration RABT-S901 when the bundle cannot be read, RABT-S902 when it holds a
     *                                  certificate that is not a CA's
     */
    public static SectorTrust of(HubPki pki, Optional<Path> externalCaBundle) {
        List<X509Certificate> issuers = new ArrayList<>();
        issuers.add(pki.caCertificate());
        externalCaBundle.ifPresent(bundle -> {
            for (X509Certificate certificate : Pem.readCertificates(bundle)) {
                if (certificate.getBasicConstraints() < 0) {
                    throw new SecurityMisconfiguration(SecurityError.PKI_INCONSISTENT, bundle + " holds "
                            + certificate.getSubjectX500Principal().getName() + ", which is not a CA certificate "
                            + "(no basicConstraints CA:true); rabt.pki.trusted-ca-file takes CA certificates only.");
                }
                if (certificate.getSubjectX500Principal().equals(pki.caCertificate().getSubjectX500Principal())
                        && !certificate.equals(pki.caCertificate())) {
                    // the revocation list and CMS signer identifiers name a certificate by issuer name and serial
                    throw new SecurityMisconfiguration(SecurityError.PKI_INCONSISTENT, bundle + " holds a CA named "
                            + "like the hub's own CA (" + certificate.getSubjectX500Principal().getName()
                            + "); an external CA must have a name of its own.");
                }
                if (!issuers.contains(certificate)) {
                    issuers.add(certificate);
                }
            }
        });
        return new SectorTrust(issuers, pki.revocations());
    }

    /** The CAs whose sector certificates are accepted: the hub's first. */
    public List<X509Certificate> issuers() {
        return issuers;
    }

    public Revocations revocations() {
        return revocations;
    }

    /**
     * A TLS trust manager for sector clients: PKIX over {@link #issuers()}, then the revocation
     * list, consulted afresh at each handshake.
     */
    public X509ExtendedTrustManager trustManager() {
        return trustManager(certificate -> { });
    }

    /** As {@link #trustManager()}, telling {@code onRevoked} of each revoked certificate it refuses. */
    public X509ExtendedTrustManager trustManager(Consumer<X509Certificate> onRevoked) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
            factory.init(TlsKeyStores.trustStore(issuers));
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager x509) {
                    return new RevocationCheckingTrustManager(x509, revocations, onRevoked);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new SecurityMisconfiguration(SecurityError.CRYPTO_FAILURE, "Cannot build the sector trust manager.", e);
        }
        throw new SecurityMisconfiguration(SecurityError.CRYPTO_FAILURE, "The JVM offers no PKIX X509 trust manager.");
    }

    /**
     * @throws SecurityViolation RABT-S007 when {@code certificate} is revoked
     */
    public void requireNotRevoked(X509Certificate certificate) {
        if (revocations.isRevoked(certificate)) {
            throw revoked(certificate);
        }
    }

    static SecurityViolation revoked(X509Certificate certificate) {
        return new SecurityViolation(SecurityError.CERTIFICATE_REVOKED, "The certificate "
                + certificate.getSubjectX500Principal().getName() + " (serial " + certificate.getSerialNumber().toString(16)
                + ") is revoked. Ask the hub operator to enrol your sector anew (java -jar rabt.jar pki enrol) and use "
                + "the new key and certificate.");
    }
}
