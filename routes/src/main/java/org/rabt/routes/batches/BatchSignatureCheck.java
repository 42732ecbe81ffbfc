package org.rabt.routes.batches;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.rabt.mappings.cpm.SectorId;

/** Verifies a batch file's detached signature, reading the file as a stream. */
@FunctionalInterface
public interface BatchSignatureCheck {

    /**
     * @param certificate the certificate the sender connected with, or {@code null} for a file
     *                    dropped in a directory (the sector's registered certificate applies)
     * @throws org.rabt.security.SecurityViolation RABT-S001..S006, as for a card
     */
    void verify(SectorId sender, X509Certificate certificate, Path file, String signature);
}
