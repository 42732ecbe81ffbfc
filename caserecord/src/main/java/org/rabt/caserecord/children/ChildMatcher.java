package org.rabt.caserecord.children;

import static org.rabt.caserecord.SqlValues.utc;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Finds children who may be one: a child seen anew (or under a new spelling) is compared with every other
 * child sharing a name skeleton ({@link MatchKey#SOUND}: spelling and transliteration variants),
 * whose birth year is within one year (or unknown) and whose sex does not differ. Each such pair
 * in different files goes to the review list once; a coordinator decides. It runs apart from
 * intake (a timer), so receiving a card never waits for it; several hub nodes may run it at
 * once (rows are claimed with SKIP LOCKED, pairs are unique).
 */
public final class ChildMatcher {

    private final JdbcClient jdbc;

    public ChildMatcher(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What one pass did: how many children it compared, how many pairs it put on the review list. */
    public record Pass(int compared, int found) {
    }

    /** Compares the children of up to {@code limit} name keys not compared yet. */
    public Pass matchPending(Instant now, int limit) {
        return jdbc.sql("""
                WITH todo AS (
                    SELECT key, pseudonym FROM child_match_key WHERE matched_at IS NULL AND kind = 'sound'
                    ORDER BY pseudonym LIMIT ? FOR UPDATE SKIP LOCKED),
                pairs AS (
                    SELECT DISTINCT LEAST(a.pseudonym, b.pseudonym) AS pa, GREATEST(a.pseudonym, b.pseudonym) AS pb
                    FROM todo t
                    JOIN child a ON a.pseudonym = t.pseudonym
                    JOIN child_match_key kb ON kb.key = t.key AND kb.pseudonym <> t.pseudonym
                    JOIN child b ON b.pseudonym = kb.pseudonym
                    WHERE a.file_id <> b.file_id
                      AND (a.birth_year IS NULL OR b.birth_year IS NULL OR abs(a.birth_year - b.birth_year) <= 1)
                      AND (a.sex IS NULL OR b.sex IS NULL OR a.sex IN ('unknown', 'other') OR b.sex IN ('unknown', 'other')
                           OR a.sex = b.sex)),
                found AS (
                    INSERT INTO match_candidate (pseudonym_a, pseudonym_b, found_at) SELECT pa, pb, ? FROM pairs
                    ON CONFLICT DO NOTHING RETURNING id),
                done AS (
                    UPDATE child_match_key k SET matched_at = ? FROM todo t WHERE k.key = t.key AND k.pseudonym = t.pseudonym)
                SELECT (SELECT count(*) FROM todo) AS compared, (SELECT count(*) FROM found) AS found""")
                .params(Math.max(1, limit), utc(now.truncatedTo(ChronoUnit.MICROS)), utc(now.truncatedTo(ChronoUnit.MICROS)))
                .query((rs, row) -> new Pass(rs.getInt("compared"), rs.getInt("found"))).single();
    }
}
