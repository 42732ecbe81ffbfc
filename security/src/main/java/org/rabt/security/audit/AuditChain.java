package org.rabt.security.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain of the audit log and its canonical serialisation (docs/audit.md).
 *
 * <p>An entry's canonical form is the UTF-8 text {@code rabt-audit-v1} followed, for each field
 * in the order of {@link AuditRecord} (seq, at, actor, role, action, sector, cardId,
 * childPseudonym, outcome, errorCode, payloadSha256, detail), by a line holding the field's
 * length in UTF-8 bytes, a colon and the field ({@code -} alone for an absent field): a
 * length-prefixed form, so that no value can be read as two. {@code at} is ISO-8601 in UTC. An
 * entry's hash is the hex SHA-256 of its predecessor's hash (64 hex digits), a line feed, and its
 * canonical form. Written by hand because it is twenty lines and must never change with a
 * library's version.
 */
public final class AuditChain {

    /** The predecessor of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();

    private AuditChain() {
    }

    public static byte[] canonical(AuditRecord entry) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        write(out, "rabt-audit-v1");
        field(out, Long.toString(entry.seq()));
        field(out, entry.at() == null ? null : entry.at().toString());
        field(out, entry.actor());
        field(out, entry.role());
        field(out, entry.action());
        field(out, entry.sector());
        field(out, entry.cardId());
        field(out, entry.childPseudonym());
        field(out, entry.outcome());
        field(out, entry.errorCode());
        field(out, entry.payloadSha256());
        field(out, entry.detail());
        return out.toByteArray();
    }

    /** The hash {@code entry} must carry, given its predecessor's. */
    public static String hashOf(String prevHash, AuditRecord entry) {
        MessageDigest sha256 = sha256();
        sha256.update(prevHash.getBytes(StandardCharsets.US_ASCII));
        sha256.update((byte) '\n');
        sha256.update(canonical(entry));
        return HEX.formatHex(sha256.digest());
    }

    /** What the hub signs for a checkpoint. */
    public static byte[] canonical(AuditCheckpoint checkpoint) {
        return ("rabt-audit-checkpoint-v1\n" + checkpoint.seq() + "\n" + checkpoint.hash() + "\n" + checkpoint.at() + "\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static void field(ByteArrayOutputStream out, String value) {
        if (value == null) {
            write(out, "-");
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bytes);
        out.write('\n');
    }

    private static void write(ByteArrayOutputStream out, String line) {
        out.writeBytes(line.getBytes(StandardCharsets.US_ASCII));
        out.write('\n');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
