package org.rabt.config.wiring;

import java.net.URI;
import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import ca.uhn.fhir.context.FhirContext;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.rabt.connectors.health.FhirTransactionDelivery;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.rabt.routes.Endpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.connection.CachingConnectionFactory;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.rabt.caserecord.attachments.AttachmentStore;
import org.rabt.caserecord.cards.CardStore;
import org.rabt.routes.attachments.AttachmentIntake;
import org.rabt.caserecord.cards.DeliveryStatus;
import org.rabt.caserecord.audit.AuditStore;
import org.rabt.caserecord.children.ChildPseudonyms;
import org.rabt.config.HubProperties;
import org.rabt.config.exchange.ClientRateLimiter;
import org.rabt.config.exchange.ExchangePortFilter;
import org.rabt.config.exchange.ExchangeProperties;
import org.rabt.connectors.SectorQueues;
import org.rabt.connectors.exchange.ExchangeConnector;
import org.rabt.connectors.exchange.ExchangeRequests;
import org.rabt.connectors.http.DeliveryHttpClientConfigurer;
import org.rabt.connectors.http.HttpDelivery;
import org.rabt.mappings.cpm.CpmSchema;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.routes.FormatRegistry;
import org.rabt.routes.dispatch.CardDelivery;
import org.rabt.routes.dispatch.DispatchRoutes;
import org.rabt.routes.dispatch.DispatchSweep;
import org.rabt.routes.dispatch.SweepRoute;
import org.rabt.routes.exchange.ExchangeApiRoute;
import org.rabt.routes.exchange.ExchangeResponses;
import org.rabt.routes.exchange.Problems;
import org.rabt.routes.intake.CardIntake;
import org.rabt.routes.intake.EnqueueRoute;
import org.rabt.routes.intake.IntakeRoute;
import org.rabt.routes.intake.QueuedMarks;
import org.rabt.routes.intake.AmqpIntakeRoute;
import org.rabt.routes.intake.AmqpSenderThrottle;
import org.rabt.security.envelope.CardEnvelope;
import org.rabt.config.broker.AmqpProperties;
import org.rabt.routes.status.StatusReports;
import org.rabt.security.pki.HubPki;
import org.rabt.security.pki.SectorTrust;
import org.rabt.security.pki.SectorIdentity;
import org.rabt.security.SecurityError;
import org.rabt.security.SecurityViolation;
import org.rabt.security.pki.TlsKeyStores;
import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.rabt.security.atrest.DataKeys;
import org.rabt.security.atrest.FieldCipher;
import org.rabt.security.pseudonym.PseudonymKeys;
import org.rabt.security.pseudonym.Pseudonymiser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wires the modules into the hub: the PKI and the exchange port, the mappers of each sector,
 * the case record, and the Camel routes that carry cards between them.
 */
