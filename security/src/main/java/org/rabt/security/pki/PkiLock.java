package org.rabt.security.pki;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.rabt.security.SecurityError;
import org.rabt.security.SecurityMisconfiguration;

/**
 * Serialises changes to a PKI directory ({@code pki enrol}, {@code pki revoke}) across processes
 * with an OS file lock on {@code .lock}, and across threads of one JVM (where a second OS lock on
 * the same file would throw rather than wait). Two operators revoking at once then both land in
 * the revocation list instead of one overwriting the other.
 */
final class PkiLock {

    static final String LOCK_FILE = ".lock";
    private static final ReentrantLock IN_THIS_JVM = new ReentrantLock();

    private PkiLock() {
    }

    static <T> T holding(Path pkiDir, Supplier<T> change) {
        IN_THIS_JVM.lock();
        try (FileChannel channel = FileChannel.open(pkiDir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
            return change.get();
        } catch (IOException e) {
            throw new SecurityMisconfiguration(SecurityError.PKI_STORAGE, "Cannot lock " + pkiDir.resolve(LOCK_FILE)
                    + " (" + e + "); check that the PKI directory is writable.", e);
        } finally {
            IN_THIS_JVM.unlock();
        }
    }
}
