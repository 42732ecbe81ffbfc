package org.rabt.config.broker;

import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.routes.intake.AmqpSenderThrottle;

/**
 * The AMQP senders' share of the hub: one Bucket4j token bucket per sector, with the rate and burst
 * a client certificate has on the exchange port ({@code rabt.exchange.rate-limit.*}). The broker
 * admits only a sector's own certificate to its inbound address, so the sector is the sender. A
 * card over the budget waits in the broker while the sector's intake route waits for a token;
 * {@code rabt_amqp_throttled_total{sector}} counts the cards that had to wait.
 *
 * <p>The wait is bounded: a consumer reserves the next token, and with two consumers per sector
 * and at least one token a second that is two seconds at worst; past {@link #MAX_WAIT} something
 * is wrong, and the card goes back to the broker (a rolled-back delivery, tried again later).
 */
public final class AmqpSenderRateLimit implements AmqpSenderThrottle {

    static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final Map<SectorId, Bucket> buckets = new EnumMap<>(SectorId.class);
    private final Map<SectorId, Counter> throttled = new EnumMap<>(SectorId.class);

    /** @param cardsPerSecond the sustained rate per sector, at least 1 ({@code 0} means no limit: use {@link #NONE}) */
    public AmqpSenderRateLimit(Collection<SectorId> sectors, long cardsPerSecond, long burst, MeterRegistry registry) {
        if (cardsPerSecond <= 0) {
            throw new IllegalArgumentException("cardsPerSecond must be positive; use AmqpSenderThrottle.NONE for no limit");
        }
        for (SectorId sector : sectors) {
            // greedy refill, as on the exchange port: tokens come back one by one through the second
            buckets.put(sector, Bucket.builder()
                    .addLimit(limit -> limit.capacity(Math.max(burst, cardsPerSecond))
                            .refillGreedy(cardsPerSecond, Duration.ofSeconds(1)))
                    .build());
            throttled.put(sector, Counter.builder("rabt.amqp.throttled")
                    .description("Cards sent over AMQP that waited in the broker for their sector's rate limit")
                    .tag("sector", sector.code())
                    .register(registry));
        }
    }

    @Override
    public void awaitTurn(SectorId sector) throws InterruptedException {
        Bucket bucket = buckets.get(sector);
        if (bucket == null || bucket.tryConsume(1)) {
            return;
        }
        throttled.get(sector).increment();
        if (!bucket.asBlocking().tryConsume(1, MAX_WAIT)) {
            throw new IllegalStateException("the " + sector.code() + " AMQP intake waited more than " + MAX_WAIT
                    + " for its rate limit; the broker delivers the card again");
        }
    }
}
