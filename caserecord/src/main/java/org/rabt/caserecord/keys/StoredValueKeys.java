package org.rabt.caserecord.keys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import org.rabt.security.SecurityMisconfiguration;
import org.rabt.security.atrest.FieldCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Walks the encrypted columns of the case record to bring every value under the newest data key
 * ({@code keys reencrypt}) and to count the values that name each key ({@code keys retire}). The
 * walk goes in key order a page at a time and only reads each value's header until one needs
 * rewriting. Each page's rewrites are one short transaction, and each write is a compare-and-set
 * on the bytes read: a value a hub node changed meanwhile is left as the node wrote it. A run cut
 * short loses nothing, and the next run finishes it.
 */
public final class StoredValueKeys {

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final FieldCipher cipher;
    private final Consumer<String> beforeWrite;

    public StoredValueKeys(JdbcClient jdbc, TransactionOperations transactions, FieldCipher cipher) {
        this(jdbc, transactions, cipher, context -> {
        });
    }

    /** {@code beforeWrite} runs between a value's read and its write: a test's way to write in between. */
    StoredValueKeys(JdbcClient jdbc, TransactionOperations transactions, FieldCipher cipher,
            Consumer<String> beforeWrite) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.cipher = cipher;
        this.beforeWrite = beforeWrite;
    }

    /** Rewrites every value of {@code column} that names an older key, or none, under the newest key. */
    public Tally reencrypt(StoredColumn column, int pageSize) {
        int current = cipher.currentKeyId();
        Counters counters = new Counters();
        Object after = null;
        for (List<Header> page = headers(column, after, pageSize); !page.isEmpty();
                page = headers(column, after, pageSize)) {
            after = page.get(page.size() - 1).rowKey();
            List<Object> stale = new ArrayList<>();
            for (Header header : page) {
                if (header.keyId().equals(OptionalInt.of(current))) {
                    counters.alreadyCurrent++;
                } else {
                    stale.add(header.rowKey());
                }
            }
            if (!stale.isEmpty()) {
                transactions.executeWithoutResult(status -> rewrite(column, stale, counters));
            }
        }
        return new Tally(column.place(), counters.reencrypted, counters.encryptedFromClear, counters.alreadyCurrent,
                counters.skipped, counters.failures);
    }

    /** How many values of {@code column} name each key, and how many are in clear. */
    public KeyCounts countByKey(StoredColumn column, int pageSize) {
        Map<Integer, Long> byKey = new TreeMap<>();
        long inClear = 0;
        Object after = null;
        for (List<Header> page = headers(column, after, pageSize); !page.isEmpty();
                page = headers(column, after, pageSize)) {
            after = page.get(page.size() - 1).rowKey();
            for (Header header : page) {
                if (header.keyId().isPresent()) {
                    byKey.merge(header.keyId().getAsInt(), 1L, Long::sum);
                } else {
                    inClear++;
                }
            }
        }
        return new KeyCounts(byKey, inClear);
    }

    /** The next page of row keys, each with the key its value names, read from the value's first bytes only. */
    private List<Header> headers(StoredColumn column, Object after, int pageSize) {
        String head = column.text
                ? "left(" + column.column + ", " + FieldCipher.KEY_HEADER_CHARS + ")"
                : "substring(" + column.column + " from 1 for " + FieldCipher.KEY_HEADER_BYTES + ")";
        String sql = "SELECT " + column.key + " AS row_key, " + head + " AS head FROM " + column.table
                + (after == null ? "" : " WHERE " + column.key + " > ?") + " ORDER BY " + column.key + " LIMIT ?";
        JdbcClient.StatementSpec statement = jdbc.sql(sql);
        if (after != null) {
            statement = statement.param(after);
        }
        return statement.param(pageSize)
                .query((rs, row) -> new Header(rs.getObject("row_key"),
                        column.text ? FieldCipher.keyOfText(rs.getString("head")) : FieldCipher.keyOf(rs.getBytes("head"))))
                .list();
    }

    private void rewrite(StoredColumn column, List<Object> rowKeys, Counters counters) {
        Object[] keys = column == StoredColumn.ATTACHMENT ? rowKeys.toArray(String[]::new)
                : rowKeys.toArray(UUID[]::new);
        List<Stored> values = jdbc.sql("SELECT " + column.key + " AS row_key, " + column.column + " AS value FROM "
                        + column.table + " WHERE " + column.key + " = ANY(?) ORDER BY " + column.key)
                .param(keys)
                .query((rs, row) -> new Stored(rs.getObject("row_key"),
                        column.text ? rs.getString("value") : rs.getBytes("value")))
                .list();
        for (Stored stored : values) {
            String context = column.context(stored.rowKey());
            boolean inClear = column.text ? FieldCipher.keyOfText((String) stored.value()).isEmpty()
                    : FieldCipher.keyOf((byte[]) stored.value()).isEmpty();
            Object resealed;
            try {
                resealed = column.text ? cipher.resealText((String) stored.value(), context)
                        : cipher.reseal((byte[]) stored.value(), context);
            } catch (SecurityMisconfiguration unreadable) {
                counters.failures.add(context + " does not decrypt (" + unreadable.getMessage() + ")");
                continue;
            }
            beforeWrite.accept(context);
            int written = jdbc.sql("UPDATE " + column.table + " SET " + column.column + " = ? WHERE " + column.key
                            + " = ? AND " + column.column + " = ?")
                    .params(resealed, stored.rowKey(), stored.value())
                    .update();
            if (written == 0) {
                counters.skipped++;
            } else if (inClear) {
                counters.encryptedFromClear++;
            } else {
                counters.reencrypted++;
            }
        }
    }

    private record Header(Object rowKey, OptionalInt keyId) {
    }

    private record Stored(Object rowKey, Object value) {
    }

    private static final class Counters {
        long reencrypted;
        long encryptedFromClear;
        long alreadyCurrent;
        long skipped;
        final List<String> failures = new ArrayList<>();
    }
}
