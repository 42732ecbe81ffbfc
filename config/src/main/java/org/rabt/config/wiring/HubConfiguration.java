package org.rabt.config.wiring;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.rabt.caserecord.cards.CardStore;
import org.rabt.caserecord.children.ChildPseudonyms;
import org.rabt.config.HubProperties;
import org.rabt.config.broker.BrokerQueues;
import org.rabt.config.broker.QueueMetrics;
import org.rabt.config.broker.QueuesEndpoint;
import org.rabt.config.exchange.ExchangeConnector;
import org.rabt.config.exchange.ExchangePortFilter;
import org.rabt.config.exchange.ExchangeProperties;
import org.rabt.connectors.SectorSettings;
import org.rabt.connectors.exchange.ExchangeRequests;
import org.rabt.connectors.http.DeliveryHttpClientConfigurer;
import org.rabt.connectors.http.HttpDelivery;
import org.rabt.mappings.cpm.CpmSchema;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.health.FhirBundleValidator;
import org.rabt.mappings.health.FhirReferralMapper;
import org.rabt.mappings.justice.JusticeXmlMapper;
import org.rabt.routes.dispatch.CardDelivery;
import org.rabt.routes.dispatch.DispatchRoutes;
import org.rabt.routes.dispatch.DispatchSweep;
import org.rabt.routes.dispatch.OutboundFormat;
import org.rabt.routes.dispatch.SweepRoute;
import org.rabt.routes.exchange.ExchangeApiRoute;
import org.rabt.routes.exchange.ExchangeResponses;
import org.rabt.routes.exchange.Problems;
import org.rabt.routes.intake.CardIntake;
import org.rabt.routes.intake.EnqueueRoute;
import org.rabt.routes.intake.InboundFormat;
import org.rabt.routes.intake.IntakeRoute;
import org.rabt.security.pki.HubPki;
import org.rabt.security.pki.TlsKeyStores;
import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.rabt.security.pseudonym.PseudonymKeys;
import org.rabt.security.pseudonym.Pseudonymiser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.artemis.autoconfigure.ArtemisConfigurationCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * Wires the modules into the hub: the PKI and the exchange port, the mappers of each sector,
 * the case record, and the Camel routes that carry cards between them.
 */
@Configuration(proxyBeanMethods = false)
public class HubConfiguration {

    /** The sector systems outside the hub; {@code centre} is the hub's own case record. */
    static final Set<SectorId> EXTERNAL_SECTORS = EnumSet.complementOf(EnumSet.of(SectorId.CENTRE));

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    // --- security --------------------------------------------------------------------------

    @Bean
    HubPki hubPki(HubProperties hub, ExchangeProperties exchange) {
        return HubPki.loadOrCreate(hub.pkiDir(), codes(EXTERNAL_SECTORS), exchange.hostnames());
    }

    @Bean
    ChildPseudonyms childPseudonyms(HubProperties hub) {
        return new ChildPseudonyms(new Pseudonymiser(PseudonymKeys.loadOrCreate(hub.keysDir().resolve("pseudonym.key"))));
    }

    // --- the exchange port -------------------------------------------------------------------

    @Bean
    ExchangeConnector exchangeConnector(ExchangeProperties properties, HubPki pki) {
        return new ExchangeConnector(properties, pki);
    }

