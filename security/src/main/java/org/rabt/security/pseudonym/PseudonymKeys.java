package org.rabt.security.pseudonym;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The pseudonym key lives in a file under the data directory, never in the database: a copy of
 * the database alone cannot link pseudonyms back to identities.
 */
public final class PseudonymKeys {

    private static final int KEY_BYTES = 32;

    private PseudonymKeys() {
    }

    /** Reads the key at {@code file}, creating a random one on first use. */
    public static byte[] loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readAllBytes(file);
            }
            Files.createDirectories(file.getParent());
            byte[] key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            Path temporary = Files.createTempFile(file.getParent(), ".pseudonym", ".tmp");
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the directory's ACL protects it.
            }
            Files.write(temporary, key);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file);
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the pseudonym key " + file, e);
        }
    }
}
