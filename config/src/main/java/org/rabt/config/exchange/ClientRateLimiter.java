package org.rabt.config.exchange;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * How many requests each client of the exchange port may make: one Bucket4j token bucket per
 * certificate subject, refilled at {@code cardsPerSecond} and holding at most {@code burst}. A
 * flooding sector system (broken retry loop, stolen key) then slows only itself; the others keep
 * their share of the hub. Thread-safe.
 *
 * <p>The map grows by one bucket per distinct subject; only certificates the hub's CA issued get
 * past the TLS handshake, so that is one per enrolled sector system, never one per attacker.
 */
public final class ClientRateLimiter {

    /** No limit ({@code rabt.exchange.rate-limit.cards-per-second=0}). */
    public static final ClientRateLimiter OFF = new ClientRateLimiter(0, 0);

    private final long perSecond;
    private final long burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    /** Per subject, the second (of {@link System#nanoTime()}) of the last refusal written to the audit log. */
    private final Map<String, Long> lastAudited = new ConcurrentHashMap<>();

    public ClientRateLimiter(long perSecond, long burst) {
        this.perSecond = perSecond;
        this.burst = Math.max(burst, perSecond);
    }

    public boolean enabled() {
        return perSecond > 0;
    }

    /**
     * Takes one request from {@code subject}'s bucket: {@link Duration#ZERO} when it may go on,
     * else how long until the next token (for {@code Retry-After}).
     */
    public Duration tryAcquire(String subject) {
        if (!enabled()) {
            return Duration.ZERO;
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(subject, any -> newBucket()).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill()));
    }

    /**
     * Whether this refusal goes to the audit log: the first of each second per subject. A flood is
     * recorded, but it cannot turn each of its requests into a database write.
     */
    public boolean auditThisRefusal(String subject) {
        long second = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime());
        Long previous = lastAudited.put(subject, second);
        return previous == null || previous != second;
    }

    /** Whole seconds to wait, rounded up: {@code Retry-After} takes no fractions. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait.toNanos() + TimeUnit.SECONDS.toNanos(1) - 1));
    }

    private Bucket newBucket() {
        // greedy refill: tokens come back one by one through the second, not all at its end
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)))
                .build();
    }
}
