package org.rabt.routes;

import org.rabt.mappings.cpm.SectorId;

/** Route ids, kebab-case {@code <sector|hub>-<direction>-<step>}, shared by routes, metrics and tests. */
public final class RouteIds {

    public static final String EXCHANGE_POST_CARD = "hub-exchange-post-card";
    public static final String EXCHANGE_GET_CARD = "hub-exchange-get-card";
    public static final String EXCHANGE_POST_STATUS = "hub-exchange-post-status";
    public static final String INTAKE = "hub-inbound-intake";
    public static final String ENQUEUE = "hub-outbound-enqueue";
    public static final String SWEEP = "hub-outbound-sweep";
    public static final String MARK_QUEUED = "hub-outbound-mark-queued";

    private RouteIds() {
    }

    public static final String EXCHANGE_PUT_ATTACHMENT = "hub-exchange-put-attachment";
    public static final String CENTRE_RECEIVE = "centre-outbound-receive";

    public static String deliver(SectorId sector) {
        return sector.code() + "-outbound-deliver";
    }
}
