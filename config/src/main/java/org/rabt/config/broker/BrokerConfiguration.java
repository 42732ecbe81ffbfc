package org.rabt.config.broker;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.rabt.config.wiring.DeliveryProperties;
import org.rabt.connectors.SectorQueues;
import org.rabt.mappings.cpm.SectorId;
import org.springframework.boot.artemis.autoconfigure.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded broker's queues and retry policy: for every sector a durable outbound queue and
 * its dead-letter queue; redelivery with exponential, bounded delays, then the dead-letter queue.
 * An external broker needs the same settings in its broker.xml (see docs/architecture.md).
 */
@Configuration(proxyBeanMethods = false)
public class BrokerConfiguration {

    /** Duplicate-detection ids the broker remembers per address (persisted in its journal). */
    static final int DUPLICATE_ID_CACHE = 50_000;

    @Bean
    ArtemisConfigurationCustomizer rabtQueues(DeliveryProperties delivery) {
        return configuration -> {
            configuration.setPersistIDCache(true);
            configuration.setIDCacheSize(DUPLICATE_ID_CACHE);
            configuration.setJournalSyncTransactional(true);
            configuration.setJournalSyncNonTransactional(true);
            for (SectorId sector : SectorId.values()) {
                String outbound = SectorQueues.outbound(sector);
                String deadLetters = SectorQueues.deadLetters(sector);
                configuration.addQueueConfiguration(durableQueue(outbound));
                configuration.addQueueConfiguration(durableQueue(deadLetters));
                configuration.addAddressSetting(outbound, new AddressSettings()
                        .setRedeliveryDelay(delivery.initialDelay().toMillis())
                        .setRedeliveryMultiplier(delivery.multiplier())
                        .setMaxRedeliveryDelay(delivery.maxDelay().toMillis())
                        .setMaxDeliveryAttempts(delivery.maxAttempts())
                        .setDeadLetterAddress(SimpleString.of(deadLetters))
                        .setAutoDeleteQueues(false)
                        .setAutoDeleteAddresses(false));
                configuration.addAddressSetting(deadLetters, new AddressSettings()
                        .setMaxDeliveryAttempts(-1)
                        .setAutoDeleteQueues(false)
                        .setAutoDeleteAddresses(false));
            }
        };
    }

    private static QueueConfiguration durableQueue(String name) {
        return QueueConfiguration.of(name).setAddress(name).setRoutingType(RoutingType.ANYCAST).setDurable(true);
    }
}
