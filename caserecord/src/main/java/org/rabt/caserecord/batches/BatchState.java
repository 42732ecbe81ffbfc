package org.rabt.caserecord.batches;

/** Where a batch stands. */
public enum BatchState {
    /** Verified and stored; waiting for a node to process it. */
    RECEIVED,
    /** A node is turning its rows into cards. */
    PROCESSING,
    /** Every row is a card or a rejection. */
    COMPLETED,
    /** Stopped by a whole-batch error (bad header, too many rows, broken CSV) after the rows before it. */
    FAILED;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static BatchState fromCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
