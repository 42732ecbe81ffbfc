package org.rabt.routes.dispatch;

import java.time.Duration;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.rabt.routes.Endpoints;
import org.rabt.routes.RouteIds;
import org.rabt.routes.cluster.SingleNode;

/** Runs the sweep shortly after start-up, then periodically, for as long as the hub runs. */
public final class SweepRoute extends RouteBuilder {

    private final DispatchSweep sweep;
    private final Duration period;

    public SweepRoute(DispatchSweep sweep, Duration period) {
        this.sweep = sweep;
        this.period = period;
    }

    @Override
    public void configure() {
        from("timer:" + RouteIds.SWEEP + "?delay=1000&period=" + period.toMillis()).routeId(RouteIds.SWEEP)
                .routePolicyRef(SingleNode.POLICY)
                .process(exchange -> exchange.getIn().setBody(sweep.strandedEntries()))
                .split(body()).streaming()
                    .to(Endpoints.ENQUEUE)
                    .log(LoggingLevel.WARN, "card ${body} was stored but not queued; queued it again")
                .end();
    }
}
