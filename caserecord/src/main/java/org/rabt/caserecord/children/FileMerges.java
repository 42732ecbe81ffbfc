package org.rabt.caserecord.children;

import static org.rabt.caserecord.SqlValues.instant;
import static org.rabt.caserecord.SqlValues.truncate;
import static org.rabt.caserecord.SqlValues.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.rabt.caserecord.audit.AuditStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * A coordinator's decisions on the review list: merge two files into one, dismiss a pair as two
 * different children, or undo a merge (split the files again). Never silent: each decision is
 * written with its audit entry in one transaction, and a merge records exactly which children it
 * moved, so that undoing it restores both files as they were.
 */
public final class FileMerges {

    /** What became of a decision asked for. */
    public sealed interface Outcome {
        record Merged(FileMerge merge) implements Outcome {
        }

        record Dismissed(long reviewId) implements Outcome {
        }

        record Undone(FileMerge merge) implements Outcome {
        }

        /** No open review (or no merge still in force) has that id. */
        record NotFound() implements Outcome {
        }
    }

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final AuditStore audit;
    private final Clock clock;

    public FileMerges(JdbcClient jdbc, TransactionOperations transactions, AuditStore audit, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Merges the two files of an open review: the file opened first keeps its id and receives the
     * other's children.
     */
    public Outcome merge(long reviewId, String actor, String role, String reason) {
        return transactions.execute(status -> {
            Optional<String[]> pair = openPair(reviewId);
            if (pair.isEmpty()) {
                return new Outcome.NotFound();
            }
            List<UUID> files = jdbc.sql("""
                    SELECT file_id FROM child WHERE pseudonym IN (?, ?)
                    GROUP BY file_id ORDER BY min(first_seen), file_id""")
                    .params(pair.get()[0], pair.get()[1]).query(UUID.class).list();
            Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
            if (files.size() < 2) {
                // merged already through another pair: nothing to move, the review is settled
                decide(reviewId, "merged", actor, at, null);
                return new Outcome.NotFound();
            }
            UUID kept = files.get(0);
            UUID merged = files.get(1);
            List<String> moved = jdbc.sql("UPDATE child SET file_id = ? WHERE file_id = ? RETURNING pseudonym")
                    .params(kept, merged).query(String.class).list();
            long mergeId = jdbc.sql("""
                    INSERT INTO file_merge (kept_file, merged_file, pseudonyms, merged_by, merged_at, reason)
                    VALUES (?, ?, ?::varchar[], ?, ?, ?) RETURNING id""")
                    .params(kept, merged, moved.toArray(String[]::new), truncate(actor, 300), utc(at), truncate(reason, 500))
                    .query(Long.class).single();
            decide(reviewId, "merged", actor, at, mergeId);
            for (String pseudonym : moved) {
                audit.recordAboutChild(at, actor, role, "file-merged", pseudonym, "success",
                        "merge " + mergeId + ": file " + merged + " into " + kept + " (review " + reviewId + ")");
            }
            return new Outcome.Merged(find(mergeId).orElseThrow());
        });
    }

    /** Records that the two children of an open review are not the same child. */
    public Outcome dismiss(long reviewId, String actor, String role) {
        return transactions.execute(status -> {
            Optional<String[]> pair = openPair(reviewId);
            if (pair.isEmpty()) {
                return new Outcome.NotFound();
            }
            Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
            decide(reviewId, "dismissed", actor, at, null);
            audit.recordAboutChild(at, actor, role, "match-dismissed", pair.get()[0], "success",
                    "review " + reviewId + ": not the same child as " + pair.get()[1]);
            return new Outcome.Dismissed(reviewId);
        });
    }

    /**
     * Undoes a merge still in force: its children go back to the file they came from (those a
     * later merge took elsewhere stay where they are), and the review that led to it is dismissed,
     * so the pair does not come back to the list.
     */
    public Outcome undo(long mergeId, String actor, String role) {
        return transactions.execute(status -> {
            Optional<FileMerge> merge = jdbc.sql("SELECT * FROM file_merge WHERE id = ? AND undone_at IS NULL FOR UPDATE")
                    .param(mergeId).query(FileMerges::merge).optional();
            if (merge.isEmpty()) {
                return new Outcome.NotFound();
            }
            Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
            List<String> back = jdbc.sql("""
                    UPDATE child SET file_id = ? WHERE pseudonym = ANY (?::varchar[]) AND file_id = ? RETURNING pseudonym""")
                    .params(merge.get().mergedFile(), merge.get().pseudonyms().toArray(String[]::new), merge.get().keptFile())
                    .query(String.class).list();
            jdbc.sql("UPDATE file_merge SET undone_by = ?, undone_at = ? WHERE id = ?")
                    .params(truncate(actor, 300), utc(at), mergeId).update();
            jdbc.sql("UPDATE match_candidate SET decision = 'dismissed', decided_by = ?, decided_at = ? WHERE merge_id = ?")
                    .params(truncate(actor, 300), utc(at), mergeId).update();
            for (String pseudonym : back) {
                audit.recordAboutChild(at, actor, role, "file-split", pseudonym, "success",
                        "merge " + mergeId + " undone: back to file " + merge.get().mergedFile() + " from "
                                + merge.get().keptFile());
            }
            return new Outcome.Undone(find(mergeId).orElseThrow());
        });
    }

    /** The merges still in force (not undone), the most recent first: what a coordinator may undo. */
    public List<FileMerge> inForce(int limit) {
        return jdbc.sql("SELECT * FROM file_merge WHERE undone_at IS NULL ORDER BY merged_at DESC, id DESC LIMIT ?")
                .param(Math.max(1, Math.min(limit, 500))).query(FileMerges::merge).list();
    }

    public Optional<FileMerge> find(long mergeId) {
        return jdbc.sql("SELECT * FROM file_merge WHERE id = ?").param(mergeId).query(FileMerges::merge).optional();
    }

    private Optional<String[]> openPair(long reviewId) {
        return jdbc.sql("SELECT pseudonym_a, pseudonym_b FROM match_candidate WHERE id = ? AND decision IS NULL FOR UPDATE")
                .param(reviewId)
                .query((rs, row) -> new String[] {rs.getString("pseudonym_a"), rs.getString("pseudonym_b")})
                .optional();
    }

    private void decide(long reviewId, String decision, String actor, Instant at, Long mergeId) {
        jdbc.sql("UPDATE match_candidate SET decision = ?, decided_by = ?, decided_at = ?, merge_id = ? WHERE id = ?")
                .params(decision, truncate(actor, 300), utc(at), mergeId, reviewId).update();
    }

    static FileMerge merge(ResultSet rs, int row) throws SQLException {
        return new FileMerge(rs.getLong("id"), rs.getObject("kept_file", UUID.class), rs.getObject("merged_file", UUID.class),
                ChildFiles.strings(rs.getArray("pseudonyms")), rs.getString("merged_by"), instant(rs, "merged_at"),
                rs.getString("reason"), rs.getString("undone_by"), instant(rs, "undone_at"));
    }
}
