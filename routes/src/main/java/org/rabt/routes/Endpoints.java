package org.rabt.routes;

/** Internal endpoints between routes. */
public final class Endpoints {

    /** Verify, map, pseudonymise, persist and queue one {@code InboundCard}, whatever its transport. */
    public static final String INTAKE = "direct:" + RouteIds.INTAKE;
    /** Put a {@code QueueEntry} on its receiver's queue. */
    public static final String ENQUEUE = "direct:" + RouteIds.ENQUEUE;

    private Endpoints() {
    }
}
