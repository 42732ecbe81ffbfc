package org.rabt.caserecord.audit;

import static org.rabt.caserecord.SqlValues.instant;
import static org.rabt.caserecord.SqlValues.truncate;
import static org.rabt.caserecord.SqlValues.utc;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.rabt.security.audit.AuditChain;
import org.rabt.security.audit.AuditCheckpoint;
import org.rabt.security.audit.AuditRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The audit log in the database: entries written with the actions they record (card steps by a
 * trigger on {@code card_event}, refusals here), sealed into one hash chain by {@link #seal},
 * which any number of hub nodes may call: a transaction-scoped advisory lock lets one seal at a
 * time, so the chain stays one.
 */
public final class AuditStore {

    /** The advisory lock of the sealer ("rabt" and "audit", as a number any other lock is unlikely to use). */
    private static final long SEAL_LOCK = 0x7261627461756469L;
    public static final int SEAL_BATCH = 5_000;
    private static final String COLUMNS = "seq, at, actor, role, action, sector, card_id, child_pseudonym, outcome, "
            + "error_code, payload_sha256, detail, prev_hash, hash";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionOperations transactions;

    public AuditStore(JdbcClient jdbc, JdbcTemplate template, TransactionOperations transactions) {
        this.jdbc = jdbc;
        this.template = template;
        this.transactions = transactions;
    }

    /** An action that changes nothing else (a refusal): its entry is the whole of it. */
    public void record(Instant at, String actor, String role, String action, String sector, String cardId,
            String outcome, String errorCode, String payloadSha256, String detail) {
        jdbc.sql("""
                INSERT INTO audit_entry (at, actor, role, action, sector, card_id, outcome, error_code, payload_sha256, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(utc(at.truncatedTo(ChronoUnit.MICROS)), truncate(actor, 300), role, action, sector,
                        truncate(cardId, 40), outcome, errorCode, payloadSha256, truncate(detail, 300))
                .update();
    }

    /**
     * A member of staff's action about a child (viewing a file, a merge): the child's pseudonym,
     * never a name. Written in the caller's transaction when there is one.
     */
    public void recordAboutChild(Instant at, String actor, String role, String action, String childPseudonym,
            String outcome, String detail) {
        jdbc.sql("""
                INSERT INTO audit_entry (at, actor, role, action, child_pseudonym, outcome, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(utc(at.truncatedTo(ChronoUnit.MICROS)), truncate(actor, 300), role, action, childPseudonym,
                        outcome, truncate(detail, 300))
                .update();
    }

    /**
     * Gives the entries written since the last call their place in the chain, and writes a
     * checkpoint (signed by {@code signer}) when {@code checkpointEvery} entries or
     * {@code checkpointAfter} have passed since the last one. Returns how many entries it sealed.
     */
    public int seal(Instant now, int checkpointEvery, Duration checkpointAfter, Function<byte[], String> signer) {
        Integer sealed = transactions.execute(status -> {
            jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(?)").param(SEAL_LOCK).query(Integer.class).single();
            Optional<AuditRecord> head = jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry WHERE seq IS NOT NULL "
                    + "ORDER BY seq DESC LIMIT 1").query(ENTRY).optional();
            List<Long> ids = new ArrayList<>();
            List<AuditRecord> unsealed = jdbc.sql("SELECT id, " + COLUMNS + " FROM audit_entry WHERE seq IS NULL "
                    + "ORDER BY id LIMIT ?").param(SEAL_BATCH).query((rs, row) -> {
                        ids.add(rs.getLong("id"));
                        return ENTRY.mapRow(rs, row);
                    }).list();
            long seq = head.map(AuditRecord::seq).orElse(0L);
            String previous = head.map(AuditRecord::hash).orElse(AuditChain.GENESIS);
            Optional<AuditCheckpoint> lastCheckpoint = jdbc.sql("SELECT seq, hash, at, signature FROM audit_checkpoint "
                    + "ORDER BY seq DESC LIMIT 1").query(CHECKPOINT).optional();
            long checkpointed = lastCheckpoint.map(AuditCheckpoint::seq).orElse(0L);
            List<Object[]> updates = new ArrayList<>(unsealed.size());
            for (int i = 0; i < unsealed.size(); i++) {
                AuditRecord e = unsealed.get(i);
                seq++;
                AuditRecord placed = new AuditRecord(seq, e.at(), e.actor(), e.role(), e.action(), e.sector(),
                        e.cardId(), e.childPseudonym(), e.outcome(), e.errorCode(), e.payloadSha256(), e.detail(),
                        previous, null);
                String hash = AuditChain.hashOf(previous, placed);
                updates.add(new Object[] {seq, previous, hash, ids.get(i)});
                previous = hash;
                if (seq - checkpointed >= checkpointEvery) {
                    checkpoint(seq, hash, now, signer);
                    checkpointed = seq;
                }
            }
            if (!updates.isEmpty()) {
                template.batchUpdate("UPDATE audit_entry SET seq = ?, prev_hash = ?, hash = ? WHERE id = ?", updates);
            }
            // the tail is signed once the last checkpoint is old enough, even when nothing new came
            boolean late = lastCheckpoint.map(c -> !c.at().plus(checkpointAfter).isAfter(now)).orElse(true);
            if (seq > checkpointed && late) {
                checkpoint(seq, previous, now, signer);
            }
            return unsealed.size();
        });
        return sealed == null ? 0 : sealed;
    }

    private void checkpoint(long seq, String hash, Instant now, Function<byte[], String> signer) {
        AuditCheckpoint unsigned = new AuditCheckpoint(seq, hash, now.truncatedTo(ChronoUnit.MICROS), null);
        jdbc.sql("INSERT INTO audit_checkpoint (seq, hash, at, signature) VALUES (?, ?, ?, ?)")
                .params(seq, hash, utc(unsigned.at()), signer.apply(AuditChain.canonical(unsigned)))
                .update();
    }

    /** Sealed entries matching the query, in chain order, at most {@code query.limit()}. */
    public List<AuditRecord> search(AuditQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_entry WHERE seq > ?");
        List<Object> params = new ArrayList<>();
        params.add(query.afterSeq());
        if (query.from() != null) {
            sql.append(" AND at >= ?");
            params.add(utc(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND at < ?");
            params.add(utc(query.to()));
        }
        equal(sql, params, "actor", query.actor());
        equal(sql, params, "sector", query.sector());
        equal(sql, params, "action", query.action());
        equal(sql, params, "outcome", query.outcome());
        equal(sql, params, "card_id", query.cardId());
        equal(sql, params, "child_pseudonym", query.childPseudonym());
        sql.append(" ORDER BY seq LIMIT ?");
        params.add(query.limit());
        return jdbc.sql(sql.toString()).params(params).query(ENTRY).list();
    }

    /** Refusals in [{@code from}, {@code to}) by actor and code: denied accesses, signature failures. */
    public List<java.util.Map<String, Object>> refusals(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT actor, error_code AS code, count(*) AS count, max(at) AS last
                FROM audit_entry WHERE outcome = 'failure' AND error_code IS NOT NULL AND at >= ? AND at < ?
                GROUP BY actor, error_code ORDER BY count(*) DESC LIMIT 200""")
                .params(utc(from), utc(to)).query().listOfRows();
    }

    /**
     * Each actor's number of entries in [{@code from}, {@code to}) beside its average over the
     * seven windows of the same length before, and whether it is unusual: more than three times
     * that average and more than ten entries (or more than ten from an actor never seen before).
     */
    public List<java.util.Map<String, Object>> volumes(Instant from, Instant to) {
        Duration window = Duration.between(from, to);
        return jdbc.sql("""
                WITH now_ AS (SELECT actor, count(*) AS n FROM audit_entry WHERE at >= ? AND at < ? GROUP BY actor),
                     before_ AS (SELECT actor, count(*) / 7.0 AS avg FROM audit_entry WHERE at >= ? AND at < ? GROUP BY actor)
                SELECT n.actor, n.n AS count, round(coalesce(b.avg, 0), 1) AS usual,
                       (n.n > 10 AND n.n > 3 * coalesce(b.avg, 0)) AS unusual
                FROM now_ n LEFT JOIN before_ b ON b.actor = n.actor
                ORDER BY unusual DESC, n.n DESC LIMIT 200""")
                .params(utc(from), utc(to), utc(from.minus(window.multipliedBy(7))), utc(from))
                .query().listOfRows();
    }

    private static void equal(StringBuilder sql, List<Object> params, String column, String value) {
        if (value != null && !value.isBlank()) {
            sql.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
    }

    /** The sealed entries from {@code fromSeq} to {@code toSeq}, in chain order. */
    public List<AuditRecord> entries(long fromSeq, long toSeq) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry WHERE seq BETWEEN ? AND ? ORDER BY seq")
                .params(fromSeq, toSeq).query(ENTRY).list();
    }

    /** The checkpoints from {@code fromSeq} to {@code toSeq}. */
    public List<AuditCheckpoint> checkpoints(long fromSeq, long toSeq) {
        return jdbc.sql("SELECT seq, hash, at, signature FROM audit_checkpoint WHERE seq BETWEEN ? AND ? ORDER BY seq")
                .params(fromSeq, toSeq).query(CHECKPOINT).list();
    }

    /** The hash the entry before {@code seq} carries ({@link AuditChain#GENESIS} before the first). */
    public String hashBefore(long seq) {
        if (seq <= 1) {
            return AuditChain.GENESIS;
        }
        return jdbc.sql("SELECT hash FROM audit_entry WHERE seq = ?").param(seq - 1).query(String.class).optional()
                .orElse(null);
    }

    /** The last entry the hub has signed a checkpoint for, from {@code fromSeq} on, if any. */
    public Optional<Long> lastCheckpointSeq(long fromSeq) {
        return jdbc.sql("SELECT seq FROM audit_checkpoint WHERE seq >= ? ORDER BY seq DESC LIMIT 1").param(fromSeq)
                .query(Long.class).optional();
    }

    /** The last sealed entry's place in the chain (0 when none). */
    public long lastSeq() {
        return jdbc.sql("SELECT coalesce(max(seq), 0) FROM audit_entry").query(Long.class).single();
    }

    public long unsealed() {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE seq IS NULL").query(Long.class).single();
    }

    private static final RowMapper<AuditRecord> ENTRY = (rs, row) -> new AuditRecord(
            rs.getLong("seq"), instant(rs, "at"), rs.getString("actor"), rs.getString("role"), rs.getString("action"),
            rs.getString("sector"), rs.getString("card_id"), rs.getString("child_pseudonym"), rs.getString("outcome"),
            rs.getString("error_code"), rs.getString("payload_sha256"), rs.getString("detail"), rs.getString("prev_hash"),
            rs.getString("hash"));

    private static final RowMapper<AuditCheckpoint> CHECKPOINT = (rs, row) -> new AuditCheckpoint(
            rs.getLong("seq"), rs.getString("hash"), instant(rs, "at"), rs.getString("signature"));
}
