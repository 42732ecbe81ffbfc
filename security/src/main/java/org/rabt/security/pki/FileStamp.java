package org.rabt.security.pki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

import org.rabt.security.SecurityError;
import org.rabt.security.SecurityMisconfiguration;

/**
 * What identifies one version of a file cheaply: a file replaced by an atomic rename gets another
 * file key (inode), and usually another modification time and size. Lets the running hub notice,
 * with one {@code stat} per use, that {@code pki enrol} or {@code pki revoke} changed a file.
 */
record FileStamp(Object fileKey, FileTime modified, long size) {

    /** The stamp of {@code file}, or null when it does not exist. */
    static FileStamp of(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
        } catch (NoSuchFileException absent) {
            return null;
        } catch (IOException e) {
            throw new SecurityMisconfiguration(SecurityError.PKI_STORAGE, "Cannot read the attributes of " + file
                    + " (" + e + "); check that the PKI directory is readable by the hub.", e);
        }
    }
}
