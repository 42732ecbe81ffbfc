package org.rabt.caserecord.cards;

import static org.rabt.caserecord.SqlValues.instant;
import static org.rabt.caserecord.SqlValues.truncate;
import static org.rabt.caserecord.SqlValues.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.rabt.caserecord.children.MatchKey;
import org.rabt.mappings.cpm.CardType;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.cpm.TaskStatus;
import org.rabt.security.atrest.FieldCipher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The durable record of every card the hub accepted, its evidence and its delivery history
 * (PostgreSQL). A card is admitted in one statement (card, evidence, first event), so a crash
 * never leaves half a card; a status change and its history entry are one statement too. Each
 * statement commits on its own: one round trip, one durable commit. The CPM and the signed
 * original bytes hold the child's identity: they are encrypted here, each bound to its card's id,
 * before the statement, and decrypted on reading.
 */
public final class CardStore {

    private static final String CARD_COLUMNS = "id, sender_sector, receiver_sector, card_type, child_pseudonym, "
            + "delivery_status, task_status, business_status, status_reason, delivery_attempts, idempotency_key, "
            + "body_sha256, received_at, updated_at";

    private static final RowMapper<CardRecord> CARD = CardStore::card;

    /** The card's clear case facts ({@link CaseFacts}), in the order of {@link #factValues}. */
    public static final String FACT_COLUMNS =
            "stage, entry_channel, due_by, correlation_id, sex, age_band, birth_year, province, concerns, concern_mask";

    /**
     * The child of a newly stored card ({@code c}: the card's insert, empty for a resend): its row
     * and a new file for a pseudonym never seen; a known child's row is left alone (no lock taken,
     * so cards about one child do not wait for each other). Then {@link #CHILD_KEYS}. Parameters
     * of both in the order of {@link #childValues}.
     */
    public static final String CHILD_ROW = """
            child_row AS (
                INSERT INTO child (pseudonym, file_id, identified_by, sex, birth_year, first_seen)
                SELECT ?, ?, ?, ?, ?, ? FROM c
                ON CONFLICT (pseudonym) DO NOTHING)""";

