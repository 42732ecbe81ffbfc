package org.rabt.security.signature;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a successful verification established: which registered certificate signed the body, and
 * when the signer says it signed (the CMS signing-time attribute, absent with {@code openssl cms -noattr}).
 *
 * @param signer        the registered certificate whose key made the signature
 * @param signerSubject its subject in RFC 2253 form, e.g. {@code CN=health,OU=sector,O=Rabt,C=MA}
 * @param signingTime   the claimed signing time, not a trusted timestamp
 */
public record VerifiedSignature(X509Certificate signer, String signerSubject, Optional<Instant> signingTime) {

    public VerifiedSignature {
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(signerSubject, "signerSubject");
        Objects.requireNonNull(signingTime, "signingTime");
    }
}
