package org.rabt.connectors.http;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * The HTTP client that delivers cards makes exactly one request per attempt: no automatic
 * retries (HttpClient 5 would silently repeat a POST answered 503 or 429) and no redirects. Retries
 * belong to the broker, which spaces them out, survives restarts and records each one.
 */
public final class DeliveryHttpClientConfigurer implements HttpClientConfigurer {

    @Override
    public void configureHttpClient(HttpClientBuilder builder) {
        builder.disableAutomaticRetries().disableRedirectHandling();
    }
}
