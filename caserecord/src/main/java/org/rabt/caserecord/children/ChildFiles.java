package org.rabt.caserecord.children;

import static org.rabt.caserecord.SqlValues.instant;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.rabt.caserecord.cards.CardStore;
import org.rabt.mappings.cpm.CardType;
import org.rabt.mappings.cpm.ChildProtected;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.CpmJson;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.cpm.TaskStatus;
import org.rabt.security.atrest.FieldCipher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the case record: the files of the children, each gathered from every sector's cards
 * through the children's pseudonyms, the referrals and their deadlines, and the review list of
 * possible duplicates. Everything but the identity is read from clear columns; the identity is
 * decrypted from the child's most recent card, and only when the caller asks for it (the staff
 * layer decides who may).
 */
public final class ChildFiles {

    /** Task statuses after which a referral waits for nothing more. */
    public static final String CLOSED_STATUSES = "('completed', 'rejected', 'cancelled', 'failed')";

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final ChildPseudonyms pseudonyms;
    private final Clock clock;
    private final int responseDays;

    /**
     * @param responseDays the time a receiver has to answer a referral that names no due date
     */
    public ChildFiles(JdbcClient jdbc, FieldCipher cipher, ChildPseudonyms pseudonyms, Clock clock, int responseDays) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
        this.responseDays = Math.max(0, responseDays);
    }

    /** A referral's due date in SQL, over the card table aliased {@code c}. */
    private String due() {
        return "COALESCE(c.due_by, (c.received_at AT TIME ZONE 'UTC')::date + " + responseDays + ")";
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /**
     * Files matching {@code query}, most recently active first: all files when it is blank; the
     * file of a card or the file itself when it is a UUID; the file of a pseudonym; otherwise the
     * files of children whose names contain every word (spelling and transliteration variants
     * included, through the names' keyed skeletons: no name is stored to search).
     */
    public List<ChildSummary> search(String query, int limit, int offset, boolean withIdentity) {
        int page = Math.max(1, Math.min(limit, 200));
        int skip = Math.max(0, offset);
        List<UUID> files;
        String q = query == null ? "" : query.trim();
        if (q.isEmpty()) {
            files = jdbc.sql("""
                    SELECT ch.file_id FROM child ch JOIN card c ON c.child_pseudonym = ch.pseudonym
                    GROUP BY ch.file_id ORDER BY max(c.received_at) DESC, ch.file_id LIMIT ? OFFSET ?""")
                    .params(page, skip).query(UUID.class).list();
        } else if (isUuid(q)) {
            UUID id = UUID.fromString(q);
            files = jdbc.sql("""
                    SELECT DISTINCT ch.file_id FROM child ch
                    WHERE ch.file_id = ? OR ch.pseudonym = (SELECT child_pseudonym FROM card WHERE id = ?)""")
                    .params(id, id).query(UUID.class).list();
        } else {
            List<String> keys = pseudonyms.searchKeys(q);
            files = jdbc.sql("""
                    SELECT ch.file_id FROM child ch JOIN card c ON c.child_pseudonym = ch.pseudonym
                    WHERE ch.file_id IN (
                        SELECT file_id FROM child
                        WHERE pseudonym = ?
                           OR pseudonym IN (SELECT pseudonym FROM child_match_key WHERE key = ANY (?::varchar[])
                                            GROUP BY pseudonym HAVING count(DISTINCT key) = ?))
                    GROUP BY ch.file_id ORDER BY max(c.received_at) DESC, ch.file_id LIMIT ? OFFSET ?""")
                    .params(q, keys.toArray(String[]::new), keys.isEmpty() ? -1 : keys.size(), page, skip)
                    .query(UUID.class).list();
        }
        return summaries(files, withIdentity);
    }

    /** The consolidated file, or empty when no child has that file id. */
    public Optional<ChildFile> file(UUID fileId, boolean withIdentity) {
        List<ChildSummary> summaries = summaries(List.of(fileId), false);
        if (summaries.isEmpty()) {
            return Optional.empty();
        }
        // every card's message decrypted once, for the identity and the documents alike
        List<OpenedCard> cards = opened(fileId, Integer.MAX_VALUE);
        ChildProtected identity = withIdentity ? identityIn(cards).orElse(null) : null;
        ChildSummary summary = identity == null ? summaries.get(0) : summaries.get(0).withDisplayName(name(identity));
        return Optional.of(new ChildFile(summary, identity, timeline(fileId), referrals(fileId), stages(fileId),
                merges(fileId), attachmentsIn(cards)));
    }

    /** The file a child (pseudonym) is in. */
    public Optional<UUID> fileOf(String pseudonym) {
        return jdbc.sql("SELECT file_id FROM child WHERE pseudonym = ?").param(pseudonym).query(UUID.class).optional();
    }

    /** The child's pseudonym the file was first opened for (what an audit entry about the file names). */
    public Optional<String> firstPseudonym(UUID fileId) {
        return jdbc.sql("SELECT pseudonym FROM child WHERE file_id = ? ORDER BY first_seen, pseudonym LIMIT 1")
                .param(fileId).query(String.class).optional();
    }

    /**
     * Referrals (linkage cards), the oldest due first: all, or only the overdue ones; of one
     * receiving sector when {@code to} is given.
     */
    public List<Referral> referrals(boolean overdueOnly, SectorId to, int limit, int offset) {
        StringBuilder where = new StringBuilder("c.card_type = 'linkage'");
        List<Object> params = new ArrayList<>();
        if (overdueOnly) {
            where.append(" AND c.task_status NOT IN ").append(CLOSED_STATUSES).append(" AND ").append(due()).append(" < ?");
            params.add(today());
        }
        if (to != null) {
            where.append(" AND c.receiver_sector = ?");
            params.add(to.code());
        }
        params.add(Math.max(1, Math.min(limit, 500)));
        params.add(Math.max(0, offset));
        return jdbc.sql(referralSelect() + " WHERE " + where + " ORDER BY due, c.received_at LIMIT ? OFFSET ?")
                .params(params).query(this::referral).list();
    }

    /**
     * The newest cards for the centre's attention, newest first: those addressed to the centre
     * (reporting cards, answers) and those the centre did not send itself, received since {@code since}.
     */
    public List<RecentCard> recentCards(java.time.Instant since, int limit) {
        return jdbc.sql("""
                SELECT c.id, ch.file_id, c.card_type, c.sender_sector, c.receiver_sector, c.received_at, c.stage,
                       c.concerns, c.task_status
                FROM card c JOIN child ch ON ch.pseudonym = c.child_pseudonym
                WHERE c.received_at >= ? AND c.sender_sector <> 'centre'
                ORDER BY c.received_at DESC, c.id LIMIT ?""")
                .params(org.rabt.caserecord.SqlValues.utc(since), Math.max(1, Math.min(limit, 500)))
                .query((rs, row) -> new RecentCard(rs.getObject("id", UUID.class), rs.getObject("file_id", UUID.class),
                        CardType.fromCode(rs.getString("card_type")), SectorId.fromCode(rs.getString("sender_sector")),
                        SectorId.fromCode(rs.getString("receiver_sector")), instant(rs, "received_at"),
                        rs.getObject("stage") == null ? null : rs.getInt("stage"), strings(rs.getArray("concerns")),
                        TaskStatus.fromCode(rs.getString("task_status"))))
                .list();
    }

    /** The open review list: pairs of files that may be one child, oldest first. */
    public List<MatchReview> reviews(boolean withIdentity, int limit) {
        record Pair(long id, java.time.Instant foundAt, UUID fileA, UUID fileB, List<String> reasons) {
        }
        List<Pair> pairs = jdbc.sql("""
                SELECT m.id, m.found_at, a.file_id AS file_a, b.file_id AS file_b,
                       a.identified_by AS id_a, b.identified_by AS id_b, a.birth_year AS year_a, b.birth_year AS year_b,
                       EXISTS (SELECT 1 FROM child_match_key ka JOIN child_match_key kb ON kb.key = ka.key
                               WHERE ka.pseudonym = a.pseudonym AND kb.pseudonym = b.pseudonym AND ka.kind = 'exact') AS same_name
                FROM match_candidate m
                JOIN child a ON a.pseudonym = m.pseudonym_a
                JOIN child b ON b.pseudonym = m.pseudonym_b
                WHERE m.decision IS NULL AND a.file_id <> b.file_id
                ORDER BY m.found_at, m.id LIMIT ?""")
                .param(Math.max(1, Math.min(limit, 500)))
                .query((rs, row) -> new Pair(rs.getLong("id"), instant(rs, "found_at"), rs.getObject("file_a", UUID.class),
                        rs.getObject("file_b", UUID.class), reasons(rs)))
                .list();
        List<UUID> files = pairs.stream().flatMap(p -> java.util.stream.Stream.of(p.fileA(), p.fileB())).distinct().toList();
        Map<UUID, ChildSummary> byFile = new LinkedHashMap<>();
        summaries(files, withIdentity).forEach(s -> byFile.put(s.fileId(), s));
        return pairs.stream()
                .filter(p -> byFile.containsKey(p.fileA()) && byFile.containsKey(p.fileB()))
                .map(p -> new MatchReview(p.id(), p.foundAt(), byFile.get(p.fileA()), byFile.get(p.fileB()), p.reasons()))
                .toList();
    }

    private static List<String> reasons(ResultSet rs) throws SQLException {
        List<String> reasons = new ArrayList<>();
        reasons.add(rs.getBoolean("same_name") ? "same-name" : "name-variant");
        int a = rs.getInt("year_a");
        boolean aKnown = !rs.wasNull();
        int b = rs.getInt("year_b");
        if (aKnown && !rs.wasNull() && a != b) {
            reasons.add("birth-year-differs");
        }
        Set<String> numbered = Set.of("cnie", "etat-civil");
        if (numbered.contains(rs.getString("id_a")) != numbered.contains(rs.getString("id_b"))) {
            reasons.add("identifier-missing");
        }
        return reasons;
    }

    // --- the parts of a file ------------------------------------------------------------------

    private List<ChildSummary> summaries(List<UUID> files, boolean withIdentity) {
        if (files.isEmpty()) {
            return List.of();
        }
        Map<UUID, ChildSummary> byFile = new LinkedHashMap<>();
        files.forEach(f -> byFile.put(f, null));
        jdbc.sql("""
                SELECT ch.file_id,
                       array_agg(DISTINCT ch.pseudonym) AS pseudonyms,
                       (array_agg(c.sex ORDER BY c.received_at DESC) FILTER (WHERE c.sex IS NOT NULL AND c.sex <> 'unknown'))[1] AS sex,
                       coalesce(max(ch.birth_year), max(c.birth_year)) AS birth_year,
                       (array_agg(c.age_band ORDER BY c.received_at DESC) FILTER (WHERE c.age_band IS NOT NULL))[1] AS age_band,
                       (array_agg(c.province ORDER BY c.received_at DESC) FILTER (WHERE c.province IS NOT NULL))[1] AS province,
                       array_agg(DISTINCT c.sender_sector) || array_agg(DISTINCT c.receiver_sector) AS sectors,
                       count(DISTINCT c.id) AS cards,
                       (array_agg(c.stage ORDER BY c.received_at DESC) FILTER (WHERE c.stage IS NOT NULL))[1] AS stage,
                       max(c.updated_at) AS last_activity,
                       count(DISTINCT c.id) FILTER (WHERE c.card_type = 'linkage' AND c.task_status NOT IN %s) AS open_referrals,
                       count(DISTINCT c.id) FILTER (WHERE c.card_type = 'linkage' AND c.task_status NOT IN %s AND %s < ?) AS overdue
                FROM child ch JOIN card c ON c.child_pseudonym = ch.pseudonym
                WHERE ch.file_id = ANY (?)
                GROUP BY ch.file_id""".formatted(CLOSED_STATUSES, CLOSED_STATUSES, due()))
                .params(today(), files.toArray(UUID[]::new))
                .query((rs, row) -> {
                    UUID file = rs.getObject("file_id", UUID.class);
                    Integer birthYear = rs.getObject("birth_year") == null ? null : rs.getInt("birth_year");
                    Integer stage = rs.getObject("stage") == null ? null : rs.getInt("stage");
                    return new ChildSummary(file, strings(rs.getArray("pseudonyms")),
                            withIdentity ? displayName(file) : null, rs.getString("sex"), birthYear, rs.getString("age_band"),
                            rs.getString("province"), sectors(strings(rs.getArray("sectors"))), rs.getInt("cards"), stage,
                            instant(rs, "last_activity"), rs.getInt("open_referrals"), rs.getInt("overdue"));
                })
                .list()
                .forEach(summary -> byFile.put(summary.fileId(), summary));
        return byFile.values().stream().filter(s -> s != null).toList();
    }

    private List<TimelineEntry> timeline(UUID fileId) {
        return jdbc.sql("""
                SELECT * FROM (
                    SELECT c.received_at AS at, 'card' AS kind, c.id, c.card_type, c.sender_sector, c.receiver_sector,
                           c.stage, c.concerns, c.task_status AS status, NULL AS words, 0 AS event_id
                    FROM child ch JOIN card c ON c.child_pseudonym = ch.pseudonym WHERE ch.file_id = ?
                    UNION ALL
                    SELECT e.at, CASE WHEN e.task_status IS NULL THEN 'undelivered' ELSE 'status' END, c.id, c.card_type,
                           c.sender_sector, c.receiver_sector, NULL, NULL, e.task_status, e.detail, e.id
                    FROM child ch JOIN card c ON c.child_pseudonym = ch.pseudonym
                    JOIN card_event e ON e.card_id = c.id
                    WHERE ch.file_id = ? AND (e.task_status IS NOT NULL OR e.delivery_status = 'dead-lettered')
                ) t ORDER BY at, event_id""")
                .params(fileId, fileId)
                .query((rs, row) -> new TimelineEntry(instant(rs, "at"), rs.getString("kind"), rs.getObject("id", UUID.class),
                        CardType.fromCode(rs.getString("card_type")), SectorId.fromCode(rs.getString("sender_sector")),
                        SectorId.fromCode(rs.getString("receiver_sector")),
                        rs.getObject("stage") == null ? null : rs.getInt("stage"), strings(rs.getArray("concerns")),
                        rs.getString("status") == null ? null : TaskStatus.fromCode(rs.getString("status")),
                        // the console says who reported what in the reader's language; the receiver's words stay theirs
                        CardStore.receiverWords(rs.getString("words"))))
                .list();
    }

    private List<Referral> referrals(UUID fileId) {
        return jdbc.sql(referralSelect() + " WHERE c.card_type = 'linkage' AND ch.file_id = ? ORDER BY c.received_at")
                .param(fileId).query(this::referral).list();
    }

    private String referralSelect() {
        return """
                SELECT c.id, ch.file_id, c.child_pseudonym, c.sender_sector, c.receiver_sector, c.received_at,
                       %s AS due, c.task_status, c.business_status, c.status_reason,
                       (SELECT max(e.at) FROM card_event e WHERE e.card_id = c.id AND e.task_status IS NOT NULL) AS answered_at
                FROM card c JOIN child ch ON ch.pseudonym = c.child_pseudonym""".formatted(due());
    }

    private Referral referral(ResultSet rs, int row) throws SQLException {
        LocalDate due = rs.getObject("due", LocalDate.class);
        TaskStatus status = TaskStatus.fromCode(rs.getString("task_status"));
        boolean closed = EnumSet.of(TaskStatus.COMPLETED, TaskStatus.REJECTED, TaskStatus.CANCELLED, TaskStatus.FAILED)
                .contains(status);
        return new Referral(rs.getObject("id", UUID.class), rs.getObject("file_id", UUID.class),
                rs.getString("child_pseudonym"), SectorId.fromCode(rs.getString("sender_sector")),
                SectorId.fromCode(rs.getString("receiver_sector")), instant(rs, "received_at"), due, status,
                rs.getString("business_status"), rs.getString("status_reason"), instant(rs, "answered_at"),
                !closed && due != null && due.isBefore(today()));
    }

    private List<StageChange> stages(UUID fileId) {
        List<StageChange> changes = new ArrayList<>();
        jdbc.sql("""
                SELECT c.received_at, c.stage, c.id, c.sender_sector FROM child ch JOIN card c ON c.child_pseudonym = ch.pseudonym
                WHERE ch.file_id = ? AND c.stage IS NOT NULL ORDER BY c.received_at, c.id""")
                .param(fileId)
                .query((rs, row) -> new StageChange(instant(rs, "received_at"), rs.getInt("stage"),
                        rs.getObject("id", UUID.class), SectorId.fromCode(rs.getString("sender_sector"))))
                .list()
                .forEach(change -> {
                    if (changes.isEmpty() || changes.get(changes.size() - 1).stage() != change.stage()) {
                        changes.add(change);
                    }
                });
        return changes;
    }

    /** The merges that brought children into this file or took them out of it. */
    public List<FileMerge> merges(UUID fileId) {
        return jdbc.sql("SELECT * FROM file_merge WHERE kept_file = ? OR merged_file = ? ORDER BY merged_at, id")
                .params(fileId, fileId).query(FileMerges::merge).list();
    }

    /** A card of a file with its shared message decrypted. */
    private record OpenedCard(UUID id, SectorId sender, ChildProtectionMessage cpm) {
    }

    /** The file's cards, newest first, at most {@code limit}, their messages decrypted. */
    private List<OpenedCard> opened(UUID fileId, int limit) {
        return jdbc.sql("""
                SELECT c.id, c.sender_sector, c.cpm FROM child ch JOIN card c ON c.child_pseudonym = ch.pseudonym
                WHERE ch.file_id = ? ORDER BY c.received_at DESC, c.id LIMIT ?""")
                .params(fileId, limit)
                .query((rs, row) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new OpenedCard(id, SectorId.fromCode(rs.getString("sender_sector")),
                            CpmJson.read(cipher.openText(rs.getString("cpm"), CardStore.cpmContext(id))));
                })
                .list();
    }

    /**
     * The documents the file's cards reference, each once (as its first card named it), and
     * whether the hub holds the content.
     */
    public List<FileAttachment> attachments(UUID fileId) {
        return attachmentsIn(opened(fileId, Integer.MAX_VALUE));
    }

    private List<FileAttachment> attachmentsIn(List<OpenedCard> newestFirst) {
        Map<String, FileAttachment> found = new LinkedHashMap<>();
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            OpenedCard card = newestFirst.get(i);
            for (org.rabt.mappings.cpm.Attachment a : card.cpm().attachments()) {
                if (a.sha256() != null) {
                    found.putIfAbsent(a.sha256(), new FileAttachment(a.sha256(), a.type() == null ? null : a.type().code(),
                            a.title(), a.mediaType(), a.size(), card.id(), card.sender(), false));
                }
            }
        }
        if (found.isEmpty()) {
            return List.of();
        }
        List<String> held = jdbc.sql("SELECT sha256 FROM attachment WHERE sha256 = ANY (?::varchar[])")
                .param(found.keySet().toArray(String[]::new)).query(String.class).list();
        return found.values().stream().map(a -> held.contains(a.sha256()) ? new FileAttachment(a.sha256(), a.type(),
                a.title(), a.mediaType(), a.size(), a.cardId(), a.sender(), true) : a).toList();
    }

    /** The identity of the most recent card that names the child. */
    private static Optional<ChildProtected> identityIn(List<OpenedCard> newestFirst) {
        return newestFirst.stream().map(card -> card.cpm().childProtected())
                .filter(identity -> identity != null && (identity.familyNameLatin() != null
                        || identity.familyNameArabic() != null || identity.givenNameLatin() != null
                        || identity.givenNameArabic() != null))
                .findFirst();
    }

    /** The name a list shows: from the file's ten most recent cards. */
    private String displayName(UUID fileId) {
        return identityIn(opened(fileId, 10)).map(ChildFiles::name).orElse(null);
    }

    /** "Given Family" in Latin script, else in Arabic, else whichever part is known. */
    static String name(ChildProtected identity) {
        String latin = join(identity.givenNameLatin(), identity.familyNameLatin());
        String arabic = join(identity.givenNameArabic(), identity.familyNameArabic());
        if (!latin.isEmpty() && !arabic.isEmpty()) {
            return latin + " — " + arabic;
        }
        return latin.isEmpty() ? (arabic.isEmpty() ? null : arabic) : latin;
    }

    private static String join(String given, String family) {
        return ((given == null ? "" : given) + " " + (family == null ? "" : family)).trim();
    }

    private static List<SectorId> sectors(List<String> codes) {
        EnumSet<SectorId> sectors = EnumSet.noneOf(SectorId.class);
        codes.stream().filter(c -> c != null).map(SectorId::fromCode).forEach(sectors::add);
        sectors.remove(SectorId.CENTRE);
        return List.copyOf(sectors);
    }

    static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).filter(v -> v != null).map(Object::toString).toList();
    }

    private static boolean isUuid(String text) {
        try {
            UUID.fromString(text);
            return text.length() == 36;
        } catch (IllegalArgumentException notOne) {
            return false;
        }
    }
}
