package org.rabt.config.broker;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code rabt_broker_up{broker="host:port"}}: 1 when the external broker answered the latest
 * queue-depth reading, 0 when it did not (down, unreachable, or refusing the hub's management
 * requests). While one is 0, {@code rabt_queue_depth} counts only the others' part of each queue.
 */
public final class BrokerUpMetrics implements MeterBinder {

    private final ClusterQueueDepths depths;

    public BrokerUpMetrics(ClusterQueueDepths depths) {
        this.depths = depths;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String broker : depths.brokerNames()) {
            Gauge.builder("rabt.broker.up", depths, d -> d.up(broker) ? 1 : 0)
                    .description("whether the broker answered the hub's latest queue-depth reading")
                    .tag("broker", broker)
                    .register(registry);
        }
    }
}
