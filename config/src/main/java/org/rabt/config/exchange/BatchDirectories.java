package org.rabt.config.exchange;

import java.nio.file.Path;

/**
 * Where batches live under the data directory: {@code spool} (bodies being received),
 * {@code batches} (verified files, the evidence of their cards) and {@code drop/education} (the
 * watched directory where a school system drops its files).
 */
public record BatchDirectories(Path spool, Path batches, Path drop) {

    public static BatchDirectories under(Path dataDir) {
        return new BatchDirectories(dataDir.resolve("spool"), dataDir.resolve("batches"),
                dataDir.resolve("drop").resolve("education"));
    }
}
