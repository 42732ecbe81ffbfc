package org.rabt.connectors.exchange;

import java.security.cert.X509Certificate;
import org.rabt.mappings.cpm.SectorId;

/**
 * A card as it arrived, before verification: who sent it (proven by the transport), the exact
 * body bytes and the headers that matter.
 *
 * @param clientCertificate the certificate the sender authenticated with, or {@code null} when the
 *                          transport authenticates otherwise (the sector's registered certificate is then used)
 * @param signature         the {@code Rabt-Signature} header (base64 of a detached CMS SignedData), or {@code null}
 * @param idempotencyKey    the {@code Idempotency-Key} header, or {@code null}
 */
public record InboundCard(
        SectorId sender,
        X509Certificate clientCertificate,
        String contentType,
        String signature,
        String idempotencyKey,
        byte[] body) {
}
