package org.rabt.security.pki;

import java.math.BigInteger;
import java.security.cert.X509Certificate;

import javax.security.auth.x500.X500Principal;

/**
 * Which certificates are revoked, identified as X.509 does: by issuer and serial number (so a
 * CMS signer identifier can be checked without its certificate).
 */
public interface Revocations {

    /** Nothing is revoked (tests, and tools that verify without the hub's data directory). */
    Revocations NONE = (issuer, serial) -> false;

    /** Whether the certificate {@code serial} of {@code issuer} is revoked. */
    boolean isRevoked(X500Principal issuer, BigInteger serial);

    /** Whether {@code certificate} is revoked. */
    default boolean isRevoked(X509Certificate certificate) {
        return isRevoked(certificate.getIssuerX500Principal(), certificate.getSerialNumber());
    }
}
