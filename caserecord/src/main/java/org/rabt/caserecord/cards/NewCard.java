package org.rabt.caserecord.cards;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.rabt.mappings.cpm.CardType;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.cpm.TaskStatus;

/**
 * A verified and mapped card, ready to be stored with its evidence.
 *
 * @param idempotencyKey the sender's {@code Idempotency-Key} header, or {@code null}
 * @param bodySha256     hex SHA-256 of the exact body bytes, which tells a resend from a conflicting reuse of the id
 * @param body           the exact bytes the sender signed
 * @param signature      the sender's detached CMS signature (DER)
 * @param facts          what the case record keeps of it in the clear, and the child's matching keys
 */
public record NewCard(
        UUID id,
        SectorId sender,
        SectorId receiver,
        CardType type,
        String childPseudonym,
        TaskStatus taskStatus,
        String idempotencyKey,
        String bodySha256,
        String contentType,
        byte[] body,
        byte[] signature,
        String cpmJson,
        Instant receivedAt,
        CaseFacts facts) {

    public NewCard {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(bodySha256, "bodySha256");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(cpmJson, "cpmJson");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(facts, "facts");
    }
}
