package org.rabt.caserecord.children;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A coordinator's merge of two files: which pseudonyms moved from {@code mergedFile} into
 * {@code keptFile}, and, once undone, who split them back and when.
 */
public record FileMerge(
        long id,
        UUID keptFile,
        UUID mergedFile,
        List<String> pseudonyms,
        String mergedBy,
        Instant mergedAt,
        String reason,
        String undoneBy,
        Instant undoneAt) {

    public FileMerge {
        pseudonyms = List.copyOf(pseudonyms);
    }

    public boolean undone() {
        return undoneAt != null;
    }
}
