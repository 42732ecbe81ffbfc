package org.rabt.caserecord.attachments;

import static org.rabt.caserecord.SqlValues.utc;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.security.atrest.FieldCipher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Documents attached to cards, by the SHA-256 of their content (what the card's CPM references),
 * encrypted at rest and bound to that hash. The same document sent twice is stored once; its
 * receipt is audited in the same statement.
 */
public final class AttachmentStore {

    /** A stored document, decrypted. */
    public record StoredAttachment(String sha256, String mediaType, byte[] content) {
    }

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    public AttachmentStore(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Stores the document unless it is known already; returns whether it was new. */
    public boolean store(String sha256, String mediaType, byte[] content, SectorId sector, String actor, Instant at) {
        Instant time = at.truncatedTo(ChronoUnit.MICROS);
        return jdbc.sql("""
                WITH a AS (
                    INSERT INTO attachment (sha256, media_type, size_bytes, sector, received_at, content)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING sha256),
                audited AS (
                    INSERT INTO audit_entry (at, actor, role, action, sector, outcome, payload_sha256, detail)
                    SELECT ?, ?, 'sector', 'attachment-received', ?, 'success', sha256, ? FROM a)
                SELECT count(*) FROM a""")
                .params(sha256, mediaType, content.length, sector.code(), utc(time), cipher.seal(content, context(sha256)),
                        utc(time), actor, sector.code(), mediaType + ", " + content.length + " bytes")
                .query(Integer.class).single() == 1;
    }

    public Optional<StoredAttachment> find(String sha256) {
        return jdbc.sql("SELECT media_type, content FROM attachment WHERE sha256 = ?").param(sha256)
                .query((rs, row) -> new StoredAttachment(sha256, rs.getString("media_type"),
                        cipher.open(rs.getBytes("content"), context(sha256))))
                .optional();
    }

    /** Where a document is stored (associated data of its encrypted value). */
    public static String context(String sha256) {
        return "attachment.content/" + sha256;
    }
}
