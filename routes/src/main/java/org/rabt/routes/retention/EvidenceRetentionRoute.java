package org.rabt.routes.retention;

import java.time.Clock;
import java.time.Duration;
import org.apache.camel.builder.RouteBuilder;
import org.rabt.caserecord.cards.CardStore;
import org.rabt.routes.cluster.SingleNode;

/**
 * The retention policy for evidence: every hour, the signed original bytes of cards received
 * more than {@code keep} ago and no longer on their way are deleted, a thousand at a time. The
 * cards, their history and the audit chain stay (an entry holds only the payload's SHA-256), and
 * each purge is an audit entry.
 */
public final class EvidenceRetentionRoute extends RouteBuilder {

    public static final String ROUTE_ID = "evidence-retention";

    private final CardStore store;
    private final Duration keep;
    private final Clock clock;

    public EvidenceRetentionRoute(CardStore store, Duration keep, Clock clock) {
        this.store = store;
        this.keep = keep;
        this.clock = clock;
    }

    @Override
    public void configure() {
        from("timer:" + ROUTE_ID + "?period=3600000&delay=60000")
                .routeId(ROUTE_ID)
                .routePolicyRef(SingleNode.POLICY)
                .process(exchange -> purge());
    }

    public int purge() {
        int total = 0;
        int purged;
        do {
            purged = store.purgeEvidence(clock.instant().minus(keep), clock.instant(), 1_000);
            total += purged;
        } while (purged > 0);
        if (total > 0) {
            log.info("retention: purged the evidence of {} cards received before {}", total, clock.instant().minus(keep));
        }
        return total;
    }
}
