package org.rabt.config.demo;

import java.time.Clock;
import java.util.Set;
import org.rabt.config.HubProperties;
import org.rabt.config.exchange.ExchangeProperties;
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

    /** Addresses at which the exchange port is reachable as localhost. */
    private static final Set<String> LOCAL = Set.of("", "0.0.0.0", "::", "127.0.0.1", "::1", "localhost");

    @Bean
    DemoSectors demoSectors(HubProperties hub, ExchangeProperties properties, ExchangeConnector exchange, Clock clock) {
        return new DemoSectors(hub.dataDir(), exchangeHost(properties), exchange::localPort, clock);
    }

    /**
     * Where the simulated systems reach the exchange port, by a name its server certificate carries:
     * localhost when it listens there (the default listens everywhere), else its first configured
     * host name.
     */
    static String exchangeHost(ExchangeProperties properties) {
        String address = properties.address();
        if (LOCAL.contains(address)) {
            return "localhost";
        }
        if (!properties.hostnames().isEmpty()) {
            return properties.hostnames().get(0);
        }
        return address.contains(":") ? "[" + address + "]" : address;
    }
}
