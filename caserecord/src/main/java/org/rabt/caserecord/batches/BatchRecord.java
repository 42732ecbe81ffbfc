package org.rabt.caserecord.batches;

import java.time.Instant;
import java.util.UUID;
import org.rabt.mappings.cpm.SectorId;

/** A batch as stored: its file, where its processing stands and what came of it. */
public record BatchRecord(UUID id, SectorId sender, String source, String fileName, String bodySha256,
        long sizeBytes, String storedPath, BatchState state, long linesDone, long admitted, long rejected,
        String errorCode, String errorDetail, Instant receivedAt, Instant completedAt) {
}
