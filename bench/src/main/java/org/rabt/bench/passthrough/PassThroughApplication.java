package org.rabt.bench.passthrough;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.rabt.connectors.DeliverySettings;
import org.rabt.connectors.exchange.ExchangeConnector;
import org.rabt.connectors.http.DeliveryHttpClientConfigurer;
import org.rabt.connectors.http.HttpDelivery;
import org.rabt.security.pki.HubPki;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.artemis.autoconfigure.ArtemisConfigurationCustomizer;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The raw baseline: the thinnest route this stack allows between the same client and the same
 * receiver — the hub's own mutual-TLS exchange connector, Camel's platform-http, a persistent queue
 * on an embedded Artemis with the same journal settings, and the hub's HTTP delivery endpoint —
 * with no signature verification, no mapping and no database. What the hub adds is measured
 * against this.
 */
@SpringBootApplication
public class PassThroughApplication {

    static final String QUEUE = "bench.passthrough";

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(PassThroughApplication.class);
        application.setDefaultProperties(Map.of(
                "spring.main.banner-mode", "off",
                "server.address", "127.0.0.1",
                "spring.artemis.mode", "embedded",
                "spring.artemis.embedded.persistent", "true",
                "spring.artemis.embedded.data-directory", "${rabt.data-dir}/broker",
                "spring.jms.cache.session-cache-size", "16",
                "management.endpoints.web.exposure.include", "health,prometheus",
                "logging.level.org.apache.activemq.audit", "WARN",
                "camel.main.name", "rabt-passthrough"));
        application.run(args);
    }

    @Bean
    HubPki hubPki(@Value("${rabt.pki-dir}") Path pkiDir) {
        return HubPki.loadOrCreate(pkiDir, List.of("health"), List.of());
    }

    @Bean
    ExchangeConnector exchangeConnector(@Value("${rabt.exchange.port}") int port, HubPki pki) {
        return new ExchangeConnector(port, "127.0.0.1", pki);
    }

    @Bean(HttpDelivery.HTTP_CLIENT_CONFIGURER_BEAN)
    DeliveryHttpClientConfigurer deliveryHttpClient() {
        return new DeliveryHttpClientConfigurer();
    }

    @Bean
    ArtemisConfigurationCustomizer passThroughQueue() {
        return configuration -> {
            configuration.setJournalSyncTransactional(true);
            configuration.setJournalSyncNonTransactional(true);
            configuration.addQueueConfiguration(QueueConfiguration.of(QUEUE).setAddress(QUEUE)
                    .setRoutingType(RoutingType.ANYCAST).setDurable(true));
        };
    }

    @Bean
    RouteBuilder passThroughRoutes(@Value("${rabt.delivery-url}") URI deliveryUrl, @Value("${rabt.consumers:4}") int consumers) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("platform-http:/exchange/v1/{sector}/cards?httpMethodRestrict=POST").routeId("passthrough-intake")
                        .process(PassThroughApplication::toQueueMessage)
                        .to("jms:queue:" + QUEUE + "?exchangePattern=InOnly&deliveryPersistent=true")
                        .process(PassThroughApplication::accepted);

                from("jms:queue:" + QUEUE + "?transacted=true&lazyCreateTransactionManager=false"
                        + "&cacheLevelName=CACHE_CONSUMER&concurrentConsumers="
                        + consumers + "&maxConcurrentConsumers=" + consumers)
                        .routeId("passthrough-deliver")
                        .process(PassThroughApplication::toDelivery)
                        .to(HttpDelivery.endpointUri(deliveryUrl, DeliverySettings.defaults()));
            }
        };
    }

    private static void toQueueMessage(Exchange exchange) {
        Message message = exchange.getIn();
        String cardId = message.getHeader("Rabt-Card-Id", String.class);
        byte[] body = message.getBody(byte[].class);
        message.removeHeaders("*");
        message.setHeader("RabtCardId", cardId);
        message.setBody(body);
    }

    private static void accepted(Exchange exchange) {
        Message message = exchange.getMessage();
        String cardId = message.getHeader("RabtCardId", String.class);
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 202);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody("{\"cardId\":\"" + cardId + "\",\"status\":\"accepted\"}");
    }

    private static void toDelivery(Exchange exchange) {
        Message message = exchange.getIn();
        String cardId = message.getHeader("RabtCardId", String.class);
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_METHOD, "POST");
        message.setHeader(Exchange.CONTENT_TYPE, "application/fhir+json");
        message.setHeader("Rabt-Card-Id", cardId);
    }
}
