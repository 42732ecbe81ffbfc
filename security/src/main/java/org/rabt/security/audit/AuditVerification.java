package org.rabt.security.audit;

/**
 * What verifying a stretch of the audit log found.
 *
 * @param firstBroken the sequence number of the first entry (or checkpoint) found broken, or
 *                    {@code null} when intact
 * @param problem     how it is broken, in a sentence, or {@code null}
 */
public record AuditVerification(boolean intact, long entries, long checkpoints, Long firstBroken, String problem) {

    static AuditVerification ok(long entries, long checkpoints) {
        return new AuditVerification(true, entries, checkpoints, null, null);
    }

    static AuditVerification broken(long entries, long checkpoints, long at, String problem) {
        return new AuditVerification(false, entries, checkpoints, at, problem);
    }
}
