package org.rabt.config.wiring;

import java.time.Duration;
import org.rabt.connectors.DeliverySettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbound delivery ({@code rabt.delivery.*}); see {@link DeliverySettings}. The defaults retry
 * a card for about three and a half hours (1 s doubling to 10 min, 30 attempts) before it goes to
 * its sector's dead-letter queue: a receiver's maintenance window loses nothing.
 */
@ConfigurationProperties("rabt.delivery")
public record DeliveryProperties(
        @DefaultValue("30") int maxAttempts,
        @DefaultValue("1s") Duration initialDelay,
        @DefaultValue("2.0") double multiplier,
        @DefaultValue("10m") Duration maxDelay,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration responseTimeout) {

    public DeliverySettings settings() {
        return new DeliverySettings(maxAttempts, initialDelay, multiplier, maxDelay, connectTimeout, responseTimeout);
    }
}
