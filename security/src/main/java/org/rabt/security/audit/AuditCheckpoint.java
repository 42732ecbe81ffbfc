package org.rabt.security.audit;

import java.time.Instant;

/**
 * The hub's signature over the chain up to an entry: whoever holds the hub's certificate can
 * check that the chain ending in {@code hash} at {@code seq} is the one the hub wrote.
 *
 * @param signature base64 detached CMS signature by the hub's key over {@link AuditChain#canonical(AuditCheckpoint)}
 */
public record AuditCheckpoint(long seq, String hash, Instant at, String signature) {
}
