package org.rabt.routes.caserecord;

import java.time.Clock;
import org.apache.camel.builder.RouteBuilder;
import org.rabt.caserecord.children.ChildMatcher;
import org.rabt.routes.cluster.SingleNode;

/**
 * Every two seconds, compares the children seen since the last pass with the others and puts
 * possible duplicates on the coordinators' review list ({@link ChildMatcher}). Apart from intake,
 * so a card is never slowed by it; a backlog (a large batch) is worked through 500 children at a
 * time until none is left.
 */
public final class ChildMatchingRoute extends RouteBuilder {

    public static final String ROUTE_ID = "case-record-matching";
    private static final int PER_PASS = 500;

    private final ChildMatcher matcher;
    private final Clock clock;

    public ChildMatchingRoute(ChildMatcher matcher, Clock clock) {
        this.matcher = matcher;
        this.clock = clock;
    }

    @Override
    public void configure() {
        from("timer:" + ROUTE_ID + "?period=2000&delay=2000")
                .routeId(ROUTE_ID)
                .routePolicyRef(SingleNode.POLICY)
                .process(exchange -> matchAll());
    }

    /** Compares every child waiting to be compared; returns how many pairs went to the review list. */
    public int matchAll() {
        int found = 0;
        ChildMatcher.Pass pass;
        do {
            pass = matcher.matchPending(clock.instant(), PER_PASS);
            found += pass.found();
        } while (pass.compared() == PER_PASS);
        if (found > 0) {
            log.info("case record: {} possible duplicates put on the review list", found);
        }
        return found;
    }
}
