package org.rabt.config.wiring;

import java.time.Duration;
import org.rabt.connectors.DeliverySettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Outbound delivery ({@code rabt.delivery.*}); see {@link DeliverySettings}. */
@ConfigurationProperties("rabt.delivery")
public record DeliveryProperties(
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("1s") Duration initialDelay,
        @DefaultValue("2.0") double multiplier,
        @DefaultValue("60s") Duration maxDelay,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration responseTimeout) {

    public DeliverySettings settings() {
        return new DeliverySettings(maxAttempts, initialDelay, multiplier, maxDelay, connectTimeout, responseTimeout);
    }
}
