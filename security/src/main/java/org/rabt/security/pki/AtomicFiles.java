package org.rabt.security.pki;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.rabt.security.SecurityError;
import org.rabt.security.SecurityMisconfiguration;

/**
 * Writes a PEM file so that a crash never leaves half of it: the bytes go to a temporary file in
 * the same directory, are forced to disk, then the file is renamed over the target in one step.
 */
final class AtomicFiles {

    private static final Set<PosixFilePermission> SECRET = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> PUBLIC = PosixFilePermissions.fromString("rw-r--r--");

    private AtomicFiles() {
    }

    /** Writes a private key readable by the owner only (600) where the file system has POSIX permissions. */
    static void writeSecret(Path target, String content) {
        write(target, content, SECRET);
    }

    /** Writes a certificate (644 where the file system has POSIX permissions). */
    static void writePublic(Path target, String content) {
        write(target, content, PUBLIC);
    }

    private static void write(Path target, String content, Set<PosixFilePermission> permissions) {
        Path directory = target.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            String prefix = "." + target.getFileName() + ".";
            // The permissions are set at creation, so a key is never readable by others, not even briefly.
            temporary = supportsPosix(directory)
                    ? Files.createTempFile(directory, prefix, ".tmp", posix(permissions))
                    : Files.createTempFile(directory, prefix, ".tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.US_ASCII));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(temporary, e);
            throw new SecurityMisconfiguration(SecurityError.PKI_STORAGE, "Cannot write " + target + " ("
                    + e + "); check that the PKI directory is writable by the hub and the disk is not full.", e);
        }
    }

    private static boolean supportsPosix(Path directory) throws IOException {
        return Files.getFileStore(directory).supportsFileAttributeView(PosixFileAttributeView.class);
    }

    private static FileAttribute<Set<PosixFilePermission>> posix(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }

    private static void deleteQuietly(Path temporary, IOException failure) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
