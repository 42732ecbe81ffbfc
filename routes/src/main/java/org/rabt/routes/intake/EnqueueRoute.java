package org.rabt.routes.intake;

import java.util.UUID;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.rabt.routes.Endpoints;
import org.rabt.routes.RouteIds;

/**
 * Puts a card on its receiver's persistent queue, then notes (in batches, {@link QueuedMarks})
 * that it is there. The send returns once the broker has synced it to its journal. The broker's duplicate
 * detection ({@code _AMQ_DUPL_ID} = card id) makes queuing the same card twice harmless, which is
 * what lets a resend or the sweep queue a card whose first queuing is in doubt.
 *
 * <p>Callers {@code enrich} with {@link #KEEP_CALLER}: this route works on a copy of their
 * exchange, so the caller's body and headers stay as they were.
 */
public final class EnqueueRoute extends RouteBuilder {

    /** Artemis's duplicate-detection property (Message.HDR_DUPLICATE_DETECTION_ID). */
    static final String DUPLICATE_ID = "_AMQ_DUPL_ID";
    public static final String CARD_ID_HEADER = "RabtCardId";
    private static final String QUEUE = "RabtQueue";

    /** Keeps the caller's exchange; a failure to queue still fails the caller. */
    public static final AggregationStrategy KEEP_CALLER = (caller, enqueued) -> {
        if (enqueued != null && enqueued.getException() != null) {
            caller.setException(enqueued.getException());
        }
        return caller;
    };

    private final QueuedMarks marks;

    public EnqueueRoute(QueuedMarks marks) {
        this.marks = marks;
    }

    @Override
    public void configure() {
        errorHandler(noErrorHandler());

        from(Endpoints.ENQUEUE).routeId(RouteIds.ENQUEUE)
                .process(EnqueueRoute::toQueueMessage)
                .toD("jms:queue:${exchangeProperty." + QUEUE + "}?exchangePattern=InOnly&deliveryPersistent=true")
                .process(exchange -> marks.add(UUID.fromString(exchange.getIn().getHeader(CARD_ID_HEADER, String.class))));

        from("timer:" + RouteIds.MARK_QUEUED + "?period=200").routeId(RouteIds.MARK_QUEUED)
                .process(exchange -> marks.flush());
    }

    private static void toQueueMessage(Exchange exchange) {
        Object body = exchange.getIn().getBody();
        QueueEntry entry = body instanceof AcceptedCard accepted ? accepted.queueEntry() : (QueueEntry) body;
        exchange.setProperty(QUEUE, entry.queue());
        Message message = exchange.getIn();
        // Nothing of the caller (HTTP headers, ...) may reach the broker.
        message.removeHeaders("*");
        message.setHeader(DUPLICATE_ID, entry.cardId().toString());
        message.setHeader(CARD_ID_HEADER, entry.cardId().toString());
        message.setBody(entry.cardId().toString());
    }
}
