package org.rabt.caserecord.children;

import java.util.UUID;
import org.rabt.mappings.cpm.SectorId;

/**
 * A document a card of the file references, and whether the hub holds its content (the sender
 * uploads it apart, by its SHA-256).
 */
public record FileAttachment(String sha256, String type, String title, String mediaType, long size, UUID cardId,
        SectorId sender, boolean received) {
}
