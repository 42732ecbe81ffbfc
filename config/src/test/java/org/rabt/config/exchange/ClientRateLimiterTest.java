package org.rabt.config.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ClientRateLimiterTest {

    private static final String HEALTH = "CN=health,OU=sector,O=Rabt,C=MA";
    private static final String JUSTICE = "CN=justice,OU=sector,O=Rabt,C=MA";

    @Test
    void aBurstIsServedAndAFloodBeyondItIsToldHowLongToWait() {
        ClientRateLimiter limiter = new ClientRateLimiter(1, 3);

        assertThat(IntStream.range(0, 3).mapToObj(i -> limiter.tryAcquire(HEALTH))).allMatch(Duration::isZero);
        Duration wait = IntStream.range(0, 100).mapToObj(i -> limiter.tryAcquire(HEALTH))
                .filter(d -> !d.isZero()).findFirst().orElseThrow();
        assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(ClientRateLimiter.retryAfterSeconds(wait)).isEqualTo(1);
    }

    @Test
    void oneCertificatesFloodLeavesAnothersShareWhole() {
        ClientRateLimiter limiter = new ClientRateLimiter(1, 2);
        IntStream.range(0, 100).forEach(i -> limiter.tryAcquire(HEALTH));

        assertThat(limiter.tryAcquire(JUSTICE)).isZero();
    }

    @Test
    void offLetsEverythingThrough() {
        assertThat(ClientRateLimiter.OFF.enabled()).isFalse();
        assertThat(IntStream.range(0, 10_000).mapToObj(i -> ClientRateLimiter.OFF.tryAcquire(HEALTH)))
                .allMatch(Duration::isZero);
    }

    @Test
    void aFloodIsAuditedOnceASecondNotOnceARequest() {
        ClientRateLimiter limiter = new ClientRateLimiter(1, 1);

        long audited = IntStream.range(0, 1_000).filter(i -> limiter.auditThisRefusal(HEALTH)).count();

        assertThat(audited).isGreaterThanOrEqualTo(1).isLessThan(1_000);
        assertThat(limiter.auditThisRefusal(JUSTICE)).as("another certificate's first refusal").isTrue();
    }

    @Test
    void retryAfterRoundsUpToWholeSeconds() {
        assertThat(ClientRateLimiter.retryAfterSeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(ClientRateLimiter.retryAfterSeconds(Duration.ofMillis(1_001))).isEqualTo(2);
    }
}
