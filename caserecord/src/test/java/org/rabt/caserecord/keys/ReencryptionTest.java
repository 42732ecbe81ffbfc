package org.rabt.caserecord.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rabt.caserecord.attachments.AttachmentStore;
import org.rabt.caserecord.batches.BatchStore;
import org.rabt.caserecord.batches.NewBatch;
import org.rabt.caserecord.cards.CardStore;
import org.rabt.caserecord.cards.CaseFacts;
import org.rabt.caserecord.cards.NewCard;
import org.rabt.caserecord.support.TestDatabases;
import org.rabt.mappings.cpm.CardType;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.cpm.TaskStatus;
import org.rabt.security.SecurityError;
import org.rabt.security.SecurityViolation;
import org.rabt.security.atrest.DataKeys;
import org.rabt.security.atrest.FieldCipher;
import org.rabt.security.atrest.FileCipher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code keys reencrypt} and {@code keys retire} on a real PostgreSQL (the embedded binary), over
 * cards, evidence, attachments and batch files written under key 1, one card written in clear as
 * before encryption at rest, and a batch file stored in clear.
 */
class ReencryptionTest {

    private static final int PAGE = 2;
    private static final String LEGACY_NAME = "Bouchra El Idrissi";

    @TempDir
    Path keysDir;
    @TempDir
    Path batchDir;

    private HikariDataSource dataSource;
    private JdbcClient jdbc;
    private final Map<UUID, String> cpms = new LinkedHashMap<>();
    private final Map<UUID, byte[]> bodies = new LinkedHashMap<>();
    private final Map<UUID, String> batchFiles = new LinkedHashMap<>();
    private String attachmentSha;
    private UUID legacyCard;
    private UUID clearBatch;

    @BeforeEach
    void storeUnderKeyOneThenRotate() throws IOException {
        dataSource = TestDatabases.freshPostgres();
        jdbc = JdbcClient.create(dataSource);
        FieldCipher first = new FieldCipher(DataKeys.openOrCreate(keysDir, Clock.systemUTC()));
        CardStore cards = new CardStore(jdbc, first);
        for (int i = 0; i < 5; i++) {
            NewCard card = card("{\"child\":\"Amina " + i + "\"}", "<signalement>Amina " + i + "</signalement>");
            cards.admit(card, "accepted");
        }
        // a row as the hub wrote it before encryption at rest: CPM and evidence in clear
        NewCard legacy = card("{\"child\":\"" + LEGACY_NAME + "\"}", "{\"name\":\"" + LEGACY_NAME + "\"}");
        cards.admit(legacy, "accepted");
        legacyCard = legacy.id();
        jdbc.sql("UPDATE card SET cpm = ? WHERE id = ?").params(cpms.get(legacyCard), legacyCard).update();
        jdbc.sql("UPDATE card_evidence SET body = ? WHERE card_id = ?").params(bodies.get(legacyCard), legacyCard).update();

        byte[] document = "medical certificate of Amina".getBytes(StandardCharsets.UTF_8);
        attachmentSha = HexFormat.of().formatHex(sha256(document));
        new AttachmentStore(jdbc, first).store(attachmentSha, "application/pdf", document, SectorId.HEALTH, "health",
                Instant.now());

        BatchStore batches = new BatchStore(jdbc, new JdbcTemplate(dataSource), transactions(), first);
        UUID sealedBatch = UUID.randomUUID();
        Path sealed = batchDir.resolve(sealedBatch + BatchStore.SEALED);
        String sealedCsv = "identifiantLigne;nom\n1;Amina Sealed\n";
        try (OutputStream out = Files.newOutputStream(sealed)) {
            new FileCipher(DataKeys.openOrCreate(keysDir, Clock.systemUTC()))
                    .seal(new ByteArrayInputStream(sealedCsv.getBytes(StandardCharsets.UTF_8)), out,
                            BatchStore.fileContext(sealedBatch));
        }
        register(batches, sealedBatch, sealed, "completed");
        batchFiles.put(sealedBatch, sealedCsv);
        clearBatch = UUID.randomUUID();
        String clearCsv = "identifiantLigne;nom\n1;" + LEGACY_NAME + "\n";
        register(batches, clearBatch, Files.writeString(batchDir.resolve(clearBatch + ".csv"), clearCsv), "completed");
        batchFiles.put(clearBatch, clearCsv);

        DataKeys.rotate(keysDir);
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void everyValueEndsUnderTheNewestKeyAndReadsBackTheSame() throws IOException {
        Map<String, Tally> tallies = reencrypt(newest(), context -> {
        });

        assertThat(tallies.get("card.cpm")).satisfies(t -> {
            assertThat(t.reencrypted()).isEqualTo(5);
            assertThat(t.encryptedFromClear()).isEqualTo(1);
            assertThat(t.failures()).isEmpty();
        });
        assertThat(tallies.get("card_evidence.body").rewritten()).isEqualTo(6);
        assertThat(tallies.get("attachment.content").reencrypted()).isEqualTo(1);
        assertThat(tallies.get("batch files")).satisfies(t -> {
            assertThat(t.reencrypted()).isEqualTo(1);
            assertThat(t.encryptedFromClear()).isEqualTo(1);
            assertThat(t.failures()).isEmpty();
        });

        assertThat(counts(newest())).isEqualTo(new KeyCounts(Map.of(2, 6L + 6 + 1 + 2), 0));
        CardStore cards = new CardStore(jdbc, newest());
        cpms.forEach((id, cpm) -> assertThat(cards.findDeliverable(id).orElseThrow().cpmJson()).isEqualTo(cpm));
        bodies.forEach((id, body) -> assertThat(cards.evidenceBody(id)).hasValue(body));
        assertThat(new AttachmentStore(jdbc, newest()).find(attachmentSha).orElseThrow().content())
                .isEqualTo("medical certificate of Amina".getBytes(StandardCharsets.UTF_8));
        FileCipher files = new FileCipher(DataKeys.openOrCreate(keysDir, Clock.systemUTC()));
        for (Map.Entry<UUID, String> batch : batchFiles.entrySet()) {
            Path stored = Path.of(jdbc.sql("SELECT stored_path FROM batch WHERE id = ?").param(batch.getKey())
                    .query(String.class).single());
            assertThat(stored.getFileName().toString()).endsWith(BatchStore.SEALED);
            try (InputStream in = files.open(stored, BatchStore.fileContext(batch.getKey()))) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(batch.getValue());
            }
        }
    }

