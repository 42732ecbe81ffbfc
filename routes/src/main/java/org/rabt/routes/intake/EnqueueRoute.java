package org.rabt.routes.intake;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.rabt.routes.Endpoints;
import org.rabt.routes.RouteIds;

/**
 * Puts a card on its receiver's persistent queue. The send returns once the broker has synced
 * it to its journal. The broker's duplicate detection ({@code _AMQ_DUPL_ID} = card id) makes
 * queuing the same card twice harmless, which is what lets a resend or the start-up sweep queue
 * a card whose first queuing is in doubt.
 */
public final class EnqueueRoute extends RouteBuilder {

    /** Artemis's duplicate-detection property (Message.HDR_DUPLICATE_DETECTION_ID). */
    static final String DUPLICATE_ID = "_AMQ_DUPL_ID";
    public static final String CARD_ID_HEADER = "RabtCardId";
    private static final String CALLER_BODY = "RabtEnqueueCallerBody";

    @Override
    public void configure() {
        errorHandler(noErrorHandler());

        from(Endpoints.ENQUEUE).routeId(RouteIds.ENQUEUE)
                .setProperty(CALLER_BODY, body())
                .process(EnqueueRoute::toQueueMessage)
                .toD("jms:queue:${exchangeProperty.RabtQueue}?exchangePattern=InOnly&deliveryPersistent=true")
                .setBody(exchangeProperty(CALLER_BODY))
                .removeProperty(CALLER_BODY);
    }

    private static void toQueueMessage(Exchange exchange) {
        Object body = exchange.getIn().getBody();
        QueueEntry entry = body instanceof AcceptedCard accepted ? accepted.queueEntry() : (QueueEntry) body;
        exchange.setProperty("RabtQueue", entry.queue());
        Message message = exchange.getIn();
        // Nothing of the caller (HTTP headers, ...) may leak onto the broker.
        message.removeHeaders("*");
        message.setHeader(DUPLICATE_ID, entry.cardId().toString());
        message.setHeader(CARD_ID_HEADER, entry.cardId().toString());
        message.setBody(entry.cardId().toString());
    }
}
