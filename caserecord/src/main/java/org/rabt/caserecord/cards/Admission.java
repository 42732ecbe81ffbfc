package org.rabt.caserecord.cards;

/** The outcome of storing a card: newly admitted, or already there from an earlier send. */
public sealed interface Admission {

    CardRecord card();

    /** The card was stored by this call. */
    record Admitted(CardRecord card) implements Admission {
    }

    /**
     * The same card id, or the same sender's Idempotency-Key, was stored before.
     *
     * @param sameBody whether the earlier body had the same SHA-256 (a resend) or not (a conflicting reuse)
     */
    record AlreadyKnown(CardRecord card, boolean sameBody) implements Admission {
    }
}
