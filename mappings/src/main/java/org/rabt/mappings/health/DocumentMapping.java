package org.rabt.mappings.health;

import static org.rabt.mappings.health.FhirValues.missing;
import static org.rabt.mappings.health.FhirValues.text;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.DocumentReference;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.cpm.Attachment;
import org.rabt.mappings.cpm.AttachmentType;

/**
 * An attachment, from a DocumentReference. The CPM references a document by its SHA-256; the
 * hub computes it from inline data, or takes it from the sha256 extension when the data travel
 * apart (FHIR R4's own Attachment.hash is SHA-1, too weak to reference evidence).
 */
final class DocumentMapping {

    static final String DOCUMENT = "Bundle.entry[DocumentReference]";

    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z]+/[a-zA-Z0-9.+-]+");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private DocumentMapping() {
    }

    static Attachment attachment(DocumentReference document) {
        AttachmentType type = FhirValues.coding(document.getType(), RabtFhir.ATTACHMENT_TYPE, DOCUMENT + ".type")
                .orElseThrow(() -> missing(DOCUMENT + ".type", "a coding from " + RabtFhir.ATTACHMENT_TYPE))
                .as(AttachmentType.class);
        String title = text(document.getDescription(), 200, DOCUMENT + ".description");
        if (!document.hasContent()) {
            throw MappingException.missing(DOCUMENT + ".content");
        }
        String field = DOCUMENT + ".content[0].attachment";
        org.hl7.fhir.r4.model.Attachment content = document.getContent().get(0).getAttachment();
        String mediaType = mediaType(content.getContentType(), field + ".contentType");
        Optional<String> declaredHash = FhirValues.extensionString(content.getExtension(), RabtFhir.EXT_SHA256,
                field + ".extension[sha256]").map(hex -> sha256Hex(hex, field + ".extension[sha256]"));
        if (content.hasData()) {
            return inline(type, title, mediaType, content, declaredHash, field);
        }
        if (!content.hasSize()) {
            throw missing(field + ".size", "the size in bytes, when the data are not inline");
        }
        String sha256 = declaredHash.orElseThrow(() -> missing(field + ".extension[sha256]",
                "the SHA-256 (hex) of the content, when the data are not inline"));
        return new Attachment(type, title, mediaType, content.getSize(), sha256);
    }

    /**
     * Inline data: size and hash are computed, a declared hash must agree. (A stated size that
     * disagrees with the data never gets here: base R4 validation rejects it.)
     */
    private static Attachment inline(AttachmentType type, String title, String mediaType,
                                     org.hl7.fhir.r4.model.Attachment content, Optional<String> declaredHash,
                                     String field) {
        byte[] data = content.getData();
        String sha256 = HexFormat.of().formatHex(sha256(data));
        if (declaredHash.isPresent() && !declaredHash.get().equals(sha256)) {
            throw MappingException.invalid(field + ".extension[sha256]", "does not match the SHA-256 of the data");
        }
        return new Attachment(type, title, mediaType, data.length, sha256);
    }

    /** The type/subtype of a media type; parameters such as charset are not carried. */
    private static String mediaType(String contentType, String field) {
        if (contentType == null || contentType.isBlank()) {
            throw missing(field, "the media type, e.g. application/pdf");
        }
        String mediaType = contentType.split(";", 2)[0].strip();
        if (!MEDIA_TYPE.matcher(mediaType).matches()) {
            throw MappingException.invalid(field, "'" + contentType + "' is not a media type such as application/pdf");
        }
        return mediaType;
    }

    private static String sha256Hex(String hex, String field) {
        String normalised = hex.strip().toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(normalised).matches()) {
            throw MappingException.invalid(field, "is not a SHA-256 in hexadecimal (64 characters)");
        }
        return normalised;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            // every Java platform must provide SHA-256
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
