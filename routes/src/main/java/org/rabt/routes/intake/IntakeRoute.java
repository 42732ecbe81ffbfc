package org.rabt.routes.intake;

import org.apache.camel.builder.RouteBuilder;
import org.rabt.connectors.exchange.InboundCard;
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
                // typed processors rather than .bean(): no reflective binding or type conversion per card
                .process(exchange -> exchange.getIn().setBody(intake.verify(exchange.getIn().getBody(InboundCard.class))))
                .process(exchange -> exchange.getIn().setBody(intake.map(exchange.getIn().getBody(InboundCard.class))))
                .process(exchange -> exchange.getIn().setBody(intake.admit(exchange.getIn().getBody(MappedCard.class))))
                .filter(exchange -> exchange.getIn().getBody(AcceptedCard.class).needsQueue())
                    .enrich(Endpoints.ENQUEUE, EnqueueRoute.KEEP_CALLER, true)
                .end();
    }
}
