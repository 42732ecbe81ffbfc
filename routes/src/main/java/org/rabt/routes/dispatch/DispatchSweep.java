package org.rabt.routes.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.rabt.caserecord.cards.CardStore;
import org.rabt.caserecord.cards.PendingDelivery;
import org.rabt.routes.intake.QueueEntry;

/**
 * Finds the cards stored but not known to be on their receiver's queue: a crash, or a broker
 * error, between storing a card and queuing it. They are queued again; if one was in fact queued,
 * the broker's duplicate detection drops the second entry, so the sweep never doubles a delivery.
 */
public final class DispatchSweep {

    private static final int PAGE = 500;

    private final CardStore store;
    private final Clock clock;
    private final Duration minimumAge;

    /** @param minimumAge younger cards are left to the intake that is storing them right now */
    public DispatchSweep(CardStore store, Clock clock, Duration minimumAge) {
        this.store = store;
        this.clock = clock;
        this.minimumAge = minimumAge;
    }

    /** The stranded cards, read page by page as the route walks them. */
    public Iterator<QueueEntry> strandedEntries() {
        Instant before = clock.instant().minus(minimumAge);
        return new Iterator<>() {
            private List<PendingDelivery> page = store.unqueued(before, null, PAGE);
            private int next;

            @Override
            public boolean hasNext() {
                if (next < page.size()) {
                    return true;
                }
                if (page.size() < PAGE) {
                    return false;
                }
                page = store.unqueued(before, page.get(page.size() - 1), PAGE);
                next = 0;
                return !page.isEmpty();
            }

            @Override
            public QueueEntry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                PendingDelivery pending = page.get(next++);
                return new QueueEntry(pending.cardId(), pending.receiver());
            }
        };
    }
}
