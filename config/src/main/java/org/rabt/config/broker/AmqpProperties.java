package org.rabt.config.broker;

import java.util.List;
import org.rabt.mappings.cpm.SectorId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sector systems that send their cards over AMQP 1.0 to the hub's broker ({@code rabt.amqp.*}):
 * TLS with a client certificate issued by the hub's CA, as on the exchange port.
 *
 * @param port            0 picks a free port (tests); -1 turns the AMQP acceptor off
 * @param sectors         the sectors that may connect (police and gendarmerie by default)
 * @param maxInboundBytes how many bytes of cards one sector's inbound address may hold before the
 *                        broker holds its sender back (see {@link BrokerSettings})
 */
@ConfigurationProperties("rabt.amqp")
public record AmqpProperties(
        @DefaultValue("5671") int port,
        @DefaultValue("0.0.0.0") String address,
        @DefaultValue({"police", "gendarmerie"}) List<SectorId> sectors,
        @DefaultValue(DEFAULT_MAX_INBOUND_BYTES) long maxInboundBytes) {

    /** 64 MiB: some ten thousand cards waiting for the hub, a few minutes of a flood at the default rate. */
    public static final String DEFAULT_MAX_INBOUND_BYTES = "67108864";

    public boolean enabled() {
        return port >= 0;
    }
}
