package org.rabt.routes.dispatch;

import java.net.URI;
import java.util.Map;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.FilterDefinition;
import org.rabt.connectors.DeliverySettings;
import org.rabt.connectors.SectorQueues;
import org.rabt.connectors.http.HttpDelivery;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.routes.Endpoints;
import org.rabt.routes.RouteIds;

/**
 * One delivery route per sector the hub can deliver to: its persistent queue -> the sector's
 * format -> signed -> POST to its delivery URL. The queue session is transacted: a failure rolls
 * the message back and the broker redelivers it after a growing delay (bounded), then moves it to
 * the sector's dead-letter queue; a kill -9 mid-delivery leaves it on the queue.
 */
public final class DispatchRoutes extends RouteBuilder {


    private final CardDelivery delivery;
    private final Map<SectorId, URI> deliveryUrls;
    private final Map<SectorId, Integer> consumers;
    private final Map<SectorId, Processor> transports;
    private final DeliverySettings settings;

    /**
     * @param transports how a sector that is not reached by a plain HTTP POST receives its cards
     *                   (health: resources created on its FHIR server); the processor sends the
     *                   prepared message and sets {@code CamelHttpResponseCode}
     */
    public DispatchRoutes(CardDelivery delivery, Map<SectorId, URI> deliveryUrls, Map<SectorId, Integer> consumers,
            Map<SectorId, Processor> transports, DeliverySettings settings) {
        this.delivery = delivery;
        this.deliveryUrls = Map.copyOf(deliveryUrls);
        this.consumers = Map.copyOf(consumers);
        this.transports = Map.copyOf(transports);
        this.settings = settings;
    }

    @Override
    public void configure() {
        deliveryUrls.forEach(this::deliveryRoute);
        centreRoute();
    }

    /** Cards addressed to the centre land in the hub's own case record: received as soon as taken off the queue. */
    private void centreRoute() {
        from("jms:queue:" + SectorQueues.outbound(SectorId.CENTRE) + Endpoints.LISTENER
                + "&concurrentConsumers=2&maxConcurrentConsumers=2")
                .routeId(RouteIds.CENTRE_RECEIVE)
                .process(delivery::receivedByCentre);
    }

    private void deliveryRoute(SectorId sector, URI deliveryUrl) {
        int concurrency = consumers.getOrDefault(sector, 4);
        log.info("cards for {} go to {} ({} at a time); a failing card is retried for up to {} min before it is "
                + "dead-lettered", sector.code(), deliveryUrl, concurrency, settings.retryWindow().toMinutes());
        FilterDefinition toReceiver = from("jms:queue:" + SectorQueues.outbound(sector) + Endpoints.LISTENER
                + "&concurrentConsumers=" + concurrency + "&maxConcurrentConsumers=" + concurrency
                // each failed attempt is recorded in the card's history and logged once by CardDelivery
                + "&errorHandlerLoggingLevel=DEBUG&errorHandlerLogStackTrace=false")
                .routeId(RouteIds.deliver(sector))
                .onException(Exception.class)
                    .onWhen(exchange -> !CardDelivery.isRetryable(
                            exchange.getProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT, Throwable.class)))
                    .handled(true)
                    .logExhausted(false)
                    .process(delivery::refused)
                    // on the listener's own session, so the move to the dead-letter queue and the
                    // acknowledgement commit together
                    .to("jms:queue:" + SectorQueues.deadLetters(sector) + "?transacted=true&exchangePattern=InOnly"
                            + "&connectionFactory=#" + Endpoints.CONSUMER_CONNECTION_FACTORY)
                .end()
                .onException(Exception.class)
                    // not handled: the exception rolls the session back and the broker schedules the retry
                    .handled(false)
                    .logExhausted(false)
                    .logStackTrace(false)
                    .process(delivery::attemptFailed)
                .end()
                .process(delivery::prepare)
                .filter(exchangeProperty(CardDelivery.ALREADY_DELIVERED).isNotEqualTo(true));
        if (transports.containsKey(sector)) {
            toReceiver.process(transports.get(sector));
        } else {
            toReceiver.to(HttpDelivery.endpointUri(deliveryUrl, settings));
        }
        toReceiver.process(delivery::delivered).end();
    }
}
