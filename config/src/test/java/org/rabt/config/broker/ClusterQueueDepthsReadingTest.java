package org.rabt.config.broker;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rabt.connectors.SectorQueues;
import org.rabt.mappings.cpm.SectorId;

/** How readings of the brokers are shared between scrapes and what a silent broker leaves out. */
class ClusterQueueDepthsReadingTest {

    private static final String JUSTICE = SectorQueues.outbound(SectorId.JUSTICE);

    /** A stand-in for the brokers: a fixed answer per broker, or silence; counts the readings. */
    private static final class ScriptedBrokers implements ClusterQueueDepths.CountReader {
        final Map<ConnectionFactory, Map<String, Long>> answers = new HashMap<>();
        final List<ConnectionFactory> asked = new ArrayList<>();

        @Override
        public Map<String, Long> read(ConnectionFactory broker, List<String> queues) throws JMSException {
            asked.add(broker);
            Map<String, Long> answer = answers.get(broker);
            if (answer == null) {
                throw new JMSException("AMQ219007: Cannot connect to server(s)");
            }
            return answer;
        }
    }

    private final ConnectionFactory mq1 = new org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory("tcp://mq1:61616");
    private final ConnectionFactory mq2 = new org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory("tcp://mq2:61616");
    private final ScriptedBrokers brokers = new ScriptedBrokers();
    private final SettableClock clock = new SettableClock();
    private final ClusterQueueDepths depths = new ClusterQueueDepths(
            List.of(new ClusterQueueDepths.Broker("mq1:61616", mq1), new ClusterQueueDepths.Broker("mq2:61616", mq2)),
            brokers, clock);

    @Test
    void oneReadingOfEachBrokerServesEveryQueueUntilItIsFiveSecondsOld() {
        brokers.answers.put(mq1, Map.of(JUSTICE, 3L));
        brokers.answers.put(mq2, Map.of(JUSTICE, 2L));

        for (String queue : BrokerQueues.hubQueues()) {
            depths.depth(queue);
        }
        depths.depths();
        assertThat(brokers.asked).containsExactly(mq1, mq2);

        brokers.answers.put(mq2, Map.of(JUSTICE, 7L));
        clock.advance(ClusterQueueDepths.CACHED_FOR.minus(Duration.ofMillis(1)));
        assertThat(depths.depth(JUSTICE)).as("still the first reading").isEqualTo(5);

        clock.advance(Duration.ofMillis(1));
        assertThat(depths.depth(JUSTICE)).isEqualTo(10);
        assertThat(brokers.asked).containsExactly(mq1, mq2, mq1, mq2);
    }

    @Test
    void aSilentBrokersPartIsLeftOutAndNoAnswerAtAllIsUnknown() {
        brokers.answers.put(mq1, Map.of(JUSTICE, 3L));

        assertThat(depths.depth(JUSTICE)).isEqualTo(3);
        assertThat(depths.up("mq1:61616")).isTrue();
        assertThat(depths.up("mq2:61616")).isFalse();

        brokers.answers.clear();
        clock.advance(ClusterQueueDepths.CACHED_FOR);
        assertThat(depths.depths().values()).containsOnly(-1L);
        assertThat(depths.up("mq1:61616")).isFalse();

        brokers.answers.put(mq2, Map.of(JUSTICE, 2L));
        clock.advance(ClusterQueueDepths.CACHED_FOR);
        assertThat(depths.depth(JUSTICE)).as("back").isEqualTo(2);
        assertThat(depths.up("mq2:61616")).isTrue();
    }

    @Test
    void aQueueNoAnsweringBrokerHasIsUnknownAndOneSomeHaveIsTheirSum() {
        brokers.answers.put(mq1, Map.of(JUSTICE, 0L));
        brokers.answers.put(mq2, Map.of());

        assertThat(depths.depth(JUSTICE)).isZero();
        assertThat(depths.depth(SectorQueues.outbound(SectorId.HEALTH))).isEqualTo(-1);
        assertThat(depths.depth("not.a.hub.queue")).isEqualTo(-1);
    }
}
