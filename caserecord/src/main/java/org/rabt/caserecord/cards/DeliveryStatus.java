package org.rabt.caserecord.cards;

/** Where the hub stands with delivering a card to its receiver. */
public enum DeliveryStatus {
    /** Durably stored and queued for its receiver. */
    ACCEPTED("accepted"),
    /** The receiver answered 2xx. */
    DELIVERED("delivered"),
    /** The last attempt failed; the broker will try again after a delay. */
    FAILED("failed"),
    /** Retries exhausted or the receiver refused it for good; waits in the sector's dead-letter queue. */
    DEAD_LETTERED("dead-lettered"),
    /**
     * An operator put it back on its receiver's queue from the dead-letter queue; it is delivered
     * (or fails) from there like a newly accepted card.
     */
    REPLAYED("replayed");

    private final String code;

    DeliveryStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static DeliveryStatus fromCode(String code) {
        for (DeliveryStatus status : values()) {
            if (status.code.equals(code)) {
                return status;
            }
        }
        throw new IllegalStateException("unknown delivery status in the database: " + code);
    }
}
