package org.rabt.security.audit;

import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rabt.security.SecurityViolation;
import org.rabt.security.signature.DetachedSignatureVerifier;

/**
 * Verifies a stretch of the audit log: the entries follow each other without gap, each names its
 * predecessor's hash and carries the hash of its own content, and the chain passes through every
 * checkpoint the hub signed. Editing an entry breaks its hash; deleting one leaves a gap;
 * inserting or reordering breaks the sequence or the links; rewriting the chain from an edited
 * entry on (recomputing every hash) disagrees with the next checkpoint, which only the hub's key
 * could sign.
 */
public final class AuditVerifier {

    private final X509Certificate hubCertificate;
    private final DetachedSignatureVerifier signatures;

    /**
     * @param hubCertificate the certificate of the key that signs checkpoints
     * @param ca             the CA that issued it
     */
    public AuditVerifier(X509Certificate hubCertificate, X509Certificate ca) {
        this.hubCertificate = hubCertificate;
        this.signatures = new DetachedSignatureVerifier(List.of(ca));
    }

    /**
     * @param entries     the entries in the order they are stored or exported
     * @param checkpoints the hub's checkpoints over (at least) that stretch
     * @param anchor      the hash the first entry must follow ({@link AuditChain#GENESIS} when the
     *                    stretch starts at the first entry), or {@code null} to take the first
     *                    entry's link as given (a stretch from the middle of the log)
     */
    public AuditVerification verify(List<AuditRecord> entries, List<AuditCheckpoint> checkpoints, String anchor) {
        Map<Long, String> hashes = new HashMap<>();
        AuditRecord previous = null;
        for (AuditRecord entry : entries) {
            String problem = linkProblem(previous, entry, anchor);
            if (problem == null && !AuditChain.hashOf(entry.prevHash(), entry).equals(entry.hash())) {
                problem = "its content differs from what was sealed (its hash does not match)";
            }
            if (problem != null) {
                return AuditVerification.broken(entries.size(), checkpoints.size(), entry.seq(),
                        "entry " + entry.seq() + ": " + problem);
            }
            hashes.put(entry.seq(), entry.hash());
            previous = entry;
        }
        for (AuditCheckpoint checkpoint : checkpoints) {
            String problem = checkpointProblem(checkpoint, hashes);
            if (problem != null) {
                return AuditVerification.broken(entries.size(), checkpoints.size(), checkpoint.seq(),
                        "checkpoint at entry " + checkpoint.seq() + ": " + problem);
            }
        }
        return AuditVerification.ok(entries.size(), checkpoints.size());
    }

    private static String linkProblem(AuditRecord previous, AuditRecord entry, String anchor) {
        if (previous == null) {
            if (anchor != null && !anchor.equals(entry.prevHash())) {
                return "it does not follow the entry before the stretch (an entry was inserted or removed there)";
            }
            if (AuditChain.GENESIS.equals(anchor) && entry.seq() != 1) {
                return "the log should start at entry 1 (the entries before it were removed)";
            }
            return null;
        }
        if (entry.seq() <= previous.seq()) {
            return "it comes after entry " + previous.seq() + " (entries were reordered or one was inserted)";
        }
        if (entry.seq() != previous.seq() + 1) {
            return "entries " + (previous.seq() + 1) + (entry.seq() - 1 > previous.seq() + 1 ? " to " + (entry.seq() - 1) : "")
                    + " are missing (deleted)";
        }
        if (!previous.hash().equals(entry.prevHash())) {
            return "it does not name entry " + previous.seq() + "'s hash (an entry was inserted, replaced or reordered)";
        }
        return null;
    }

    private String checkpointProblem(AuditCheckpoint checkpoint, Map<Long, String> hashes) {
        try {
            signatures.verify(AuditChain.canonical(checkpoint), checkpoint.signature(), hubCertificate, Map.of());
        } catch (SecurityViolation notTheHubs) {
            return "the hub's signature does not verify (" + notTheHubs.detail() + ")";
        }
        String hash = hashes.get(checkpoint.seq());
        if (hash != null && !hash.equals(checkpoint.hash())) {
            return "the chain there is not the one the hub signed (entries up to it were rewritten)";
        }
        return null;
    }
}
