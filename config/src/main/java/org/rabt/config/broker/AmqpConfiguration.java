package org.rabt.config.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.rabt.config.HubProperties;
import org.rabt.config.exchange.ExchangeProperties;
import org.rabt.routes.intake.AmqpSenderThrottle;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.security.pki.HubPki;
import org.rabt.security.pki.SectorTrust;
import org.springframework.beans.factory.ObjectProvider;
import org.rabt.security.pki.TlsKeyStores;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.artemis.autoconfigure.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The broker's door for sector systems that send over AMQP: an AMQP 1.0 acceptor with TLS and a
 * required client certificate (the exchange port's server certificate and trusted CAs), security on
 * (see {@link SectorBrokerSecurity}). The senders' inbound and replies queues are in {@link BrokerSettings};
 * how fast the hub takes their cards, in {@link AmqpSenderRateLimit}.
 */
@Configuration(proxyBeanMethods = false)
public class AmqpConfiguration {

    /** The port actually bound (0 in the properties picks one): read by tests and the docs' examples. */
    public record AmqpPort(int port) {
    }

    @Bean
    AmqpPort amqpPort(AmqpProperties amqp) {
        return new AmqpPort(amqp.port() == 0 ? freePort() : amqp.port());
    }

    /** Each AMQP sector gets the rate a client certificate has on the exchange port. */
    @Bean
    AmqpSenderThrottle amqpSenderThrottle(AmqpProperties amqp, ExchangeProperties exchange, MeterRegistry registry) {
        ExchangeProperties.RateLimit rate = exchange.rateLimit();
        return rate.cardsPerSecond() > 0
                ? new AmqpSenderRateLimit(amqp.sectors(), rate.cardsPerSecond(), rate.burst(), registry)
                : AmqpSenderThrottle.NONE;
    }

    @Bean
    ArtemisConfigurationCustomizer amqpAcceptor(AmqpProperties amqp, AmqpPort port, HubPki pki, HubProperties hub,
            SectorTrust trust) {
        return configuration -> {
            configuration.setSecurityEnabled(true);
            // every login asks SectorBrokerSecurity again, so a revoked certificate is refused at the next one
            configuration.setAuthenticationCacheSize(0);
            if (!amqp.enabled()) {
                return;
            }
            String password = UUID.randomUUID().toString();
            Path dir = hub.dataDir().resolve("pki").resolve("amqp");
            Path keyStore = write(dir.resolve("keystore.p12"), TlsKeyStores.keyStore(pki.exchangeKeyMaterial(),
                    password.toCharArray()), password);
            Path trustStore = write(dir.resolve("truststore.p12"), TlsKeyStores.trustStore(trust.issuers()),
                    password);
            try {
                configuration.addAcceptorConfiguration("amqp", "tcp://" + amqp.address() + ":" + port.port()
                        + "?protocols=AMQP;sslEnabled=true;needClientAuth=true"
                        + ";keyStoreType=PKCS12;keyStorePath=" + keyStore + ";keyStorePassword=" + password
                        + ";trustStoreType=PKCS12;trustStorePath=" + trustStore + ";trustStorePassword=" + password
                        + ";enabledProtocols=TLSv1.2,TLSv1.3");
            } catch (Exception e) {
                throw new IllegalStateException("cannot configure the AMQP acceptor", e);
            }
        };
    }

    /**
     * Security is on: the hub (in-VM) may do anything, sector systems only their own queues. The
     * settings are read when the broker is created, not when this post-processor is: binding them
     * earlier would drag the property converters into the post-processor phase (a page of warnings
     * at every start).
     */
    @Bean
    static BeanPostProcessor brokerSecurity(ObjectProvider<AmqpProperties> amqp, ObjectProvider<SectorTrust> trust) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof EmbeddedActiveMQ broker) {
                    Set<String> known = new HashSet<>();
                    for (SectorId sector : EnumSet.complementOf(EnumSet.of(SectorId.CENTRE))) {
                        known.add(sector.code());
                    }
                    broker.setSecurityManager(new SectorBrokerSecurity(known, Set.copyOf(amqp.getObject().sectors()),
                            certificate -> trust.getObject().revocations().isRevoked(certificate)));
                }
                return bean;
            }
        };
    }

    /** The key stores exist for this run only, with a password that never leaves memory. */
    private static Path write(Path file, KeyStore store, String password) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the data directory's permissions protect it
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password.toCharArray());
            }
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
