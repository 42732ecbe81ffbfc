package org.rabt.routes.dispatch;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.rabt.caserecord.cards.CardStore;
import org.rabt.caserecord.cards.PendingDelivery;
import org.rabt.routes.intake.QueueEntry;

/**
 * At start-up, queues again every card not yet delivered. A crash between storing a card and
 * queuing it would otherwise leave it stranded; cards that are already queued are dropped by the
 * broker's duplicate detection, so the sweep never doubles a delivery.
 */
public final class DispatchSweep {

    private static final int PAGE = 500;

    private final CardStore store;

    public DispatchSweep(CardStore store) {
        this.store = store;
    }

    /** The pending cards, read page by page as the route walks them. */
    public Iterator<QueueEntry> pendingEntries() {
        return new Iterator<>() {
            private List<PendingDelivery> page = store.pendingDeliveries(null, PAGE);
            private int next;

            @Override
            public boolean hasNext() {
                if (next < page.size()) {
                    return true;
                }
                if (page.size() < PAGE) {
                    return false;
                }
                page = new ArrayList<>(store.pendingDeliveries(page.get(page.size() - 1), PAGE));
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
