package org.rabt.connectors;

import org.rabt.mappings.cpm.SectorId;

/**
 * Names of the broker queues, shared by the routes, the broker configuration and the metrics:
 * {@code rabt.<sector>.outbound} holds the cards waiting for that sector, {@code .dlq} the ones
 * that could not be delivered; {@code rabt.<sector>.inbound} and {@code .replies} carry the cards
 * of sectors that send over AMQP, and the hub's answers to them.
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

    /** Where a sector system connected to the broker (AMQP) sends its cards. */
    public static String inbound(SectorId sector) {
        return "rabt." + sector.code() + ".inbound";
    }

    /** Where the hub answers a sector's AMQP cards: receipts and problem documents. */
    public static String replies(SectorId sector) {
        return "rabt." + sector.code() + ".replies";
    }
}
