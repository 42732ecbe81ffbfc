package org.rabt.caserecord.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.UUID;
import org.rabt.caserecord.batches.BatchStore;
import org.rabt.security.SecurityMisconfiguration;
import org.rabt.security.atrest.FileCipher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The stored batch files' side of {@code keys reencrypt} and {@code keys retire}: walks the
 * batches in id order and brings each file under the newest data key. A sealed file is replaced
 * atomically under the same name (a node reading it keeps the file it opened). A file stored in
 * clear before encryption at rest is sealed beside it, the batch is pointed at the sealed file
 * with a compare-and-set on its path, and only then is the clear file deleted; a batch still
 * waiting or being processed keeps its clear file until a later run, since its node reads it by
 * the path it was given.
 */
public final class BatchFileKeys {

    private static final String PLACE = "batch files";

    private final JdbcClient jdbc;
    private final FileCipher files;
    private final Path batchDir;

    /** {@code batchDir}: where the files are when a stored path (relative to another working directory) is not found. */
    public BatchFileKeys(JdbcClient jdbc, FileCipher files, Path batchDir) {
        this.jdbc = jdbc;
        this.files = files;
        this.batchDir = batchDir;
    }

    public Tally reencrypt(int pageSize) {
        int current = files.currentKeyId();
        long reencrypted = 0;
        long fromClear = 0;
        long alreadyCurrent = 0;
        long skipped = 0;
        List<String> failures = new ArrayList<>();
        UUID after = null;
        for (List<StoredBatch> page = page(after, pageSize); !page.isEmpty(); page = page(after, pageSize)) {
            after = page.get(page.size() - 1).id();
            for (StoredBatch batch : page) {
                String context = BatchStore.fileContext(batch.id());
                Path file = locate(batch.storedPath());
                try {
                    if (!Files.exists(file)) {
                        failures.add(context + ": the file " + batch.storedPath() + " is missing");
                    } else if (batch.sealed()) {
                        if (FileCipher.keyOf(file).equals(OptionalInt.of(current))) {
                            alreadyCurrent++;
                        } else {
                            try (InputStream plain = files.open(file, context)) {
                                files.sealReplacing(plain, file, context);
                            }
                            reencrypted++;
                        }
                    } else if (batch.inProgress()) {
                        skipped++;
                    } else if (sealClear(batch, file, context)) {
                        fromClear++;
                    } else {
                        skipped++;
                    }
                } catch (SecurityMisconfiguration | IOException unreadable) {
                    failures.add(context + ": " + unreadable.getMessage());
                }
            }
        }
        return new Tally(PLACE, reencrypted, fromClear, alreadyCurrent, skipped, failures);
    }

    /** How many stored batch files name each key, and how many are in clear. */
    public KeyCounts countByKey(int pageSize) {
        Map<Integer, Long> byKey = new TreeMap<>();
        long inClear = 0;
        UUID after = null;
        for (List<StoredBatch> page = page(after, pageSize); !page.isEmpty(); page = page(after, pageSize)) {
            after = page.get(page.size() - 1).id();
            for (StoredBatch batch : page) {
                Path file = locate(batch.storedPath());
                if (!batch.sealed()) {
                    inClear++;
                    continue;
                }
                OptionalInt key;
                try {
                    key = Files.exists(file) ? FileCipher.keyOf(file) : OptionalInt.empty();
                } catch (IOException unreadable) {
                    throw new UncheckedIOException("cannot read the batch file " + file, unreadable);
                }
                key.ifPresent(id -> byKey.merge(id, 1L, Long::sum));
            }
        }
        return new KeyCounts(byKey, inClear);
    }

    /** Seals a clear file beside it and points the batch at it; false when the batch's path changed meanwhile. */
    private boolean sealClear(StoredBatch batch, Path clear, String context) throws IOException {
        String sealedName = batch.id() + BatchStore.SEALED;
        Path sealed = clear.resolveSibling(sealedName);
        try (InputStream plain = Files.newInputStream(clear)) {
            files.sealReplacing(plain, sealed, context);
        }
        String sealedPath = Path.of(batch.storedPath()).resolveSibling(sealedName).toString();
        int moved = jdbc.sql("UPDATE batch SET stored_path = ? WHERE id = ? AND stored_path = ?")
                .params(sealedPath, batch.id(), batch.storedPath())
                .update();
        if (moved == 0) {
            Files.deleteIfExists(sealed);
            return false;
        }
        Files.delete(clear);
        return true;
    }

    private Path locate(String storedPath) {
        Path path = Path.of(storedPath);
        return Files.exists(path) ? path : batchDir.resolve(path.getFileName());
    }

    private List<StoredBatch> page(UUID after, int pageSize) {
        return jdbc.sql("SELECT id, stored_path, state FROM batch" + (after == null ? "" : " WHERE id > :after")
                        + " ORDER BY id LIMIT :limit")
                .paramSource(after == null ? Map.of("limit", pageSize) : Map.of("after", after, "limit", pageSize))
                .query((rs, row) -> new StoredBatch(rs.getObject("id", UUID.class), rs.getString("stored_path"),
                        rs.getString("state")))
                .list();
    }

    private record StoredBatch(UUID id, String storedPath, String state) {

        boolean sealed() {
            return storedPath.endsWith(BatchStore.SEALED);
        }

        boolean inProgress() {
            return "received".equals(state) || "processing".equals(state);
        }
    }
}
