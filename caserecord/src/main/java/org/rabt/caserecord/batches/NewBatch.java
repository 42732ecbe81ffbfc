package org.rabt.caserecord.batches;

import java.time.Instant;
import java.util.UUID;
import org.rabt.mappings.cpm.SectorId;

/** A verified, stored batch file about to be registered. */
public record NewBatch(UUID id, SectorId sender, String source, String fileName, String bodySha256, long sizeBytes,
        byte[] signature, String storedPath, Instant receivedAt) {
}
