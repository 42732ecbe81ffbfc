package org.rabt.caserecord.keys;

import java.util.List;

/**
 * What one {@code keys reencrypt} pass did to one place (a table's column, or the batch files).
 *
 * @param place              e.g. {@code card.cpm}, {@code batch files}
 * @param reencrypted        values moved from an older key to the newest
 * @param encryptedFromClear values stored in clear before encryption at rest, now encrypted
 * @param alreadyCurrent     values already under the newest key, left alone
 * @param skipped            values changed by someone else between the read and the write (never
 *                           overwritten), or batch files of a batch still being processed: a
 *                           later run takes them
 * @param failures           values that do not decrypt or files that are missing, by place: left
 *                           as they are for an operator to look at
 */
public record Tally(String place, long reencrypted, long encryptedFromClear, long alreadyCurrent, long skipped,
        List<String> failures) {

    public Tally {
        failures = List.copyOf(failures);
    }

    /** Values this pass rewrote. */
    public long rewritten() {
        return reencrypted + encryptedFromClear;
    }
}
