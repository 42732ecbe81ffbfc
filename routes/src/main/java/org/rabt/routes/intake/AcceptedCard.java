package org.rabt.routes.intake;

import org.rabt.caserecord.cards.CardRecord;

/**
 * A card the hub holds durably.
 *
 * @param replay     whether it was stored by an earlier send (the answer repeats the first one)
 * @param needsQueue whether it must (still) be put on its receiver's queue
 */
public record AcceptedCard(CardRecord card, boolean replay, boolean needsQueue) {

    public QueueEntry queueEntry() {
        return new QueueEntry(card.id(), card.receiver());
    }
}
