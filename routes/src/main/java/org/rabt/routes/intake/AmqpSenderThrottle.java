package org.rabt.routes.intake;

import org.rabt.mappings.cpm.SectorId;

/**
 * Holds an AMQP intake route back until its sector may hand the hub another card. Over AMQP a card
 * is already durable in the broker when the hub sees it, so a flooding sender is slowed by the hub
 * consuming its address more slowly, not by refusals it would only send again.
 */
@FunctionalInterface
public interface AmqpSenderThrottle {

    /** No limit. */
    AmqpSenderThrottle NONE = sector -> { };

    /**
     * Returns when {@code sector}'s next card may be taken. Throws (and the broker keeps the card
     * for a later delivery) if that would take longer than the throttle is prepared to wait.
     */
    void awaitTurn(SectorId sector) throws InterruptedException;
}
