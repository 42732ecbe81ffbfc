package org.rabt.caserecord.batches;

import static org.rabt.caserecord.SqlValues.instant;
import static org.rabt.caserecord.SqlValues.truncate;
import static org.rabt.caserecord.SqlValues.utc;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.rabt.caserecord.cards.CardStore;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.security.atrest.FieldCipher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Batches and the cards they bring. A batch's rows are stored a chunk at a time, each chunk in one
 * transaction with the batch's progress, so a node that dies mid-batch loses nothing: the batch is
 * taken over and read again from the start, and rows already stored are recognised by their id.
 */
public final class BatchStore {

    /** How a stored batch file's name ends once encrypted ({@code FileCipher}); one without it was stored in clear. */
    public static final String SEALED = ".csv.sealed";

    private static final String COLUMNS = "id, sender_sector, source, file_name, body_sha256, size_bytes, "
            + "stored_path, state, lines_done, admitted, rejected, error_code, error_detail, received_at, completed_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionOperations transactions;
    private final FieldCipher cipher;

    public BatchStore(JdbcClient jdbc, JdbcTemplate template, TransactionOperations transactions, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.template = template;
        this.transactions = transactions;
        this.cipher = cipher;
    }

    /** What a batch's stored file is bound to (associated data of its encrypted segments). */
    public static String fileContext(UUID batchId) {
        return "batch/" + batchId;
    }

    /** Registers the batch, or returns the one this sector already sent with the same bytes. */
    public BatchRecord register(NewBatch batch) {
        Instant at = batch.receivedAt().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("""
                INSERT INTO batch (id, sender_sector, source, file_name, body_sha256, size_bytes, signature, stored_path,
                                   state, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'received', ?)
                ON CONFLICT (sender_sector, body_sha256) DO NOTHING""")
                .params(batch.id(), batch.sender().code(), batch.source(), truncate(batch.fileName(), 300),
                        batch.bodySha256(), batch.sizeBytes(), batch.signature(), batch.storedPath(), utc(at))
                .update();
        return jdbc.sql("SELECT " + COLUMNS + " FROM batch WHERE sender_sector = ? AND body_sha256 = ?")
                .params(batch.sender().code(), batch.bodySha256()).query(BATCH).single();
    }

