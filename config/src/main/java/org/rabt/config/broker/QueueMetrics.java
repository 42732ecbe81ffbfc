package org.rabt.config.broker;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.rabt.connectors.SectorQueues;
import org.rabt.mappings.cpm.SectorId;

/**
 * {@code rabt_queue_depth{queue=...,sector=...,kind=outbound|dead-letter}} for every sector, from
 * the embedded broker or from every broker of an external cluster ({@link BrokerQueues}); -1 when
 * no broker tells.
 */
public final class QueueMetrics implements MeterBinder {

    private final BrokerQueues queues;

    public QueueMetrics(BrokerQueues queues) {
        this.queues = queues;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (SectorId sector : SectorId.values()) {
            register(registry, sector, SectorQueues.outbound(sector), "outbound");
            register(registry, sector, SectorQueues.deadLetters(sector), "dead-letter");
        }
    }

    private void register(MeterRegistry registry, SectorId sector, String queue, String kind) {
        Gauge.builder("rabt.queue.depth", queues, q -> q.depth(queue))
                .description("cards waiting in the queue")
                .tag("queue", queue)
                .tag("sector", sector.code())
                .tag("kind", kind)
                .register(registry);
    }
}
