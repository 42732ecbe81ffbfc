package org.rabt.config.broker;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The depth of each hub queue on an external Artemis broker or cluster: each broker of the URL
 * holds its own part of every queue, so a queue's depth is the sum of the parts of the brokers that
 * answer. A broker that does not answer leaves its part unknown: the depth is then the sum of the
 * others, and -1 only when no broker answers (as the embedded broker's reader says when it knows
 * nothing). Whether each broker answered is told too ({@code rabt_broker_up}, {@link BrokerUpMetrics}).
 *
 * <p>Cheap enough for every metrics scrape: one reading asks each broker for all the queues in one
 * pass on one connection, and is reused for {@link #CACHED_FOR}, so the eighteen gauges of a scrape
 * and an operator's {@code /actuator/queues} share it. A broker going silent is logged once, when
 * it stops answering, and once more when it answers again; not at every scrape.
 */
public final class ClusterQueueDepths implements BrokerQueues {

    /** How long one reading of the brokers serves: well under Prometheus's scrape interval (15-60 s). */
    public static final Duration CACHED_FOR = Duration.ofSeconds(5);
    /** How long a broker has to connect and answer a reading. */
    public static final Duration TIMEOUT = Duration.ofSeconds(2);

    /** One broker of the URL, named {@code host:port}. */
    public record Broker(String name, ConnectionFactory connections) {
    }

    /** Reads one broker's message count of each queue it has. */
    @FunctionalInterface
    interface CountReader {
        Map<String, Long> read(ConnectionFactory broker, List<String> queues) throws JMSException;
    }

    /** A reading: each queue's depth, and which brokers answered, by name. */
    private record Reading(Instant takenAt, Map<String, Long> depths, Map<String, Boolean> up) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(ClusterQueueDepths.class);

    private final List<Broker> brokers;
    private final CountReader reader;
    private final Clock clock;
    private final List<String> queues = BrokerQueues.hubQueues();
    /** The brokers that did not answer the last reading: each is logged when it goes silent, not again until it is back. */
    private final Set<String> silent = new HashSet<>();
    private Reading last;

    /** Reads the brokers through Artemis's management API ({@link ManagementQueueCounts}) with {@link #TIMEOUT}. */
    public ClusterQueueDepths(List<Broker> brokers, Clock clock) {
        this(brokers, new ManagementQueueCounts(TIMEOUT), clock);
    }

    ClusterQueueDepths(List<Broker> brokers, CountReader reader, Clock clock) {
        if (brokers.isEmpty()) {
            throw new IllegalArgumentException("no broker");
        }
        this.brokers = List.copyOf(brokers);
        this.reader = reader;
        this.clock = clock;
    }

    @Override
    public long depth(String queue) {
        return current().depths().getOrDefault(queue, -1L);
    }

    @Override
    public Map<String, Long> depths() {
        return current().depths();
    }

    /** Whether the broker (its {@code host:port}) answered the latest reading. */
    public boolean up(String broker) {
        return current().up().getOrDefault(broker, false);
    }

    /** The brokers' names, in the URL's order. */
    public List<String> brokerNames() {
        return brokers.stream().map(Broker::name).toList();
    }

    /** The latest reading, or a new one once it is {@link #CACHED_FOR} old; one reading at a time. */
    private synchronized Reading current() {
        Instant now = clock.instant();
        // a clock set back would otherwise keep serving the old reading until it caught up
        if (last == null || now.isBefore(last.takenAt()) || !now.isBefore(last.takenAt().plus(CACHED_FOR))) {
            last = read(now);
        }
        return last;
    }

    private Reading read(Instant now) {
        Map<String, Long> sums = new LinkedHashMap<>();
        Map<String, Boolean> up = new LinkedHashMap<>();
        for (Broker broker : brokers) {
            Map<String, Long> counts = counts(broker);
            up.put(broker.name(), counts != null);
            if (counts != null) {
                counts.forEach((queue, count) -> sums.merge(queue, count, Long::sum));
            }
        }
        Map<String, Long> depths = new LinkedHashMap<>();
        for (String queue : queues) {
            depths.put(queue, sums.getOrDefault(queue, -1L));
        }
        return new Reading(now, Collections.unmodifiableMap(depths), Collections.unmodifiableMap(up));
    }

    /** The broker's counts, or null when it did not answer (logged when it goes silent and when it is back). */
    private Map<String, Long> counts(Broker broker) {
        try {
            Map<String, Long> counts = reader.read(broker.connections(), queues);
            if (silent.remove(broker.name())) {
                LOG.info("broker {} answers queue-depth readings again", broker.name());
            }
            return counts;
        } catch (JMSException | JMSRuntimeException silence) {
            if (silent.add(broker.name())) {
                LOG.warn("broker {} did not answer a queue-depth reading; its part of every queue is left out of "
                        + "rabt_queue_depth and /actuator/queues until it does{}: {}", broker.name(),
                        silence instanceof JMSSecurityException || silence instanceof JMSSecurityRuntimeException
                                ? " (the hub's broker user needs the 'manage' permission on "
                                        + ManagementQueueCounts.MANAGEMENT_ADDRESS + ")"
                                : "",
                        silence.toString());
            }
            return null;
        }
    }
}
