package org.rabt.routes.dispatch;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.rabt.routes.Endpoints;
import org.rabt.routes.RouteIds;

/** Runs the start-up sweep once, shortly after the routes start. */
public final class SweepRoute extends RouteBuilder {

    private final DispatchSweep sweep;

    public SweepRoute(DispatchSweep sweep) {
        this.sweep = sweep;
    }

    @Override
    public void configure() {
        from("timer:" + RouteIds.SWEEP + "?repeatCount=1&delay=1000").routeId(RouteIds.SWEEP)
                .bean(sweep, "pendingEntries")
                .split(body()).streaming()
                    .to(Endpoints.ENQUEUE)
                .end()
                .log(LoggingLevel.INFO, "start-up sweep finished: every pending card is on its queue");
    }
}
