package org.rabt.security.audit;

import java.time.Instant;

/**
 * One entry of the audit log as sealed in the chain: who did what to which card or child, with
 * what outcome — never the payload or the child's identity, only the payload's SHA-256 and the
 * child's pseudonym.
 *
 * @param seq            the entry's place in the chain, from 1, without gaps
 * @param at             when the action happened (microseconds, as the database keeps it)
 * @param actor          the certificate subject or user, or {@code hub} for the hub's own steps
 * @param role           {@code sector}, {@code hub}, or a staff role
 * @param action         {@code accepted}, {@code rejected}, {@code delivered}, {@code failed} ...
 * @param sector         the sector concerned (the sender of a card, or the reporter of a status)
 * @param outcome        {@code success} or {@code failure}
 * @param payloadSha256  hex SHA-256 of the signed bytes the action was about, if any
 * @param prevHash       the previous entry's hash ({@link AuditChain#GENESIS} for the first)
 * @param hash           this entry's hash over {@code prevHash} and its canonical form
 */
public record AuditRecord(long seq, Instant at, String actor, String role, String action, String sector,
        String cardId, String childPseudonym, String outcome, String errorCode, String payloadSha256,
        String detail, String prevHash, String hash) {
}