    public Optional<BatchRecord> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM batch WHERE id = ?").param(id).query(BATCH).optional();
    }

    /**
     * Takes the oldest batch waiting, or one whose node stopped beating for {@code stale}: one node
     * at a time per batch, whatever the number of nodes on the database.
     */
    public Optional<BatchRecord> claimNext(Instant now, Duration stale) {
        return jdbc.sql("""
                UPDATE batch SET state = 'processing', claimed_at = ?
                WHERE id = (SELECT id FROM batch
                            WHERE state = 'received' OR (state = 'processing' AND claimed_at < ?)
                            ORDER BY received_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING """ + " " + COLUMNS)
                .params(utc(now), utc(now.minus(stale)))
                .query(BATCH).optional();
    }

    /**
     * Stores one chunk of a batch in one transaction: its cards (as received by the centre), its
     * rejections, and the batch's progress. A card id another batch or sender already used is a
     * rejection of its row; a row this batch already stored (a batch taken over) is skipped.
     */
    public void storeChunk(BatchRecord batch, List<BatchCard> cards, List<BatchRejection> rejections, long linesDone,
            Instant at) {
        Instant now = at.truncatedTo(ChronoUnit.MICROS);
        transactions.executeWithoutResult(status -> {
            List<BatchRejection> allRejections = new ArrayList<>(rejections);
            List<BatchCard> fresh = new ArrayList<>(cards.size());
            Map<UUID, UUID> existing = existingCards(cards);
            for (BatchCard card : cards) {
                if (!existing.containsKey(card.id())) {
                    fresh.add(card);
                } else if (!batch.id().equals(existing.get(card.id()))) {
                    allRejections.add(new BatchRejection(card.line(), card.id().toString(), "RABT-I004", "identifiantLigne",
                            "the row id " + card.id() + " is already the id of another card; a new row needs a new id"));
                }
            }
            insertCards(batch, fresh, now);
            insertRejections(batch.id(), allRejections);
            jdbc.sql("UPDATE batch SET lines_done = ?, claimed_at = ? WHERE id = ?")
                    .params(linesDone, utc(now), batch.id()).update();
        });
    }

    /** The batch is done: every row is a card or a rejection. */
    public void complete(UUID id, Instant at) {
        finish(id, BatchState.COMPLETED, null, null, at);
    }

    /** The batch stopped at a whole-batch error; the rows before it stay stored. */
    public void fail(UUID id, String code, String detail, Instant at) {
        finish(id, BatchState.FAILED, code, detail, at);
    }

    /** The rejected rows after {@code afterLine}, in line order. */
    public List<BatchRejection> rejections(UUID id, long afterLine, int limit) {
        return jdbc.sql("SELECT line, row_id, code, field, reason FROM batch_rejection WHERE batch_id = ? AND line > ? "
                        + "ORDER BY line LIMIT ?")
                .params(id, afterLine, limit)
                .query((rs, row) -> new BatchRejection(rs.getLong("line"), rs.getString("row_id"), rs.getString("code"),
                        rs.getString("field"), rs.getString("reason")))
                .list();
    }

    private void finish(UUID id, BatchState state, String code, String detail, Instant at) {
        jdbc.sql("""
                UPDATE batch SET state = ?, error_code = ?, error_detail = ?, completed_at = ?,
                       admitted = (SELECT count(*) FROM card WHERE batch_id = ?),
                       rejected = (SELECT count(*) FROM batch_rejection WHERE batch_id = ?)
                WHERE id = ?""")
                .params(state.code(), code, truncate(detail, 2000), utc(at.truncatedTo(ChronoUnit.MICROS)), id, id, id)
                .update();
    }

    /** Which of the chunk's card ids exist already, and in which batch (null: not from a batch). */
    private Map<UUID, UUID> existingCards(List<BatchCard> cards) {
        Map<UUID, UUID> existing = new HashMap<>();
        if (cards.isEmpty()) {
            return existing;
        }
        UUID[] ids = cards.stream().map(BatchCard::id).toArray(UUID[]::new);
        template.query("SELECT id, batch_id FROM card WHERE id = ANY (?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("uuid", ids)),
                rs -> {
                    existing.put(rs.getObject("id", UUID.class), rs.getObject("batch_id", UUID.class));
                });
        return existing;
    }

    /**
     * The cards go straight to the centre, their receiver, which is this hub: delivered and
     * received on arrival, never queued (queued_at is set so that the sweep leaves them alone).
     */
    private void insertCards(BatchRecord batch, List<BatchCard> cards, Instant at) {
        if (cards.isEmpty()) {
            return;
        }
        Timestamp time = Timestamp.from(at);
        template.batchUpdate("""
                INSERT INTO card (id, sender_sector, receiver_sector, card_type, child_pseudonym, delivery_status,
                                  task_status, delivery_attempts, body_sha256, received_at, updated_at, queued_at, cpm,
                                  batch_id, batch_line, %s)
                VALUES (?, ?, ?, ?, ?, 'delivered', 'received', 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""".formatted(CardStore.FACT_COLUMNS), cards, 500, (ps, card) -> {
            ps.setObject(1, card.id());
            ps.setString(2, batch.sender().code());
            ps.setString(3, card.receiver().code());
            ps.setString(4, card.type().code());
            ps.setString(5, card.childPseudonym());
            ps.setString(6, batch.bodySha256());
            ps.setTimestamp(7, time);
            ps.setTimestamp(8, time);
            ps.setTimestamp(9, time);
            // encrypted as the cards of the exchange are: CardStore reads both alike
            ps.setString(10, cipher.sealText(card.cpmJson(), CardStore.cpmContext(card.id())));
            ps.setObject(11, batch.id());
            ps.setLong(12, card.line());
            Object[] facts = CardStore.factValues(card.facts());
            for (int i = 0; i < facts.length; i++) {
                StatementCreatorUtils.setParameterValue(ps, 13 + i, SqlTypeValue.TYPE_UNKNOWN, facts[i]);
            }
        });
        // the children of the cards this chunk stored (not of those a crashed run stored before)
        template.batchUpdate("""
                WITH c AS (SELECT id FROM card WHERE id = ? AND batch_id = ?),
                %s
                %s""".formatted(CardStore.CHILD_ROW, CardStore.CHILD_KEYS), cards, 500, (ps, card) -> {
                    ps.setObject(1, card.id());
                    ps.setObject(2, batch.id());
                    Object[] child = CardStore.childValues(card.childPseudonym(), card.facts(), at);
                    for (int i = 0; i < child.length; i++) {
                        StatementCreatorUtils.setParameterValue(ps, 3 + i, SqlTypeValue.TYPE_UNKNOWN, child[i]);
                    }
                });
        template.batchUpdate("""
                INSERT INTO card_event (card_id, at, delivery_status, detail, task_status)
                SELECT ?, ?, 'delivered', ?, 'received' WHERE EXISTS (SELECT 1 FROM card WHERE id = ? AND batch_id = ?)""",
                cards, 500, (ps, card) -> {
                    ps.setObject(1, card.id());
                    ps.setTimestamp(2, time);
                    ps.setString(3, "received by the centre: line " + card.line() + " of batch " + batch.id());
                    ps.setObject(4, card.id());
                    ps.setObject(5, batch.id());
                });
    }

    private void insertRejections(UUID batchId, List<BatchRejection> rejections) {
        if (rejections.isEmpty()) {
            return;
        }
        template.batchUpdate("""
                INSERT INTO batch_rejection (batch_id, line, row_id, code, field, reason) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""", rejections, 500, (ps, rejection) -> {
            ps.setObject(1, batchId);
            ps.setLong(2, rejection.line());
            ps.setString(3, truncate(rejection.rowId(), 100));
            ps.setString(4, rejection.code());
            ps.setString(5, truncate(rejection.field(), 200));
            ps.setString(6, truncate(rejection.reason(), 1000));
        });
    }

    private static final RowMapper<BatchRecord> BATCH = (rs, row) -> new BatchRecord(
            rs.getObject("id", UUID.class), SectorId.fromCode(rs.getString("sender_sector")), rs.getString("source"),
            rs.getString("file_name"), rs.getString("body_sha256"), rs.getLong("size_bytes"), rs.getString("stored_path"),
            BatchState.fromCode(rs.getString("state")), rs.getLong("lines_done"), rs.getLong("admitted"),
            rs.getLong("rejected"), rs.getString("error_code"), rs.getString("error_detail"),
            instant(rs, "received_at"), instant(rs, "completed_at"));
}
