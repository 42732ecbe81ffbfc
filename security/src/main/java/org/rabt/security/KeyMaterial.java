package org.rabt.security;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A private key with its certificate and the chain from that certificate up to (and including)
 * the issuing CA, as a TLS key store entry or a CMS signer needs it.
 *
 * @param key         the private key; never printed by {@link #toString()}
 * @param certificate the certificate of {@code key}
 * @param chain       {@code certificate} first, then its issuers in order
 */
public record KeyMaterial(PrivateKey key, X509Certificate certificate, List<X509Certificate> chain) {

    public KeyMaterial {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(certificate, "certificate");
        chain = List.copyOf(chain);
        if (chain.isEmpty() || !chain.get(0).equals(certificate)) {
            throw new IllegalArgumentException("chain must start with the certificate itself");
        }
    }

    @Override
    public String toString() {
        return "KeyMaterial[" + certificate.getSubjectX500Principal().getName()
                + ", serial " + certificate.getSerialNumber().toString(16) + "]";
    }
}
