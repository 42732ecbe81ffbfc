package org.rabt.config.broker;

import org.rabt.config.wiring.DeliveryProperties;
import org.springframework.boot.artemis.autoconfigure.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded broker's queues and retry policy: {@link BrokerSettings}, the same properties an
 * external broker is given ({@code java -jar rabt.jar broker properties}).
 */
@Configuration(proxyBeanMethods = false)
public class BrokerConfiguration {

    @Bean
    ArtemisConfigurationCustomizer rabtQueues(DeliveryProperties delivery, AmqpProperties amqp) {
        return configuration -> {
            BrokerSettings.apply(configuration, BrokerSettings.of(delivery, amqp.sectors()));
        };
    }
}
