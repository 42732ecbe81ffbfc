package org.rabt.routes.audit;

import java.time.Instant;

/** Writes the audit entry of a refused request (the refusal is the whole action). */
@FunctionalInterface
public interface RejectionAudit {

    /**
     * @param actor          the certificate subject of the caller, or {@code unauthenticated}
     * @param sector         the sector the request claimed (its path or address), if any
     * @param payloadSha256  hex SHA-256 of the refused body, if there was one
     */
    void rejected(Instant at, String actor, String sector, String code, String payloadSha256, String where);

    RejectionAudit NONE = (at, actor, sector, code, payloadSha256, where) -> { };
}