@Configuration(proxyBeanMethods = false)
public class HubConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(HubConfiguration.class);

    /** The sector systems outside the hub; {@code centre} is the hub's own case record. */
    static final Set<SectorId> EXTERNAL_SECTORS = EnumSet.complementOf(EnumSet.of(SectorId.CENTRE));

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    // --- security --------------------------------------------------------------------------

    @Bean
    HubPki hubPki(HubProperties hub, ExchangeProperties exchange) {
        return FirstStartLock.whileHeld(hub.dataDir(),
                () -> HubPki.loadOrCreate(hub.pkiDir(), codes(EXTERNAL_SECTORS), exchange.hostnames()));
    }

    @Bean
    ChildPseudonyms childPseudonyms(HubProperties hub) {
        return new ChildPseudonyms(new Pseudonymiser(FirstStartLock.whileHeld(hub.dataDir(),
                () -> PseudonymKeys.loadOrCreate(hub.keysDir().resolve("pseudonym.key")))));
    }

    // --- the exchange port -------------------------------------------------------------------

    @Bean
    ExchangeConnector exchangeConnector(ExchangeProperties properties, HubPki pki, SectorTrust trust,
            ObjectProvider<AuditStore> audit, Clock clock) {
        // the audit store is looked up at the refusal, not now: the exchange port is built before the database
        return new ExchangeConnector(properties.port(), properties.address(), pki, trust.trustManager(revoked -> {
            AuditStore store = audit.getIfAvailable();
            if (store != null) {
                store.record(clock.instant(), revoked.getSubjectX500Principal().getName(), "sector", "tls-refused",
                        sectorOrNull(revoked), null, "failure", SecurityError.CERTIFICATE_REVOKED.code(), null,
                        "exchange port handshake: certificate serial " + revoked.getSerialNumber().toString(16) + " is revoked");
            }
        }));
    }

    @Bean
    FilterRegistrationBean<ExchangePortFilter> exchangePortFilter(ExchangeConnector connector,
            ObjectProvider<CamelContext> camel, ExchangeProperties properties, ObjectProvider<Problems> problems) {
        ExchangeProperties.RateLimit rateLimit = properties.rateLimit();
        ClientRateLimiter limiter = rateLimit.cardsPerSecond() > 0
                ? new ClientRateLimiter(rateLimit.cardsPerSecond(), rateLimit.burst()) : ClientRateLimiter.OFF;
        ExchangePortFilter filter = new ExchangePortFilter(connector, () -> {
            CamelContext context = camel.getIfAvailable();
            return context != null && context.isStarted();
        }, properties.maxBodyBytes(), properties.maxBatchBytes(), limiter, problems::getObject);
        FilterRegistrationBean<ExchangePortFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    ExchangeRequests exchangeRequests(ExchangeProperties properties) {
        return new ExchangeRequests(EXTERNAL_SECTORS, properties.maxBodyBytes());
    }

    // --- mappings ----------------------------------------------------------------------------

    @Bean
    CpmSchema cpmSchema() {
        return new CpmSchema();
    }

    // --- case record -------------------------------------------------------------------------

    @Bean
    DataKeys dataKeys(HubProperties hub, Clock clock) {
        return FirstStartLock.whileHeld(hub.dataDir(), () -> DataKeys.openOrCreate(hub.dataKeysDir(), clock));
    }

    @Bean
    FieldCipher fieldCipher(DataKeys keys) {
        return new FieldCipher(keys);
    }

    @Bean
    CardStore cardStore(DataSource dataSource, FieldCipher cipher) {
        return new CardStore(JdbcClient.create(dataSource), cipher);
    }

    // --- routes ------------------------------------------------------------------------------

    @Bean
    CardIntake cardIntake(SignatureChecks signatures, FormatRegistry formats, ChildPseudonyms pseudonyms,
            CpmSchema schema, CardStore store, Clock clock) {
        return new CardIntake(signatures, formats, pseudonyms, schema, store, clock);
    }

    @Bean
    CardDelivery cardDelivery(CardStore store, FormatRegistry formats, HubSigning signer,
            DeliveryProperties delivery, Clock clock, ChildPseudonyms pseudonyms) {
        return new CardDelivery(store, formats, signer, delivery.settings(), clock, pseudonyms);
    }

    @Bean
    ExchangeResponses exchangeResponses(ExchangeRequests requests, CardStore store, SectorsProperties sectors,
            FormatRegistry formats, ExchangeProperties exchange) {
        return new ExchangeResponses(requests, store, deliveryUrls(sectors, formats).keySet(), exchange.publicUrl());
    }

    @Bean(HttpDelivery.HTTP_CLIENT_CONFIGURER_BEAN)
    DeliveryHttpClientConfigurer deliveryHttpClient() {
        return new DeliveryHttpClientConfigurer();
    }

    /**
     * TLS for https delivery URLs: the hub presents its own certificate (issued by its CA) and
     * trusts its CA; a sector whose server certificate comes from another CA adds it here (later issue).
     */
    @Bean(HttpDelivery.TLS_PARAMETERS_BEAN)
    SSLContextParameters deliveryTls(HubPki pki) {
        char[] password = java.util.UUID.randomUUID().toString().toCharArray();
        KeyStoreParameters keyStore = new KeyStoreParameters();
        keyStore.setKeyStore(TlsKeyStores.keyStore(pki.hubSigner(), password));
        keyStore.setPassword(new String(password));
        KeyManagersParameters keys = new KeyManagersParameters();
        keys.setKeyStore(keyStore);
        keys.setKeyPassword(new String(password));
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setKeyStore(TlsKeyStores.trustStore(List.of(pki.caCertificate())));
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(trustStore);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setKeyManagers(keys);
        parameters.setTrustManagers(trust);
        return parameters;
    }

    @Bean
    Problems problems(AuditStore audit, Clock clock) {
        return new Problems((at, actor, sector, code, payloadSha256, where) -> audit.record(at, actor, "sector",
                "card-rejected", sector, null, "failure", code, payloadSha256, where), clock);
    }

    @Bean
    StatusReports statusReports(SignatureChecks signatures, FormatRegistry formats, CardStore store, Clock clock) {
        return new StatusReports(signatures, formats, store, clock);
    }

    @Bean
    ExchangeApiRoute exchangeApiRoute(ExchangeRequests requests, ExchangeResponses responses,
            StatusReports statusReports, Problems problems, AttachmentStore attachments, SignatureChecks signatures,
            Clock clock) {
        return new ExchangeApiRoute(requests, responses, statusReports, problems,
                new AttachmentIntake(signatures, attachments, clock));
    }

    @Bean
    AttachmentStore attachmentStore(DataSource dataSource, FieldCipher cipher) {
        return new AttachmentStore(JdbcClient.create(dataSource), cipher);
    }

    @Bean
    AmqpIntakeRoute amqpIntakeRoute(AmqpProperties amqp, Problems problems, HubPki pki, AmqpSenderThrottle throttle) {
        // sectors seal their AMQP cards for hub.pem, the exchange port's certificate
        // the current exchange key and the one its last renewal replaced, read again when a node renews it
        return new AmqpIntakeRoute(amqp.sectors(), problems, new CardEnvelope(pki::exchangeOpeners), throttle,
                // answers are sealed for the sector's registered certificate, read at each answer (renewals)
                sector -> pki.sectorCertificate(sector.code()));
    }

    @Bean
    IntakeRoute intakeRoute(CardIntake intake) {
        return new IntakeRoute(intake);
    }

    @Bean
    EnqueueRoute enqueueRoute(CardStore store, Clock clock) {
        return new EnqueueRoute(new QueuedMarks(store, clock));
    }

    @Bean
    DispatchRoutes dispatchRoutes(CardDelivery delivery, SectorsProperties sectors, DeliveryProperties deliveryProperties,
            FormatRegistry formats) {
        Map<SectorId, Processor> transports = new EnumMap<>(SectorId.class);
        URI health = sectors.of(SectorId.HEALTH).deliveryUrl();
        if (health != null) {
            FhirTransactionDelivery fhir = new FhirTransactionDelivery(FhirContext.forR4Cached(), deliveryProperties.settings());
            transports.put(SectorId.HEALTH, exchange -> {
                Message message = exchange.getIn();
                int status = fhir.deliver(health, message.getBody(byte[].class),
                        message.getHeader("Rabt-Card-Id", String.class), message.getHeader("Rabt-Signature", String.class));
                exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
            });
        }
        Map<SectorId, Integer> consumers = new EnumMap<>(SectorId.class);
        sectors.all().forEach((sector, settings) -> consumers.put(sector, settings.consumersOrDefault()));
        return new DispatchRoutes(delivery, deliveryUrls(sectors, formats), consumers, transports,
                deliveryProperties.settings());
    }

    @Bean
    SweepRoute sweepRoute(CardStore store, Clock clock) {
        return new SweepRoute(new DispatchSweep(store, clock, Duration.ofSeconds(10)), Duration.ofSeconds(30));
    }

    /**
     * Producers use Spring Boot's session-caching connection factory; the delivery listeners get
     * the broker's plain one (bound in Camel's registry only: a second ConnectionFactory bean would
     * switch off Spring Boot's own). With two in the registry, the JMS component is told which is
     * its default.
     */
    @Bean
    CamelContextConfiguration consumerConnectionFactory(ConnectionFactory connectionFactory) {
        ConnectionFactory plain = connectionFactory instanceof CachingConnectionFactory caching
                ? caching.getTargetConnectionFactory() : connectionFactory;
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
                camelContext.getComponent("jms", JmsComponent.class).setConnectionFactory(connectionFactory);
                camelContext.getRegistry().bind(Endpoints.CONSUMER_CONNECTION_FACTORY, plain);
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
                // nothing to do once started
            }
        };
    }

    // --- broker visibility: BrokerConfiguration (queue depths); the cards by status here ----

    /** {@code rabt_cards{status=...}}: cards by delivery status, e.g. to alert on dead letters. */
    @Bean
    MeterBinder cardMetrics(CardStore store) {
        return registry -> {
            for (DeliveryStatus status : DeliveryStatus.values()) {
                Gauge.builder("rabt.cards", store, s -> s.countByDeliveryStatus(status))
                        .description("cards by delivery status")
                        .tag("status", status.code())
                        .register(registry);
            }
        };
    }

    // -----------------------------------------------------------------------------------------

    /** Sectors with both an outbound format and a configured delivery URL get a delivery route. */
    private static Map<SectorId, URI> deliveryUrls(SectorsProperties sectors, FormatRegistry formats) {
        Map<SectorId, URI> urls = new EnumMap<>(SectorId.class);
        sectors.all().forEach((sector, settings) -> {
            if (settings.deliveryUrl() == null) {
                return;
            }
            if (formats.has(sector)) {
                urls.put(sector, settings.deliveryUrl());
            } else {
                LOG.warn("rabt.sectors.{}.delivery-url is set, but the hub cannot write {}'s format yet: "
                        + "its cards wait in {}", sector.code(), sector.code(), SectorQueues.outbound(sector));
            }
        });
        return urls;
    }

    private static String sectorOrNull(java.security.cert.X509Certificate certificate) {
        try {
            return SectorIdentity.sectorOf(certificate, Set.copyOf(codes(EXTERNAL_SECTORS)));
        } catch (SecurityViolation notASector) {
            return null;
        }
    }

    private static List<String> codes(Set<SectorId> sectors) {
        return sectors.stream().map(SectorId::code).sorted().collect(Collectors.toList());
    }
}
