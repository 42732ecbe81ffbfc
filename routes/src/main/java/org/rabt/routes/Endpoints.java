package org.rabt.routes;

/** Internal endpoints between routes. */
public final class Endpoints {

    /** Verify, map, pseudonymise, persist and queue one {@code InboundCard}, whatever its transport. */
    public static final String INTAKE = "direct:" + RouteIds.INTAKE;
    /** Put a {@code QueueEntry} on its receiver's queue. */
    public static final String ENQUEUE = "direct:" + RouteIds.ENQUEUE;

    /**
     * Registry name of the broker's plain connection factory, for the delivery listeners; the
     * application's default one caches sessions for producers.
     */
    public static final String CONSUMER_CONNECTION_FACTORY = "rabtConsumerConnectionFactory";

    /**
     * Options of a queue listener: a local JMS transaction on the listener's own long-lived session
     * (no transaction manager: with one, Spring opens a connection per message), on the broker's
     * plain connection factory.
     */
    public static final String LISTENER = "?transacted=true&lazyCreateTransactionManager=false"
            + "&cacheLevelName=CACHE_CONSUMER&connectionFactory=#" + CONSUMER_CONNECTION_FACTORY;

    private Endpoints() {
    }
}
