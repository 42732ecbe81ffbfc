package org.rabt.routes.reports;

import java.time.Duration;
import org.apache.camel.builder.RouteBuilder;
import org.rabt.caserecord.reports.KeptFigures;

/**
 * Counts the figures of the closed periods a committee reads first ahead of it (last month, the
 * last half-year, last year, and the periods before them), then again only when an answer or a
 * merge has changed them: the first reader of last year's report finds it counted. On every node,
 * since each keeps its own figures.
 */
public final class KeptFiguresRoute extends RouteBuilder {

    public static final String ROUTE_ID = "reports-keep";

    private final KeptFigures figures;
    private final Duration every;
    private final Duration firstAfter;

    public KeptFiguresRoute(KeptFigures figures, Duration every, Duration firstAfter) {
        this.figures = figures;
        this.every = every;
        this.firstAfter = firstAfter;
    }

    @Override
    public void configure() {
        from("timer:" + ROUTE_ID + "?period=" + every.toMillis() + "&delay=" + firstAfter.toMillis())
                .routeId(ROUTE_ID)
                .process(exchange -> figures.refresh());
    }
}
