package org.rabt.connectors;

import java.time.Duration;

/**
 * Retry policy and timeouts of outbound delivery ({@code rabt.delivery.*}). The broker applies
 * the redelivery delays, so a waiting retry holds no thread and survives a restart.
 *
 * @param maxAttempts    attempts before a card goes to its sector's dead-letter queue
 * @param initialDelay   delay before the second attempt
 * @param multiplier     growth of the delay between attempts
 * @param maxDelay       ceiling of the delay
 */
public record DeliverySettings(
        int maxAttempts,
        Duration initialDelay,
        double multiplier,
        Duration maxDelay,
        Duration connectTimeout,
        Duration responseTimeout) {

    public static DeliverySettings defaults() {
        return new DeliverySettings(10, Duration.ofSeconds(1), 2.0, Duration.ofMinutes(1),
                Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    /** The delay the broker waits before attempt {@code attempt + 1}. */
    public Duration delayAfter(int attempt) {
        double millis = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        return Duration.ofMillis((long) Math.min(millis, maxDelay.toMillis()));
    }

    /** The time a card may keep failing before it is dead-lettered. */
    public Duration retryWindow() {
        Duration total = Duration.ZERO;
        for (int attempt = 1; attempt < maxAttempts; attempt++) {
            total = total.plus(delayAfter(attempt));
        }
        return total;
    }
}
