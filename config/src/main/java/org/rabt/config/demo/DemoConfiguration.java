package org.rabt.config.demo;

import java.time.Clock;
import org.rabt.config.HubProperties;
import org.rabt.connectors.exchange.ExchangeConnector;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The simulated sector systems, with {@code --demo}. {@code rabt.demo-sectors} turns them on or
 * off on their own (default: as {@code rabt.demo}), e.g. {@code --demo --rabt.demo-sectors=false}
 * for the demo users without the traffic.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${rabt.demo-sectors:${rabt.demo:false}}")
public class DemoConfiguration {

    @Bean
    DemoSectors demoSectors(HubProperties hub, ExchangeConnector exchange, Clock clock) {
        return new DemoSectors(hub.dataDir(), exchange::localPort, clock);
    }
}
