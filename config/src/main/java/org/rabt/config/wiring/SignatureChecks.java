package org.rabt.config.wiring;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.rabt.connectors.exchange.InboundCard;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.routes.batches.BatchSignatureCheck;
import org.rabt.routes.intake.SignatureCheck;
import org.rabt.security.SecurityError;
import org.rabt.security.SecurityViolation;
import org.rabt.security.pki.HubPki;
import org.rabt.security.pki.SectorTrust;
import org.rabt.security.signature.DetachedSignatureVerifier;
import org.springframework.stereotype.Component;

/**
 * Verifies a card's {@code Rabt-Signature} against the certificate its sender authenticated
 * with (or, for transports without TLS client certificates, the sector's registered one); a
 * signature by another sector's key is named as such, and one by a revoked key refused (RABT-S007)
 * from the moment {@code pki revoke} wrote the revocation list.
 */
@Component
public final class SignatureChecks implements SignatureCheck, BatchSignatureCheck {

    private final HubPki pki;
    private final DetachedSignatureVerifier verifier;
    /** The centre's cards are signed by the hub itself (the staff API), under the hub's own CA. */
    private final DetachedSignatureVerifier hubVerifier;

    public SignatureChecks(HubPki pki, SectorTrust trust) {
        this.pki = pki;
        this.verifier = new DetachedSignatureVerifier(trust.issuers(), trust.revocations());
        java.util.List<X509Certificate> hubIssuers = new java.util.ArrayList<>(pki.hubSigner().chain());
        hubIssuers.add(pki.caCertificate());
        this.hubVerifier = new DetachedSignatureVerifier(hubIssuers, trust.revocations());
    }

    @Override
    public void verify(InboundCard card) {
        if (card.sender() == SectorId.CENTRE) {
            hubVerifier.verify(card.body(), card.signature(), pki.hubSigner().certificate(), java.util.Map.of());
            return;
        }
        verifier.verify(card.body(), card.signature(), expected(card.sender(), card.clientCertificate()),
                pki.sectorCertificates());
    }

    @Override
    public void verify(SectorId sender, X509Certificate certificate, Path file, String signature) {
        verifier.verify(file, signature, expected(sender, certificate), pki.sectorCertificates());
    }

    private X509Certificate expected(SectorId sender, X509Certificate certificate) {
        return certificate != null ? certificate : pki.sectorCertificate(sender.code()).orElseThrow(() ->
                new SecurityViolation(SecurityError.UNKNOWN_SIGNER, "no certificate is registered for " + sender.code()));
    }
}
