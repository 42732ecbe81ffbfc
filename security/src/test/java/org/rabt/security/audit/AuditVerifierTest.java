package org.rabt.security.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rabt.security.pki.HubPki;
import org.rabt.security.signature.DetachedSigner;

class AuditVerifierTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00.123456Z");

    @TempDir
    static Path pkiDir;

    private static HubPki pki;

    private static HubPki pki() {
        if (pki == null) {
            pki = HubPki.loadOrCreate(pkiDir, List.of("health"), List.of());
        }
        return pki;
    }

    /** Ten entries, checkpoints signed by the hub after entries 5 and 10. */
    private static Chain chain() {
        List<AuditRecord> entries = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (int seq = 1; seq <= 10; seq++) {
            AuditRecord entry = seal(previous, new AuditRecord(seq, T0.plusSeconds(seq), "CN=health,OU=sector", "sector",
                    seq % 2 == 0 ? "delivered" : "accepted", "health", "card-" + seq, "PSEUDO" + seq, "success", null,
                    "ab".repeat(32), null, null, null));
            entries.add(entry);
            previous = entry.hash();
        }
        return new Chain(entries, List.of(checkpoint(entries.get(4)), checkpoint(entries.get(9))));
    }

    record Chain(List<AuditRecord> entries, List<AuditCheckpoint> checkpoints) {
    }

    private static AuditRecord seal(String prevHash, AuditRecord entry) {
        AuditRecord linked = with(entry, prevHash, null);
        return with(linked, prevHash, AuditChain.hashOf(prevHash, linked));
    }

    private static AuditRecord with(AuditRecord e, String prevHash, String hash) {
        return new AuditRecord(e.seq(), e.at(), e.actor(), e.role(), e.action(), e.sector(), e.cardId(),
                e.childPseudonym(), e.outcome(), e.errorCode(), e.payloadSha256(), e.detail(), prevHash, hash);
    }

    private static AuditCheckpoint checkpoint(AuditRecord entry) {
        AuditCheckpoint unsigned = new AuditCheckpoint(entry.seq(), entry.hash(), entry.at(), null);
        String signature = new DetachedSigner(pki().hubSigner()).signBase64(AuditChain.canonical(unsigned));
        return new AuditCheckpoint(entry.seq(), entry.hash(), entry.at(), signature);
    }

    private static AuditVerification verify(List<AuditRecord> entries, List<AuditCheckpoint> checkpoints) {
        return new AuditVerifier(pki().hubSigner().certificate(), pki().caCertificate())
                .verify(entries, checkpoints, AuditChain.GENESIS);
    }

    @Test
    void anIntactChainVerifies() {
        Chain chain = chain();
        AuditVerification result = verify(chain.entries(), chain.checkpoints());
        assertThat(result.intact()).as(result.problem()).isTrue();
        assertThat(result.entries()).isEqualTo(10);
        assertThat(result.checkpoints()).isEqualTo(2);
    }

    @Test
    void theCanonicalFormCannotReadOneFieldAsTwo() {
        AuditRecord a = chain().entries().get(0);
        AuditRecord shifted = new AuditRecord(a.seq(), a.at(), a.actor() + "\n5:hello", a.role(), a.action(), a.sector(),
                a.cardId(), a.childPseudonym(), a.outcome(), a.errorCode(), a.payloadSha256(), a.detail(), null, null);
        assertThat(AuditChain.canonical(shifted)).isNotEqualTo(AuditChain.canonical(a));
    }

    @Nested
    class Tampering {

        @Test
        void anEditedEntryIsNamed() {
            Chain chain = chain();
            List<AuditRecord> entries = new ArrayList<>(chain.entries());
            AuditRecord e = entries.get(3);
            entries.set(3, new AuditRecord(e.seq(), e.at(), "CN=someone-else", e.role(), e.action(), e.sector(),
                    e.cardId(), e.childPseudonym(), e.outcome(), e.errorCode(), e.payloadSha256(), e.detail(),
                    e.prevHash(), e.hash()));

            AuditVerification result = verify(entries, chain.checkpoints());
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBroken()).isEqualTo(4);
            assertThat(result.problem()).contains("entry 4").contains("content");
        }

        @Test
        void aDeletedEntryIsNamed() {
            Chain chain = chain();
            List<AuditRecord> entries = new ArrayList<>(chain.entries());
            entries.remove(6);

            AuditVerification result = verify(entries, chain.checkpoints());
            assertThat(result.firstBroken()).isEqualTo(8);
            assertThat(result.problem()).contains("7").contains("missing");
        }

        @Test
        void anInsertedEntryIsNamedEvenWithAWellFormedHash() {
            Chain chain = chain();
            List<AuditRecord> entries = new ArrayList<>(chain.entries());
            AuditRecord forged = seal(entries.get(2).hash(), new AuditRecord(4, T0, "CN=forger", "sector", "accepted",
                    "health", "card-x", "PSEUDOX", "success", null, null, null, null, null));
            entries.add(3, forged);

            AuditVerification result = verify(entries, chain.checkpoints());
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBroken()).isEqualTo(4);
        }

        @Test
        void reorderedEntriesAreNamed() {
            Chain chain = chain();
            List<AuditRecord> entries = new ArrayList<>(chain.entries());
            Collections.swap(entries, 5, 6);

            AuditVerification result = verify(entries, chain.checkpoints());
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBroken()).isEqualTo(7);
        }

        @Test
        void aChainRewrittenFromAnEditedEntryOnDisagreesWithTheHubsCheckpoint() {
            Chain chain = chain();
            List<AuditRecord> rewritten = new ArrayList<>();
            String previous = AuditChain.GENESIS;
            for (AuditRecord e : chain.entries()) {
                AuditRecord edited = e.seq() == 3 ? new AuditRecord(3, e.at(), "CN=someone-else", e.role(), e.action(),
                        e.sector(), e.cardId(), e.childPseudonym(), e.outcome(), e.errorCode(), e.payloadSha256(),
                        e.detail(), null, null) : e;
                AuditRecord sealed = seal(previous, edited);
                rewritten.add(sealed);
                previous = sealed.hash();
            }

            AuditVerification result = verify(rewritten, chain.checkpoints());
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBroken()).isEqualTo(5);
            assertThat(result.problem()).contains("checkpoint at entry 5").contains("rewritten");
        }

        @Test
        void aCheckpointNotSignedByTheHubIsRefused() {
            Chain chain = chain();
            AuditCheckpoint real = chain.checkpoints().get(1);
            AuditCheckpoint forged = new AuditCheckpoint(real.seq(), real.hash(), real.at().plusSeconds(1), real.signature());

            AuditVerification result = verify(chain.entries(), List.of(chain.checkpoints().get(0), forged));
            assertThat(result.firstBroken()).isEqualTo(10);
            assertThat(result.problem()).contains("signature");
        }

        @Test
        void removingTheFirstEntriesIsNamed() {
            Chain chain = chain();
            AuditVerification result = verify(chain.entries().subList(2, 10), chain.checkpoints());
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBroken()).isEqualTo(3);
        }
    }
}
