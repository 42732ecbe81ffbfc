package org.rabt.routes.intake;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.rabt.caserecord.cards.CardStore;

/**
 * Notes in the case record which cards reached their queue, a few hundred at a time rather than
 * with one write per card. A mark lost in a crash costs nothing but a second queue entry that the
 * broker's duplicate detection drops: the sweep queues again any card not marked.
 */
public final class QueuedMarks {

    private static final int BATCH = 1_000;

    private final ConcurrentLinkedQueue<UUID> pending = new ConcurrentLinkedQueue<>();
    private final CardStore store;
    private final Clock clock;

    public QueuedMarks(CardStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public void add(UUID cardId) {
        pending.add(cardId);
    }

    /** Writes every mark gathered so far. */
    public void flush() {
        List<UUID> batch = new ArrayList<>();
        UUID next;
        while ((next = pending.poll()) != null) {
            batch.add(next);
            if (batch.size() == BATCH) {
                store.markQueued(batch, clock.instant());
                batch.clear();
            }
        }
        store.markQueued(batch, clock.instant());
    }
}
