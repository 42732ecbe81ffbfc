package org.rabt.connectors.health;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IRestfulClientFactory;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.rabt.connectors.DeliverySettings;

/**
 * Delivers a card to the health sector's FHIR server with HAPI's client: a transaction Bundle
 * posted to the server's base URL creates the Task and the ServiceRequest (and the pseudonymous
 * Patient if absent). The hub's {@code Rabt-Card-Id} and {@code Rabt-Signature} travel as headers,
 * as for every sector; the body sent is exactly the bytes signed.
 */
public final class FhirTransactionDelivery {

    private final FhirContext r4;
    private final Map<URI, IGenericClient> clients = new ConcurrentHashMap<>();

    public FhirTransactionDelivery(FhirContext r4, DeliverySettings settings) {
        this.r4 = r4;
        IRestfulClientFactory factory = r4.getRestfulClientFactory();
        // the hub does not ask the server for its capabilities before every first call
        factory.setServerValidationMode(ServerValidationModeEnum.NEVER);
        factory.setConnectTimeout((int) settings.connectTimeout().toMillis());
        factory.setSocketTimeout((int) settings.responseTimeout().toMillis());
    }

    /**
     * Posts the transaction Bundle; returns 200 when the server processed it. A refusal becomes an
     * {@link HttpOperationFailedException} with the server's status, so the delivery's retry rules
     * apply as for any HTTP receiver; a connection failure propagates as it is (retried).
     */
    public int deliver(URI base, byte[] transactionBundle, String cardId, String signature)
            throws HttpOperationFailedException {
        IGenericClient client = clients.computeIfAbsent(base, url -> r4.newRestfulGenericClient(url.toString()));
        try {
            client.transaction()
                    .withBundle(new String(transactionBundle, StandardCharsets.UTF_8))
                    .withAdditionalHeader("Rabt-Card-Id", cardId)
                    .withAdditionalHeader("Rabt-Signature", signature)
                    .execute();
            return 200;
        } catch (BaseServerResponseException refused) {
            throw new HttpOperationFailedException(base.toString(), refused.getStatusCode(), refused.getMessage(),
                    null, Map.of(), refused.getResponseBody());
        }
    }
}
