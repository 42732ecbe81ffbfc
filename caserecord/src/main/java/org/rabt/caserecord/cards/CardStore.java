package org.rabt.caserecord.cards;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.rabt.mappings.cpm.CardType;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.cpm.TaskStatus;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The durable record of every card the hub accepted, its evidence and its delivery history.
 * A card is admitted in one transaction (card, evidence, first event), so a crash never leaves
 * half a card; status changes append to the history in the same transaction as the change.
 */
public final class CardStore {

    private static final String CARD_COLUMNS = "id, sender_sector, receiver_sector, card_type, child_pseudonym, "
            + "delivery_status, task_status, delivery_attempts, idempotency_key, body_sha256, received_at, updated_at";

    private static final RowMapper<CardRecord> CARD = CardStore::card;

    private final JdbcClient jdbc;
    private final TransactionOperations tx;

    public CardStore(JdbcClient jdbc, TransactionOperations tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /**
     * Stores a new card with its evidence, or finds the earlier one with the same id (or the same
     * sender's Idempotency-Key). Concurrent sends of one card admit it exactly once.
     */
    public Admission admit(NewCard card, String firstEventDetail) {
        Optional<CardRecord> earlier = findEarlier(card);
        if (earlier.isPresent()) {
            return alreadyKnown(earlier.get(), card);
        }
        try {
            tx.executeWithoutResult(status -> insert(card, firstEventDetail));
        } catch (DuplicateKeyException raced) {
            // Another request admitted the same card between our look-up and our insert.
            return alreadyKnown(findEarlier(card).orElseThrow(() -> raced), card);
        }
        return new Admission.Admitted(find(card.id()).orElseThrow());
    }

    public Optional<CardRecord> find(UUID id) {
        return jdbc.sql("SELECT " + CARD_COLUMNS + " FROM card WHERE id = ?").param(id).query(CARD).optional();
    }

    public Optional<DeliverableCard> findDeliverable(UUID id) {
        return jdbc.sql("SELECT " + CARD_COLUMNS + ", cpm FROM card WHERE id = ?")
                .param(id)
                .query((rs, row) -> new DeliverableCard(card(rs, row), rs.getString("cpm")))
                .optional();
    }

    public List<CardEvent> history(UUID id) {
        return jdbc.sql("SELECT at, delivery_status, detail FROM card_event WHERE card_id = ? ORDER BY id")
                .param(id)
                .query((rs, row) -> new CardEvent(instant(rs, "at"),
                        DeliveryStatus.fromCode(rs.getString("delivery_status")), rs.getString("detail")))
                .list();
    }

    /** Records a 2xx from the receiver. A card already delivered stays as it was (returns false). */
    public boolean markDelivered(UUID id, int attempt, Instant at, String detail) {
        return transition(id, DeliveryStatus.DELIVERED, attempt, at, detail);
    }

    /** Records a failed attempt that will be retried. */
    public boolean markFailed(UUID id, int attempt, Instant at, String detail) {
        return transition(id, DeliveryStatus.FAILED, attempt, at, detail);
    }

    /** Records that the card went to its sector's dead-letter queue. */
    public boolean markDeadLettered(UUID id, int attempt, Instant at, String detail) {
        return transition(id, DeliveryStatus.DEAD_LETTERED, attempt, at, detail);
    }

    /**
     * Cards stored before {@code before} whose queue entry is not known to exist, oldest first,
     * after {@code cursor} (or from the start when it is {@code null}). Keyset paging, so a long
     * backlog is walked without holding it in memory.
     */
    public List<PendingDelivery> unqueued(Instant before, PendingDelivery cursor, int limit) {
        String select = "SELECT id, receiver_sector, received_at FROM card WHERE queued_at IS NULL AND received_at < ?";
        String page = " ORDER BY received_at, id LIMIT " + Math.max(1, limit);
        var statement = cursor == null
                ? jdbc.sql(select + page).params(utc(before))
                : jdbc.sql(select + " AND (received_at, id) > (?, ?)" + page)
                        .params(utc(before), utc(cursor.receivedAt()), cursor.cardId());
        return statement
                .query((rs, row) -> new PendingDelivery(rs.getObject("id", UUID.class),
                        SectorId.fromCode(rs.getString("receiver_sector")), instant(rs, "received_at")))
                .list();
    }

    /** Notes that the card's entry is on its receiver's queue, so that no sweep queues it again. */
    public void markQueued(UUID id, Instant at) {
        jdbc.sql("UPDATE card SET queued_at = ? WHERE id = ? AND queued_at IS NULL").params(utc(at), id).update();
    }

    /** How many cards stand in each delivery status (for metrics). */
    public long countByDeliveryStatus(DeliveryStatus status) {
        return jdbc.sql("SELECT COUNT(*) FROM card WHERE delivery_status = ?").param(status.code())
                .query(Long.class).single();
    }

    private boolean transition(UUID id, DeliveryStatus to, int attempt, Instant at, String detail) {
        Boolean changed = tx.execute(status -> {
            // A delivered card never goes back: a late failure report of a duplicate must not hide the delivery.
            int rows = jdbc.sql("UPDATE card SET delivery_status = ?, delivery_attempts = GREATEST(delivery_attempts, ?), "
                            + "updated_at = ? WHERE id = ? AND delivery_status <> 'delivered'")
                    .params(to.code(), attempt, utc(at), id)
                    .update();
            if (rows == 0) {
                return false;
            }
            appendEvent(id, to, at, detail);
            return true;
        });
        return Boolean.TRUE.equals(changed);
    }

    private void insert(NewCard card, String firstEventDetail) {
        jdbc.sql("INSERT INTO card (" + CARD_COLUMNS + ", cpm) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)")
                .params(card.id(), card.sender().code(), card.receiver().code(), card.type().code(),
                        card.childPseudonym(), DeliveryStatus.ACCEPTED.code(), card.taskStatus().code(),
                        card.idempotencyKey(), card.bodySha256(), utc(card.receivedAt()),
                        utc(card.receivedAt()), card.cpmJson())
                .update();
        jdbc.sql("INSERT INTO card_evidence (card_id, content_type, body, signature) VALUES (?, ?, ?, ?)")
                .params(card.id(), card.contentType(), card.body(), card.signature())
                .update();
        appendEvent(card.id(), DeliveryStatus.ACCEPTED, card.receivedAt(), firstEventDetail);
    }

    private void appendEvent(UUID id, DeliveryStatus status, Instant at, String detail) {
        jdbc.sql("INSERT INTO card_event (card_id, at, delivery_status, detail) VALUES (?, ?, ?, ?)")
                .params(id, utc(at), status.code(), truncate(detail, 1000))
                .update();
    }

    private Optional<CardRecord> findEarlier(NewCard card) {
        Optional<CardRecord> byId = find(card.id());
        if (byId.isPresent() || card.idempotencyKey() == null) {
            return byId;
        }
        return jdbc.sql("SELECT " + CARD_COLUMNS + " FROM card WHERE sender_sector = ? AND idempotency_key = ?")
                .params(card.sender().code(), card.idempotencyKey())
                .query(CARD)
                .optional();
    }

    private static Admission alreadyKnown(CardRecord earlier, NewCard card) {
        return new Admission.AlreadyKnown(earlier, earlier.bodySha256().equals(card.bodySha256()));
    }

    private static CardRecord card(ResultSet rs, int row) throws SQLException {
        return new CardRecord(
                rs.getObject("id", UUID.class),
                SectorId.fromCode(rs.getString("sender_sector")),
                SectorId.fromCode(rs.getString("receiver_sector")),
                CardType.fromCode(rs.getString("card_type")),
                rs.getString("child_pseudonym"),
                DeliveryStatus.fromCode(rs.getString("delivery_status")),
                TaskStatus.fromCode(rs.getString("task_status")),
                rs.getInt("delivery_attempts"),
                rs.getString("idempotency_key"),
                rs.getString("body_sha256"),
                instant(rs, "received_at"),
                instant(rs, "updated_at"));
    }

    // TIMESTAMP WITH TIME ZONE travels as OffsetDateTime (JDBC 4.2) on both H2 and PostgreSQL,
    // which keeps the JVM's default time zone out of it.
    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