    /** The child's matching keys, after {@link #CHILD_ROW}; a key already known is left alone. */
    public static final String CHILD_KEYS = """
            INSERT INTO child_match_key (key, pseudonym, kind)
            SELECT k.key, ?, k.kind FROM c, unnest(?::varchar[], ?::varchar[]) AS k(key, kind)
            ON CONFLICT DO NOTHING""";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    public CardStore(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Where a card's CPM is stored: the associated data that binds its encrypted value to the row. */
    public static String cpmContext(UUID cardId) {
        return "card.cpm/" + cardId;
    }

    /** Where a card's signed original bytes are stored (associated data of their encrypted value). */
    public static String evidenceContext(UUID cardId) {
        return "card_evidence.body/" + cardId;
    }

    /**
     * Stores a new card with its evidence and first event, or finds the earlier one with the same
     * id (or the same sender's Idempotency-Key). Concurrent sends of one card admit it exactly once.
     */
    public Admission admit(NewCard card, String firstEventDetail) {
        // the database keeps microseconds: the record handed back says what a read would say
        Instant at = card.receivedAt().truncatedTo(ChronoUnit.MICROS);
        int inserted = jdbc.sql("""
                WITH c AS (
                    INSERT INTO card (%s, cpm, %s)
                    VALUES (?, ?, ?, ?, ?, 'accepted', ?, NULL, NULL, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT DO NOTHING
                    RETURNING id),
                evidence AS (
                    INSERT INTO card_evidence (card_id, content_type, body, signature) SELECT id, ?, ?, ? FROM c),
                event AS (
                    INSERT INTO card_event (card_id, at, delivery_status, detail) SELECT id, ?, 'accepted', ? FROM c),
                %s,
                child_keys AS (%s)
                SELECT count(*) FROM c""".formatted(CARD_COLUMNS, FACT_COLUMNS, CHILD_ROW, CHILD_KEYS))
                .params(card.id(), card.sender().code(), card.receiver().code(), card.type().code(),
                        card.childPseudonym(), card.taskStatus().code(), card.idempotencyKey(), card.bodySha256(),
                        utc(at), utc(at), cipher.sealText(card.cpmJson(), cpmContext(card.id())))
                .params(factValues(card.facts()))
                .params(card.contentType(), cipher.seal(card.body(), evidenceContext(card.id())), card.signature(),
                        utc(at), truncate(firstEventDetail, 1000))
                .params(childValues(card.childPseudonym(), card.facts(), at))
                .query(Integer.class)
                .single();
        if (inserted == 1) {
            return new Admission.Admitted(new CardRecord(card.id(), card.sender(), card.receiver(), card.type(),
                    card.childPseudonym(), DeliveryStatus.ACCEPTED, card.taskStatus(), null, null, 0, card.idempotencyKey(),
                    card.bodySha256(), at, at));
        }
        // nothing inserted: the id, or the sender's Idempotency-Key, is taken
        CardRecord earlier = findEarlier(card).orElseThrow(() -> new IllegalStateException(
                "card " + card.id() + " conflicted on insert but no earlier card matches it"));
        return new Admission.AlreadyKnown(earlier, earlier.bodySha256().equals(card.bodySha256()));
    }

    public Optional<CardRecord> find(UUID id) {
        return jdbc.sql("SELECT " + CARD_COLUMNS + " FROM card WHERE id = ?").param(id).query(CARD).optional();
    }

    public Optional<DeliverableCard> findDeliverable(UUID id) {
        return jdbc.sql("SELECT " + CARD_COLUMNS + ", cpm FROM card WHERE id = ?")
                .param(id)
                .query((rs, row) -> new DeliverableCard(card(rs, row),
                        cipher.openText(rs.getString("cpm"), cpmContext(id))))
                .optional();
    }

    public List<CardEvent> history(UUID id) {
        return jdbc.sql("SELECT at, delivery_status, task_status, detail FROM card_event WHERE card_id = ? ORDER BY id")
                .param(id)
                .query((rs, row) -> new CardEvent(instant(rs, "at"),
                        DeliveryStatus.fromCode(rs.getString("delivery_status")),
                        rs.getString("task_status") == null ? null : TaskStatus.fromCode(rs.getString("task_status")),
                        rs.getString("detail")))
                .list();
    }

    /**
     * Records what the receiver reports about the referral (FHIR Task.status, its own words, the
     * reason or outcome), with a history entry, in one statement; the same statement raises the
     * version of the month the card was received in, which tells the kept figures of a closed
     * reporting period that they are out of date (V11, {@code KeptFigures}) — only for a card of
     * an earlier month than the report's: a period is kept only once closed, so its months are all
     * before the current one, and the current month's cards (every centre card is received with a
     * status) must not queue on that month's one row.
     */
    public boolean reportTaskStatus(UUID id, TaskStatus status, String businessStatus, String reason, Instant at) {
        int events = jdbc.sql("""
                WITH u AS (
                    UPDATE card SET task_status = ?, business_status = ?, status_reason = ?, updated_at = ?,
                                    answered_at = COALESCE(answered_at, ?)
                    WHERE id = ?
                    RETURNING id, delivery_status, received_at),
                v AS (
                    INSERT INTO report_month_version (month, version)
                    SELECT date_trunc('month', received_at AT TIME ZONE 'UTC')::date, 1 FROM u
                    WHERE received_at < ?
                    ON CONFLICT (month) DO UPDATE SET version = report_month_version.version + 1)
                INSERT INTO card_event (card_id, at, delivery_status, task_status, detail)
                SELECT id, ?, delivery_status, ?, ? FROM u""")
                .params(status.code(), truncate(businessStatus, 200), truncate(reason, 2000), utc(at), utc(at), id,
                        startOfMonth(at), utc(at), status.code(), truncate(describe(businessStatus, reason), 1000))
                .update();
        return events == 1;
    }

    private static final String REPORTED = "reported by the receiver";

    /** The first instant of {@code at}'s month, in UTC (the reports' months). */
    private static java.time.OffsetDateTime startOfMonth(Instant at) {
        return at.atOffset(java.time.ZoneOffset.UTC).withDayOfMonth(1).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
    }

    /** The history's words for a receiver's report (the exchange API shows them to the sender, in the hub's English). */
    private static String describe(String businessStatus, String reason) {
        String words = businessStatus == null ? "" : "\"" + businessStatus + "\"";
        return REPORTED + (words.isEmpty() ? "" : ": " + words) + (reason == null ? "" : " — " + reason);
    }

    /**
     * The receiver's own words in a history step written by {@link #describe}, without the hub's
     * English framing, for a page that says "reported by" in the reader's language; null when the
     * receiver gave none. Any other step's detail comes back as it is.
     */
    public static String receiverWords(String detail) {
        if (detail == null || !detail.startsWith(REPORTED)) {
            return detail;
        }
        String words = detail.substring(REPORTED.length());
        if (words.startsWith(": ")) {
            words = words.substring(2);
        } else if (words.startsWith(" — ")) {
            words = words.substring(3);
        }
        return words.isBlank() ? null : words;
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
     * Records that an operator put the card back on its receiver's queue: the delivery route then
     * delivers it as any card not yet delivered (only {@code delivered} is final). A card delivered
     * meanwhile stays delivered (returns false). The database's trigger writes the step's audit entry.
     */
    public boolean markReplayed(UUID id, Instant at, String detail) {
        return transition(id, DeliveryStatus.REPLAYED, 0, at, detail);
    }

    /**
     * What an operator needs to know of dead-lettered cards, without the child's data: each card
     * found, with when it was last dead-lettered and the last failure its history records.
     */
    public Map<UUID, UndeliveredCard> undelivered(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, UndeliveredCard> found = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT %s,
                       (SELECT max(e.at) FROM card_event e
                        WHERE e.card_id = card.id AND e.delivery_status = 'dead-lettered') AS dead_lettered_at,
                       (SELECT e.detail FROM card_event e
                        WHERE e.card_id = card.id AND e.delivery_status IN ('failed', 'dead-lettered')
                        ORDER BY e.id DESC LIMIT 1) AS last_failure
                FROM card WHERE id = ANY(?)""".formatted(CARD_COLUMNS))
                .param(ids.toArray(UUID[]::new))
                .query((rs, row) -> new UndeliveredCard(card(rs, row), instant(rs, "dead_lettered_at"),
                        rs.getString("last_failure")))
                .list()
                .forEach(card -> found.put(card.card().id(), card));
        return found;
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

    /** Notes that these cards' entries are on their receivers' queues, so that no sweep queues them again. */
    public void markQueued(Collection<UUID> ids, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE card SET queued_at = ? WHERE id = ANY(?) AND queued_at IS NULL")
                .params(utc(at), ids.toArray(UUID[]::new))
                .update();
    }

    /** How many cards stand in each delivery status (for metrics). */
    /**
     * Deletes the signed original bytes of up to {@code limit} cards received before
     * {@code receivedBefore} and no longer on their way (delivered or dead-lettered): the card, its
     * history and its audit entries stay, and the audit chain with them, since an entry holds only
     * the payload's SHA-256. Each purge is itself an audit entry, in the same statement. Returns
     * how many were purged.
     */
    public int purgeEvidence(Instant receivedBefore, Instant at, int limit) {
        return jdbc.sql("""
                WITH purged AS (
                    DELETE FROM card_evidence WHERE card_id IN (
                        SELECT id FROM card
                        WHERE received_at < ? AND delivery_status IN ('delivered', 'dead-lettered')
                          AND id IN (SELECT card_id FROM card_evidence)
                        ORDER BY received_at LIMIT ?)
                    RETURNING card_id),
                audited AS (
                    INSERT INTO audit_entry (at, actor, role, action, sector, card_id, child_pseudonym, outcome,
                                             payload_sha256, detail)
                    SELECT ?, 'hub', 'hub', 'evidence-purged', c.sender_sector, c.id::text, c.child_pseudonym, 'success',
                           c.body_sha256, 'retention policy'
                    FROM purged p JOIN card c ON c.id = p.card_id)
                SELECT count(*) FROM purged""")
                .params(utc(receivedBefore), limit, utc(at.truncatedTo(ChronoUnit.MICROS)))
                .query(Integer.class).single();
    }

    /** The card's signed original bytes, decrypted, while they are kept. */
    public Optional<byte[]> evidenceBody(UUID id) {
        return jdbc.sql("SELECT body FROM card_evidence WHERE card_id = ?").param(id)
                .query((rs, row) -> cipher.open(rs.getBytes("body"), evidenceContext(id)))
                .optional();
    }

    /** Whether the card's signed original bytes are still kept. */
    public boolean hasEvidence(UUID id) {
        return jdbc.sql("SELECT count(*) FROM card_evidence WHERE card_id = ?").param(id).query(Integer.class).single() > 0;
    }

    public long countByDeliveryStatus(DeliveryStatus status) {
        return jdbc.sql("SELECT COUNT(*) FROM card WHERE delivery_status = ?").param(status.code())
                .query(Long.class).single();
    }

    /** The values of {@link #FACT_COLUMNS}. */
    public static Object[] factValues(CaseFacts facts) {
        return new Object[] {
            facts.stage(), facts.entryChannel(), facts.dueBy(), facts.correlationId(), facts.sex(), facts.ageBand(),
            facts.birthYear(), facts.province(), facts.concerns().toArray(String[]::new),
            org.rabt.caserecord.reports.ConcernBits.maskOf(facts.concerns())};
    }

    /** The values of {@link #CHILD_ROW} then {@link #CHILD_KEYS}. */
    public static Object[] childValues(String pseudonym, CaseFacts facts, Instant at) {
        return new Object[] {
            pseudonym, UUID.randomUUID(), facts.identifiedBy(), facts.sex(), facts.birthYear(), utc(at),
            pseudonym, facts.matchKeys().stream().map(MatchKey::key).toArray(String[]::new),
            facts.matchKeys().stream().map(MatchKey::kind).toArray(String[]::new)};
    }

    private boolean transition(UUID id, DeliveryStatus to, int attempt, Instant at, String detail) {
        // A delivered card never goes back: a late failure report of a duplicate must not hide the delivery.
        int events = jdbc.sql("""
                WITH u AS (
                    UPDATE card SET delivery_status = ?, delivery_attempts = GREATEST(delivery_attempts, ?), updated_at = ?
                    WHERE id = ? AND delivery_status <> 'delivered'
                    RETURNING id)
                INSERT INTO card_event (card_id, at, delivery_status, detail) SELECT id, ?, ?, ? FROM u""")
                .params(to.code(), attempt, utc(at), id, utc(at), to.code(), truncate(detail, 1000))
                .update();
        return events == 1;
    }

    private Optional<CardRecord> findEarlier(NewCard card) {
        Optional<CardRecord> byId = find(card.id());
        if (byId.isPresent() || card.idempotencyKey() == null) {
            return byId;
        }
        return findByIdempotencyKey(card.sender(), card.idempotencyKey());
    }

    /** The card {@code sender} sent with this Idempotency-Key, if any. */
    public Optional<CardRecord> findByIdempotencyKey(SectorId sender, String idempotencyKey) {
        return jdbc.sql("SELECT " + CARD_COLUMNS + " FROM card WHERE sender_sector = ? AND idempotency_key = ?")
                .params(sender.code(), idempotencyKey)
                .query(CARD)
                .optional();
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
                rs.getString("business_status"),
                rs.getString("status_reason"),
                rs.getInt("delivery_attempts"),
                rs.getString("idempotency_key"),
                rs.getString("body_sha256"),
                instant(rs, "received_at"),
                instant(rs, "updated_at"));
    }
}
