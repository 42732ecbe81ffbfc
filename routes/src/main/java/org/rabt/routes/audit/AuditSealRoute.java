package org.rabt.routes.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import org.apache.camel.builder.RouteBuilder;
import org.rabt.caserecord.audit.AuditStore;

/**
 * Seals the audit entries written since the last round into the chain, every second, on
 * whichever node gets the database's lock first; the hub signs a checkpoint every
 * {@code checkpointEvery} entries or {@code checkpointAfter}.
 */
public final class AuditSealRoute extends RouteBuilder {

    public static final String ROUTE_ID = "audit-seal";

    private final AuditStore store;
    private final Function<byte[], String> hubSignature;
    private final int checkpointEvery;
    private final Duration checkpointAfter;
    private final Clock clock;

    public AuditSealRoute(AuditStore store, Function<byte[], String> hubSignature, int checkpointEvery,
            Duration checkpointAfter, Clock clock) {
        this.store = store;
        this.hubSignature = hubSignature;
        this.checkpointEvery = checkpointEvery;
        this.checkpointAfter = checkpointAfter;
        this.clock = clock;
    }

    @Override
    public void configure() {
        from("timer:" + ROUTE_ID + "?period=1000&delay=500")
                .routeId(ROUTE_ID)
                .process(exchange -> sealAll());
    }

    /** Seals until nothing is left (a batch of cards leaves many entries at once). */
    public void sealAll() {
        while (store.seal(clock.instant(), checkpointEvery, checkpointAfter, hubSignature) >= AuditStore.SEAL_BATCH) {
            // another round: more entries are waiting
        }
    }
}
