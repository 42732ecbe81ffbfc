package org.rabt.connectors.http;

import java.net.URI;
import org.rabt.connectors.DeliverySettings;

/**
 * The Camel endpoint that POSTs a card to a sector's delivery URL. Non-2xx answers raise
 * {@code HttpOperationFailedException}; the route decides whether to retry.
 */
public final class HttpDelivery {

    /** Registry name of the TLS settings (the hub's client certificate, the trusted CAs) for https URLs. */
    public static final String TLS_PARAMETERS_BEAN = "rabtDeliveryTls";
    /** Registry name of the {@link DeliveryHttpClientConfigurer}. */
    public static final String HTTP_CLIENT_CONFIGURER_BEAN = "rabtDeliveryHttpClient";

    private HttpDelivery() {
    }

    public static String endpointUri(URI deliveryUrl, DeliverySettings settings) {
        String scheme = deliveryUrl.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("a delivery URL must be http or https: " + deliveryUrl);
        }
        // the method on the endpoint, not in a header: Camel would convert the header to its enum
        // through the type-converter registry for every card (9 % of a delivery's CPU in a profile)
        String options = "httpMethod=POST&throwExceptionOnFailure=true"
                // 409: the receiver already holds the card (a resend after a crash), as good as a 2xx
                + "&okStatusCodeRange=200-299,409"
                + "&connectTimeout=" + settings.connectTimeout().toMillis()
                + "&responseTimeout=" + settings.responseTimeout().toMillis()
                + "&followRedirects=false"
                + "&httpClientConfigurer=#" + HTTP_CLIENT_CONFIGURER_BEAN
                // Camel must not turn the exchange's internal headers into HTTP headers, nor send
                // the sector's answer back as ours.
                + "&copyHeaders=false&bridgeEndpoint=true";
        if ("https".equals(scheme)) {
            options += "&sslContextParameters=#" + TLS_PARAMETERS_BEAN;
        }
        if (deliveryUrl.getRawQuery() != null) {
            throw new IllegalArgumentException("a delivery URL takes no query string (Camel would read it as "
                    + "endpoint options): " + deliveryUrl);
        }
        String url = deliveryUrl.toString();
        return url + "?" + options;
    }
}
