package org.rabt.config.broker;

import java.io.StringWriter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.activemq.artemis.core.config.Configuration;
import org.rabt.config.wiring.DeliveryProperties;
import org.rabt.connectors.SectorQueues;
import org.rabt.mappings.cpm.SectorId;

/**
 * Everything the hub needs from its broker, as Artemis <em>broker properties</em>: for every
 * sector a durable outbound queue and its dead-letter queue, the redelivery policy (bounded,
 * growing delays, then the dead-letter queue), the AMQP senders' inbound and replies queues, a
 * persisted duplicate-detection cache, and a journal synced on every durable write.
 *
 * <p>One source for both brokers the hub may use: the embedded one applies these properties to its
 * configuration ({@link BrokerConfiguration}), and {@code java -jar rabt.jar broker properties}
 * prints them for an external broker, where {@code artemis run --properties FILE} (or
 * {@code etc/broker.properties}) applies them on top of its {@code broker.xml}. So a cluster in
 * production retries and dead-letters exactly as the default run does. Broker properties, not a
 * {@code broker.xml} fragment, because Artemis merges them into any broker.xml without editing it.
 *
 * <p>An AMQP sender's inbound address holds at most {@code rabt.amqp.max-inbound-bytes} (64 MiB):
 * past it the policy is {@code BLOCK}, which for AMQP means the broker stops granting the sender
 * link credit, so its next send waits until the hub has taken cards off (its rate limit, see
 * {@code AmqpSenderRateLimit}). Chosen over {@code FAIL}: a refused send is one the sender must
 * notice and repeat, which is the flood again; a held send needs nothing from it, and nothing it
 * sent is dropped. Credit granted before the address filled lets a sender go a little past the
 * limit; {@code maxSizeBytesRejectThreshold} (twice the limit) bounds that, and beyond it the
 * broker does refuse the send (the sender gets an error; nothing it was told was sent is lost).
 *
 * <p>{@code redistributionDelay=0}: in a cluster, a card waiting on a broker where no hub node
 * consumes moves at once to one where a node does (and back after that node is gone).
 */
public final class BrokerSettings {

    /** Duplicate-detection ids the broker remembers per address (persisted in its journal). */
    static final int DUPLICATE_ID_CACHE = 50_000;

    /** An AMQP sender's card that failed for infrastructure reasons (not a bad card: that gets a problem reply). */
    private static final int INBOUND_ATTEMPTS = 6;

    private BrokerSettings() {
    }

    /** As {@link #of(DeliveryProperties, Collection, long)} with the default inbound bound (64 MiB). */
    public static Map<String, String> of(DeliveryProperties delivery, Collection<SectorId> amqpSectors) {
        return of(delivery, amqpSectors, Long.parseLong(AmqpProperties.DEFAULT_MAX_INBOUND_BYTES));
    }

