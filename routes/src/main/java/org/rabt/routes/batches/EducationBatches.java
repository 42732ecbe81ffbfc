package org.rabt.routes.batches;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.rabt.caserecord.batches.BatchCard;
import org.rabt.caserecord.batches.BatchRecord;
import org.rabt.caserecord.batches.BatchRejection;
import org.rabt.caserecord.batches.BatchStore;
import org.rabt.caserecord.batches.NewBatch;
import org.rabt.caserecord.children.ChildPseudonyms;
import org.rabt.mappings.MappingException;
import org.rabt.mappings.cpm.ChildProtectionMessage;
import org.rabt.mappings.cpm.CpmJson;
import org.rabt.mappings.cpm.CpmSchema;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.education.BatchRow;
import org.rabt.mappings.education.DropoutBatchReader;
import org.rabt.security.atrest.FileCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Education's batches of dropouts and long absences, from the exchange API or the watched
 * directory: the signed file is verified as it lies on disk, kept as the evidence of every card
 * it brings, and answered at once; its rows are then read as a stream, a chunk at a time, by
 * whichever node claims it. Each good row becomes a reporting card the centre has received; each
 * bad row is kept with its line and reason, and the good ones go on.
 */
public final class EducationBatches {

    private static final Logger LOG = LoggerFactory.getLogger(EducationBatches.class);
    private static final Logger AUDIT = LoggerFactory.getLogger("org.rabt.audit");
    /** Rows stored per transaction: large enough to amortise a commit, small enough to retry cheaply. */
    static final int CHUNK_ROWS = 2_000;
    /** A node that has not stored a chunk for this long is taken for dead and its batch taken over. */
    static final Duration STALE_CLAIM = Duration.ofMinutes(2);
    /** How a stored batch file ends once encrypted ({@link FileCipher}). */
    static final String SEALED = BatchStore.SEALED;

    private final BatchStore store;
    private final BatchSignatureCheck signatures;
    private final ChildPseudonyms pseudonyms;
    private final CpmSchema schema;
    private final Path batchDir;
    private final int maxRows;
    private final FileCipher files;
    private final Clock clock;

    public EducationBatches(BatchStore store, BatchSignatureCheck signatures, ChildPseudonyms pseudonyms,
            CpmSchema schema, Path batchDir, int maxRows, FileCipher files, Clock clock) {
        this.store = store;
        this.files = files;
        this.signatures = signatures;
        this.pseudonyms = pseudonyms;
        this.schema = schema;
        this.batchDir = batchDir;
        this.maxRows = maxRows;
        this.clock = clock;
    }

