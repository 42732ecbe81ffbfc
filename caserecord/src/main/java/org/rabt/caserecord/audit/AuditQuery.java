package org.rabt.caserecord.audit;

import java.time.Instant;

/**
 * A search of the sealed audit log; every criterion is optional. Pages go by sequence number:
 * the next page starts after the last {@code seq} of this one.
 */
public record AuditQuery(Instant from, Instant to, String actor, String sector, String action, String outcome,
        String cardId, String childPseudonym, long afterSeq, int limit) {
}
