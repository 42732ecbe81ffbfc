package org.rabt.routes.intake;

import org.apache.camel.builder.RouteBuilder;
import org.rabt.routes.Endpoints;
import org.rabt.routes.RouteIds;

/**
 * Accepts one card whatever transport brought it: verify -> map -> pseudonymise -> persist ->
 * queue. Errors propagate to the transport's route, which answers the sender.
 */
public final class IntakeRoute extends RouteBuilder {

    private final CardIntake intake;

    public IntakeRoute(CardIntake intake) {
        this.intake = intake;
    }

    @Override
    public void configure() {
        // Errors go back to the transport route, which answers the sender; nothing to retry here.
        errorHandler(noErrorHandler());

        from(Endpoints.INTAKE).routeId(RouteIds.INTAKE)
                .bean(intake, "verify")
                .bean(intake, "map")
                .bean(intake, "admit")
                .filter(simple("${body.needsQueue}"))
                    .enrich(Endpoints.ENQUEUE, EnqueueRoute.KEEP_CALLER, true)
                .end();
    }
}