    /**
     * Verifies and registers a batch file, stored encrypted in the hub's batch store (the clear
     * spooled file is deleted). The
     * same file sent again is the same batch. Throws a coded exception when the signature fails;
     * the file is then deleted.
     */
    public BatchRecord receive(Path spooled, String fileName, String source, X509Certificate certificate,
            String signature) {
        try {
            signatures.verify(SectorId.EDUCATION, certificate, spooled, signature);
            UUID id = UUID.randomUUID();
            Files.createDirectories(batchDir);
            String sha256 = sha256(spooled);
            long size = Files.size(spooled);
            // the file names children: kept encrypted, bound to its batch; the clear spooled copy is deleted below
            Path stored = batchDir.resolve(id + SEALED);
            Path sealing = batchDir.resolve(id + ".sealing");
            try {
                files.seal(spooled, sealing, context(id));
                Files.move(sealing, stored, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(sealing);
            }
            BatchRecord batch = store.register(new NewBatch(id, SectorId.EDUCATION, source, fileName, sha256, size,
                    Base64.getMimeDecoder().decode(signature.strip()), stored.toString(), clock.instant()));
            if (!batch.id().equals(id)) {
                Files.deleteIfExists(stored); // the same file again: the first one is the evidence
            }
            AUDIT.info("batch received id={} sender=education source={} sha256={} bytes={}", batch.id(), source,
                    sha256, size);
            return batch;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the batch", e);
        } finally {
            try {
                Files.deleteIfExists(spooled);
            } catch (IOException e) {
                LOG.warn("could not delete the spooled batch {}", spooled, e);
            }
        }
    }

    public Optional<BatchRecord> find(UUID id) {
        return store.find(id);
    }

    public List<BatchRejection> rejections(UUID id, long afterLine, int limit) {
        return store.rejections(id, afterLine, limit);
    }

    /** Processes every batch waiting (or abandoned by a dead node); returns how many. */
    public int processPending() {
        int processed = 0;
        for (Optional<BatchRecord> next = store.claimNext(clock.instant(), STALE_CLAIM); next.isPresent();
                next = store.claimNext(clock.instant(), STALE_CLAIM)) {
            process(next.get());
            processed++;
        }
        return processed;
    }

    private void process(BatchRecord batch) {
        Chunk chunk = new Chunk(batch);
        try (InputStream in = openStored(batch);
                DropoutBatchReader reader = DropoutBatchReader.open(in, maxRows)) {
            reader.forEachRow(chunk::add);
            chunk.flush();
            store.complete(batch.id(), clock.instant());
            BatchRecord done = store.find(batch.id()).orElseThrow();
            AUDIT.info("batch completed id={} admitted={} rejected={}", batch.id(), done.admitted(), done.rejected());
        } catch (MappingException wholeBatch) {
            chunk.flush();
            store.fail(batch.id(), wholeBatch.code(), wholeBatch.field() + ": " + wholeBatch.detail(), clock.instant());
            // the detail is kept with the batch for its sender; it may quote a row, so not in the log
            AUDIT.info("batch failed id={} code={} field={}", batch.id(), wholeBatch.code(), wholeBatch.field());
        } catch (IOException e) {
            // the stored file is unreadable: left claimed, it is tried again once the claim is stale
            throw new UncheckedIOException("cannot read batch " + batch.id(), e);
        }
    }

    /** The stored file, decrypted; one stored in clear before encryption at rest is read as it is. */
    private InputStream openStored(BatchRecord batch) throws IOException {
        Path stored = Path.of(batch.storedPath());
        return stored.getFileName().toString().endsWith(SEALED)
                ? files.open(stored, context(batch.id()))
                : Files.newInputStream(stored);
    }

    private static String context(UUID batchId) {
        return BatchStore.fileContext(batchId);
    }

    /** The rows read since the last commit. */
    private final class Chunk {

        private final BatchRecord batch;
        private final List<BatchCard> cards = new ArrayList<>(CHUNK_ROWS);
        private final List<BatchRejection> rejections = new ArrayList<>();
        private long lastLine;

        Chunk(BatchRecord batch) {
            this.batch = batch;
        }

        void add(BatchRow row) {
            lastLine = row.line();
            if (row instanceof BatchRow.Admitted admitted) {
                admit(admitted);
            } else if (row instanceof BatchRow.Rejected rejected) {
                rejections.add(new BatchRejection(rejected.line(), rejected.rowId(), rejected.code(), rejected.field(),
                        rejected.reason()));
            }
            if (cards.size() + rejections.size() >= CHUNK_ROWS) {
                flush();
            }
        }

        private void admit(BatchRow.Admitted row) {
            try {
                ChildProtectionMessage card = pseudonyms.assign(row.cpm());
                JsonNode tree = CpmJson.tree(card);
                schema.validate(tree);
                cards.add(new BatchCard(row.line(), card.header().messageId(), card.header().receiver().sector(),
                        card.header().cardType(), card.child().pseudonym(), CpmJson.write(tree),
                        pseudonyms.caseFacts(card)));
            } catch (MappingException refused) {
                rejections.add(new BatchRejection(row.line(), String.valueOf(row.cpm().header().messageId()),
                        refused.code(), refused.field(), "line " + row.line() + ": " + refused.detail()));
            }
        }

        void flush() {
            if (cards.isEmpty() && rejections.isEmpty()) {
                return;
            }
            store.storeChunk(batch, cards, rejections, lastLine, clock.instant());
            cards.clear();
            rejections.clear();
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