    @Bean
    FilterRegistrationBean<ExchangePortFilter> exchangePortFilter(ExchangeConnector connector) {
        FilterRegistrationBean<ExchangePortFilter> registration = new FilterRegistrationBean<>(new ExchangePortFilter(connector));
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

    @Bean
    FhirBundleValidator fhirBundleValidator() {
        return new FhirBundleValidator(FhirContext.forR4Cached());
    }

    @Bean
    FhirReferralMapper fhirReferralMapper(FhirBundleValidator validator) {
        return new FhirReferralMapper(FhirContext.forR4Cached(), validator);
    }

    @Bean
    JusticeXmlMapper justiceXmlMapper() {
        return new JusticeXmlMapper();
    }

    // --- case record -------------------------------------------------------------------------

    @Bean
    CardStore cardStore(DataSource dataSource, TransactionTemplate transactions) {
        return new CardStore(JdbcClient.create(dataSource), transactions);
    }

    // --- routes ------------------------------------------------------------------------------

    @Bean
    CardIntake cardIntake(SignatureChecks signatures, FhirReferralMapper health, ChildPseudonyms pseudonyms,
            CpmSchema schema, CardStore store, Clock clock) {
        Map<SectorId, InboundFormat> formats = new EnumMap<>(SectorId.class);
        formats.put(SectorId.HEALTH, health::toCpm);
        return new CardIntake(signatures, formats, pseudonyms, schema, store, clock);
    }

    @Bean
    CardDelivery cardDelivery(CardStore store, JusticeXmlMapper justice, HubSigning signer,
            DeliveryProperties delivery, Clock clock) {
        return new CardDelivery(store, outboundFormats(justice), signer, delivery.settings(), clock);
    }

    @Bean
    ExchangeResponses exchangeResponses(ExchangeRequests requests, CardStore store, SectorsProperties sectors,
            JusticeXmlMapper justice) {
        return new ExchangeResponses(requests, store, deliveryUrls(sectors, justice).keySet());
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
    Problems problems() {
        return new Problems();
    }

    @Bean
    ExchangeApiRoute exchangeApiRoute(ExchangeRequests requests, ExchangeResponses responses, Problems problems) {
        return new ExchangeApiRoute(requests, responses, problems);
    }

    @Bean
    IntakeRoute intakeRoute(CardIntake intake) {
        return new IntakeRoute(intake);
    }

    @Bean
    EnqueueRoute enqueueRoute() {
        return new EnqueueRoute();
    }

    @Bean
    DispatchRoutes dispatchRoutes(CardDelivery delivery, SectorsProperties sectors, DeliveryProperties deliveryProperties,
            JusticeXmlMapper justice) {
        Map<SectorId, Integer> consumers = new EnumMap<>(SectorId.class);
        sectors.all().forEach((sector, settings) -> consumers.put(sector, settings.consumersOrDefault()));
        return new DispatchRoutes(delivery, deliveryUrls(sectors, justice), consumers, deliveryProperties.settings());
    }

    @Bean
    SweepRoute sweepRoute(CardStore store) {
        return new SweepRoute(new DispatchSweep(store));
    }

    // --- broker visibility -------------------------------------------------------------------

    @Bean
    BrokerQueues brokerQueues(ObjectProvider<EmbeddedActiveMQ> embedded) {
        return new BrokerQueues(embedded);
    }

    @Bean
    QueueMetrics queueMetrics(BrokerQueues queues) {
        return new QueueMetrics(queues);
    }

    @Bean
    QueuesEndpoint queuesEndpoint(BrokerQueues queues) {
        return new QueuesEndpoint(queues);
    }

    // -----------------------------------------------------------------------------------------

    /** The sectors the hub can write to today, by their format. */
    private static Map<SectorId, OutboundFormat> outboundFormats(JusticeXmlMapper justice) {
        Map<SectorId, OutboundFormat> formats = new EnumMap<>(SectorId.class);
        formats.put(SectorId.JUSTICE, new OutboundFormat() {
            @Override
            public String mediaType() {
                return "application/xml";
            }

            @Override
            public byte[] render(org.rabt.mappings.cpm.ChildProtectionMessage cpm) {
                return justice.toXml(cpm);
            }
        });
        return formats;
    }

    /** Sectors with both an outbound format and a configured delivery URL get a delivery route. */
    private static Map<SectorId, URI> deliveryUrls(SectorsProperties sectors, JusticeXmlMapper justice) {
        Map<SectorId, OutboundFormat> formats = outboundFormats(justice);
        Map<SectorId, URI> urls = new EnumMap<>(SectorId.class);
        sectors.all().forEach((sector, settings) -> {
            if (settings.deliveryUrl() != null && formats.containsKey(sector)) {
                urls.put(sector, settings.deliveryUrl());
            }
        });
        return urls;
    }

    private static List<String> codes(Set<SectorId> sectors) {
        return sectors.stream().map(SectorId::code).sorted().collect(Collectors.toList());
    }
}
