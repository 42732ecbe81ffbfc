package org.rabt.mappings.cpm;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A document attached to the card, referenced by the SHA-256 of its content (hex); the content
 * itself is stored apart, encrypted.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Attachment(AttachmentType type, String title, String mediaType, long size, String sha256) {
}
