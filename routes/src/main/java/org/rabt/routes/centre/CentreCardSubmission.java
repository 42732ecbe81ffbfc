package org.rabt.routes.centre;

import java.security.cert.X509Certificate;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.rabt.connectors.exchange.InboundCard;
import org.rabt.mappings.centre.CentreFormat;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.CpmJson;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.routes.Endpoints;
import org.rabt.routes.dispatch.BodySigner;
import org.rabt.routes.intake.AcceptedCard;

/**
 * Sends a card the centre's staff wrote through the same intake as any sector's card: the hub
 * signs the shared message with its own key (the centre has no system of its own: it is the
 * hub), then the intake route verifies, pseudonymises, validates, stores and queues it for its
 * receiver. A reporting card addressed to the centre lands in the case record the same way.
 */
public final class CentreCardSubmission {

    private final ProducerTemplate producer;
    private final BodySigner signer;
    private final X509Certificate hubCertificate;

    public CentreCardSubmission(ProducerTemplate producer, BodySigner signer, X509Certificate hubCertificate) {
        this.producer = producer;
        this.signer = signer;
        this.hubCertificate = hubCertificate;
    }

    /**
     * The signed bytes of the card, which are also its evidence; {@link #submit} takes them.
     */
    public byte[] body(ChildProtectionMessage card) {
        if (card.header().sender() == null || card.header().sender().sector() != SectorId.CENTRE) {
            throw new IllegalArgumentException("the centre submits only cards it sends");
        }
        return CpmJson.writeBytes(card);
    }

    /**
     * Accepts the card durably (stored and queued) or throws the intake's coded exception, as a
     * sector's card would get it (unwrapped from Camel's).
     */
    public AcceptedCard submit(byte[] body, String idempotencyKey) {
        InboundCard inbound = new InboundCard(SectorId.CENTRE, hubCertificate, CentreFormat.MEDIA_TYPE,
                signer.signBase64(body), idempotencyKey, body);
        try {
            return producer.requestBody(Endpoints.INTAKE, inbound, AcceptedCard.class);
        } catch (CamelExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }
}
