package org.rabt.config.exchange;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sector exchange port ({@code rabt.exchange.*}): HTTPS with a required client certificate.
 *
 * @param port         0 picks a free port (tests)
 * @param address      the interface to listen on; sector systems connect from other hosts
 * @param hostnames    names the exchange server certificate is issued for, besides localhost
 * @param maxBodyBytes the largest card accepted
 * @param maxBatchBytes the largest batch file accepted ({@code POST /exchange/v1/education/batches});
 *                     it is streamed to disk, never held in memory
 * @param maxBatchRows the most rows one batch may hold
 * @param publicUrl    the exchange API's base URL as sector systems reach it, for the status URLs
 *                     in the hub's answers (e.g. {@code https://rabt.tanger.ma:8443}); empty gives
 *                     relative status URLs
 * @param rateLimit    requests per second each client certificate may make
 */
@ConfigurationProperties("rabt.exchange")
public record ExchangeProperties(
        @DefaultValue("8443") int port,
        @DefaultValue("0.0.0.0") String address,
        @DefaultValue List<String> hostnames,
        @DefaultValue("10485760") long maxBodyBytes,
        @DefaultValue("268435456") long maxBatchBytes,
        @DefaultValue("200000") int maxBatchRows,
        @DefaultValue("") String publicUrl,
        @DefaultValue RateLimit rateLimit) {

    /**
     * {@code rabt.exchange.rate-limit.*}: a token bucket per client certificate, over every request
     * on the exchange port (cards, status reports, status reads, batches).
     *
     * @param cardsPerSecond the sustained rate; 0 turns the limit off
     * @param burst          how many requests may come at once after a quiet spell (at least
     *                       {@code cardsPerSecond})
     */
    public record RateLimit(
            @DefaultValue("200") int cardsPerSecond,
            @DefaultValue("400") int burst) {
    }
}
