package org.rabt.config.wiring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Supplier;

/**
 * Serialises the creation of the hub's keys and PKI between processes sharing one data directory:
 * several hub nodes started at once on an empty shared directory would otherwise each create a CA
 * and keys, and the last writer would win file by file. Under this lock the first node creates
 * them and the others load what it created. An OS file lock on {@code DATA/.first-start.lock}
 * (over NFS it needs the server's lock manager, which NFSv4 has).
 */
final class FirstStartLock {

    private FirstStartLock() {
    }

    static <T> T whileHeld(Path dataDir, Supplier<T> loadOrCreate) {
        try {
            Files.createDirectories(dataDir);
            try (FileChannel channel = FileChannel.open(dataDir.resolve(".first-start.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
                 FileLock held = channel.lock()) {
                return loadOrCreate.get();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + dataDir + " to create the hub's keys", e);
        }
    }
}
