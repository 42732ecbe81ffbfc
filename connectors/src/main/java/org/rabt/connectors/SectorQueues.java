package org.rabt.connectors;

import org.rabt.mappings.cpm.SectorId;

/**
 * Names of the broker queues, shared by the routes, the broker configuration and the metrics:
 * {@code rabt.<sector>.outbound} holds the cards waiting for that sector, {@code .dlq} the ones
 * that could not be delivered.
 */
public final class SectorQueues {

    private SectorQueues() {
    }

    public static String outbound(SectorId sector) {
        return "rabt." + sector.code() + ".outbound";
    }

    public static String deadLetters(SectorId sector) {
        return outbound(sector) + ".dlq";
    }
}