    @Test
    void theRowStoredInClearIsNoLongerInClearInTheRawBytes() throws IOException {
        reencrypt(newest(), context -> {
        });

        String rawCpm = jdbc.sql("SELECT cpm FROM card WHERE id = ?").param(legacyCard).query(String.class).single();
        byte[] rawBody = jdbc.sql("SELECT body FROM card_evidence WHERE card_id = ?").param(legacyCard)
                .query(byte[].class).single();
        assertThat(rawCpm).startsWith("enc1:").doesNotContain(LEGACY_NAME);
        assertThat(new String(rawBody, StandardCharsets.ISO_8859_1)).doesNotContain(LEGACY_NAME);
        assertThat(batchDir.resolve(clearBatch + ".csv")).doesNotExist();
        try (var left = Files.list(batchDir)) {
            for (Path file : left.toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).doesNotContain(LEGACY_NAME);
            }
        }
    }

    @Test
    void aSecondRunReencryptsNothing() throws IOException {
        reencrypt(newest(), context -> {
        });

        Map<String, Tally> again = reencrypt(newest(), context -> {
        });

        assertThat(again.values()).allSatisfy(t -> {
            assertThat(t.rewritten()).as(t.place()).isZero();
            assertThat(t.failures()).isEmpty();
        });
        assertThat(again.values().stream().mapToLong(Tally::alreadyCurrent).sum()).isEqualTo(6 + 6 + 1 + 2);
    }

    @Test
    void theOldKeyIsRetiredOnlyOnceNoValueNamesIt() throws IOException {
        Instant afterTheNodesListedTheNewKey = Instant.now().plus(DataKeys.RETIRABLE_AFTER);

        assertThatThrownBy(() -> DataKeys.retire(keysDir, 1, counts(newest()).naming(1), afterTheNodesListedTheNewKey))
                .isInstanceOfSatisfying(SecurityViolation.class, e -> {
                    assertThat(e.error()).isEqualTo(SecurityError.KEY_STILL_IN_USE);
                    // five cards' CPM and evidence, the attachment, the sealed batch file (the clear card names none)
                    assertThat(e.detail()).startsWith("12 stored values still use data key 1");
                });
        assertThat(keysDir.resolve("1.key")).exists();

        reencrypt(newest(), context -> {
        });
        DataKeys.retire(keysDir, 1, counts(newest()).naming(1), afterTheNodesListedTheNewKey);

        assertThat(keysDir.resolve("1.key")).doesNotExist();
        CardStore cards = new CardStore(jdbc, newest());
        cpms.forEach((id, cpm) -> assertThat(cards.findDeliverable(id).orElseThrow().cpmJson()).isEqualTo(cpm));
    }

    @Test
    void aValueANodeWritesBetweenTheReadAndTheWriteIsNeverOverwritten() {
        UUID raced = cpms.keySet().iterator().next();
        String nodesCpm = "{\"child\":\"written by a node meanwhile\"}";
        FieldCipher newest = newest();
        List<String> written = new ArrayList<>();
        Consumer<String> aNodeWritesFirst = context -> {
            if (context.equals(CardStore.cpmContext(raced)) && written.isEmpty()) {
                written.add(context);
                // another connection, committed at once: what a hub node's write would be
                try (Connection node = dataSource.getConnection();
                        PreparedStatement update = node.prepareStatement("UPDATE card SET cpm = ? WHERE id = ?")) {
                    node.setAutoCommit(true);
                    update.setString(1, newest.sealText(nodesCpm, context));
                    update.setObject(2, raced);
                    update.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        };

        Tally cpm = new StoredValueKeys(jdbc, transactions(), newest, aNodeWritesFirst).reencrypt(StoredColumn.CARD_CPM, PAGE);

        assertThat(written).containsExactly(CardStore.cpmContext(raced));
        assertThat(cpm.skipped()).isEqualTo(1);
        assertThat(cpm.rewritten()).isEqualTo(5);
        assertThat(new CardStore(jdbc, newest).findDeliverable(raced).orElseThrow().cpmJson()).isEqualTo(nodesCpm);
        assertThat(new StoredValueKeys(jdbc, transactions(), newest).countByKey(StoredColumn.CARD_CPM, PAGE))
                .isEqualTo(new KeyCounts(Map.of(2, 6L), 0));
    }

    @Test
    void aBatchStillBeingProcessedKeepsItsClearFileUntilALaterRun() throws IOException {
        jdbc.sql("UPDATE batch SET state = 'processing' WHERE id = ?").param(clearBatch).update();

        Tally first = new BatchFileKeys(jdbc, files(), batchDir).reencrypt(PAGE);
        jdbc.sql("UPDATE batch SET state = 'completed' WHERE id = ?").param(clearBatch).update();
        Tally second = new BatchFileKeys(jdbc, files(), batchDir).reencrypt(PAGE);

        assertThat(first.skipped()).isEqualTo(1);
        assertThat(first.encryptedFromClear()).isZero();
        assertThat(second.encryptedFromClear()).isEqualTo(1);
        assertThat(batchDir.resolve(clearBatch + ".csv")).doesNotExist();
    }

    private Map<String, Tally> reencrypt(FieldCipher cipher, Consumer<String> beforeWrite) {
        StoredValueKeys values = new StoredValueKeys(jdbc, transactions(), cipher, beforeWrite);
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (StoredColumn column : StoredColumn.values()) {
            tallies.put(column.place(), values.reencrypt(column, PAGE));
        }
        Tally files = new BatchFileKeys(jdbc, files(), batchDir).reencrypt(PAGE);
        tallies.put(files.place(), files);
        return tallies;
    }

    private KeyCounts counts(FieldCipher cipher) {
        StoredValueKeys values = new StoredValueKeys(jdbc, transactions(), cipher);
        KeyCounts counts = new BatchFileKeys(jdbc, files(), batchDir).countByKey(PAGE);
        for (StoredColumn column : StoredColumn.values()) {
            counts = counts.plus(values.countByKey(column, PAGE));
        }
        return counts;
    }

    /** The keys as a hub node or the command line sees them once it has listed the directory after the rotation. */
    private FieldCipher newest() {
        return new FieldCipher(DataKeys.openOrCreate(keysDir, Clock.systemUTC()));
    }

    private FileCipher files() {
        return new FileCipher(DataKeys.openOrCreate(keysDir, Clock.systemUTC()));
    }

    private TransactionTemplate transactions() {
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    private void register(BatchStore batches, UUID id, Path file, String state) throws IOException {
        batches.register(new NewBatch(id, SectorId.EDUCATION, "http", file.getFileName().toString(),
                HexFormat.of().formatHex(sha256(Files.readAllBytes(file))), Files.size(file), new byte[] {1},
                file.toString(), Instant.now()));
        jdbc.sql("UPDATE batch SET state = ? WHERE id = ?").params(state, id).update();
    }

    private NewCard card(String cpm, String body) {
        UUID id = UUID.randomUUID();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        cpms.put(id, cpm);
        bodies.put(id, bytes);
        return new NewCard(id, SectorId.HEALTH, SectorId.JUSTICE, CardType.LINKAGE, "pseudo-" + id, TaskStatus.REQUESTED,
                null, HexFormat.of().formatHex(sha256(bytes)), "application/fhir+json", bytes, new byte[] {1, 2, 3}, cpm,
                Instant.now(), CaseFacts.NONE);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