    /**
     * The properties, in a stable order (they are printed for operators).
     *
     * @param maxInboundBytes what one AMQP sender's inbound address may hold before the sender is held back
     */
    public static Map<String, String> of(DeliveryProperties delivery, Collection<SectorId> amqpSectors,
            long maxInboundBytes) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("persistIDCache", "true");
        properties.put("IDCacheSize", Integer.toString(DUPLICATE_ID_CACHE));
        properties.put("journalSyncTransactional", "true");
        properties.put("journalSyncNonTransactional", "true");
        for (SectorId sector : SectorId.values()) {
            String outbound = SectorQueues.outbound(sector);
            String deadLetters = SectorQueues.deadLetters(sector);
            queue(properties, outbound);
            queue(properties, deadLetters);
            retries(properties, outbound, deadLetters, delivery.initialDelay().toMillis(), delivery.multiplier(),
                    delivery.maxDelay().toMillis(), delivery.maxAttempts());
            kept(properties, deadLetters);
        }
        for (SectorId sector : amqpSectors) {
            String inbound = SectorQueues.inbound(sector);
            String deadLetters = inbound + ".dlq";
            queue(properties, inbound);
            queue(properties, SectorQueues.replies(sector));
            queue(properties, deadLetters);
            retries(properties, inbound, deadLetters, 1000, 2.0, 30_000, INBOUND_ATTEMPTS);
            bounded(properties, inbound, maxInboundBytes);
            kept(properties, SectorQueues.replies(sector));
            kept(properties, deadLetters);
        }
        return properties;
    }

    /** The same, as a {@link Properties} for Artemis's own parser. */
    public static Properties asProperties(Map<String, String> settings) {
        Properties properties = new Properties();
        properties.putAll(settings);
        return properties;
    }

    /**
     * Applies the properties with Artemis's own parser (as {@code artemis run --properties} does),
     * and refuses to go on if it reports an error: a misnamed property would otherwise be ignored.
     */
    public static void apply(Configuration configuration, Map<String, String> settings) {
        try {
            configuration.parsePrefixedProperties(configuration, "rabt", asProperties(settings), null);
        } catch (Exception e) {
            throw new IllegalStateException("the broker refused Rabt's queue settings", e);
        }
        String status = configuration.getStatus();
        if (status != null && status.contains("\"errors\":[{")) {
            throw new IllegalStateException("the broker refused Rabt's queue settings: " + status);
        }
    }

    /** The file an operator installs on each broker of a cluster. */
    public static String file(Map<String, String> settings) {
        StringWriter text = new StringWriter();
        text.write("# Rabt's queues and redelivery policy for an external Artemis broker.\n"
                + "# Generated by: java -jar rabt.jar broker properties [--rabt.delivery.<setting>=<value>]...\n"
                + "# Install it on every broker of the cluster: artemis run --properties <this file>\n"
                + "# (or as etc/broker.properties). docs/operations.md explains each part.\n");
        settings.forEach((key, value) -> text.write(key + "=" + value + "\n"));
        return text.toString();
    }

    private static void queue(Map<String, String> properties, String name) {
        String prefix = "addressConfigurations.\"" + name + "\"";
        properties.put(prefix + ".routingTypes", "ANYCAST");
        properties.put(prefix + ".queueConfigs.\"" + name + "\".address", name);
        properties.put(prefix + ".queueConfigs.\"" + name + "\".routingType", "ANYCAST");
        properties.put(prefix + ".queueConfigs.\"" + name + "\".durable", "true");
    }

    private static void retries(Map<String, String> properties, String address, String deadLetters, long initialMillis,
            double multiplier, long maxMillis, int attempts) {
        String prefix = "addressSettings.\"" + address + "\".";
        properties.put(prefix + "redeliveryDelay", Long.toString(initialMillis));
        properties.put(prefix + "redeliveryMultiplier", Double.toString(multiplier));
        properties.put(prefix + "maxRedeliveryDelay", Long.toString(maxMillis));
        properties.put(prefix + "maxDeliveryAttempts", Integer.toString(attempts));
        properties.put(prefix + "deadLetterAddress", deadLetters);
        properties.put(prefix + "redistributionDelay", "0");
        properties.put(prefix + "autoDeleteQueues", "false");
        properties.put(prefix + "autoDeleteAddresses", "false");
    }

    /** At most {@code maxBytes} waiting; a sender past it is held back by flow control (see the class comment). */
    private static void bounded(Map<String, String> properties, String address, long maxBytes) {
        String prefix = "addressSettings.\"" + address + "\".";
        properties.put(prefix + "maxSizeBytes", Long.toString(maxBytes));
        properties.put(prefix + "addressFullMessagePolicy", "BLOCK");
        properties.put(prefix + "maxSizeBytesRejectThreshold", Long.toString(Math.multiplyExact(maxBytes, 2)));
    }

    /** A queue the broker never dead-letters or deletes on its own (a dead letter waits for an operator). */
    private static void kept(Map<String, String> properties, String address) {
        String prefix = "addressSettings.\"" + address + "\".";
        properties.put(prefix + "maxDeliveryAttempts", "-1");
        properties.put(prefix + "redistributionDelay", "0");
        properties.put(prefix + "autoDeleteQueues", "false");
        properties.put(prefix + "autoDeleteAddresses", "false");
    }
}
