package org.rabt.config.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rabt.caserecord.cards.CardStore;
import org.rabt.caserecord.cards.CaseFacts;
import org.rabt.caserecord.cards.NewCard;
import org.rabt.config.database.OfflineDatabase;
import org.rabt.mappings.cpm.CardType;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.cpm.TaskStatus;
import org.rabt.security.atrest.DataKeys;
import org.rabt.security.atrest.FieldCipher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code keys rotate}, {@code reencrypt} and {@code retire} as an operator runs them, on the hub's
 * embedded PostgreSQL under a data directory. The server stays up throughout, as a running hub's
 * would: the tool shares it, and reaches it once more the way the production profile does
 * ({@code rabt.database.embedded=false} and {@code spring.datasource.*}).
 */
class KeysReencryptIT {

    private static final String LEGACY_NAME = "Bouchra El Idrissi";

    private Path data;
    private OfflineDatabase hubsDatabase;
    private JdbcClient jdbc;
    private final Map<UUID, String> cpms = new LinkedHashMap<>();
    private UUID legacy;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void cardsUnderKeyOneAndOneInClear() throws IOException {
        data = Files.createTempDirectory("rabt-keys-");
        hubsDatabase = OfflineDatabase.open(data);
        jdbc = JdbcClient.create(hubsDatabase.dataSource());
        CardStore cards = new CardStore(jdbc, cipher());
        for (int i = 0; i < 3; i++) {
            cards.admit(card("{\"child\":\"Amina " + i + "\"}"), "accepted");
        }
        NewCard old = card("{\"child\":\"" + LEGACY_NAME + "\"}");
        cards.admit(old, "accepted");
        legacy = old.id();
        // as the hub wrote it before encryption at rest
        jdbc.sql("UPDATE card SET cpm = ? WHERE id = ?").params(cpms.get(legacy), legacy).update();
        jdbc.sql("UPDATE card_evidence SET body = ? WHERE card_id = ?")
                .params(cpms.get(legacy).getBytes(StandardCharsets.UTF_8), legacy).update();
    }

    @AfterEach
    void stopDatabase() throws IOException {
        hubsDatabase.close();
    }

    @Test
    void rotateReencryptThenRetireTheOldKey() throws IOException {
        assertThat(keys("rotate")).isZero();

        assertThat(keys("retire", "1")).as("within a minute of the rotation").isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("RABT-S009");
        aMinuteHasPassedSinceTheRotation();
        assertThat(keys("retire", "1")).as("before reencrypt").isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("RABT-S008: 6 stored values still use data key 1; run keys reencrypt first");
        assertThat(data.resolve("keys/data/1.key")).exists();

        assertThat(keys("reencrypt", "--batch", "2")).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .containsPattern("card\\.cpm +3 re-encrypted +1 encrypted from clear +0 already current +0 skipped")
                .containsPattern("card_evidence\\.body +3 re-encrypted +1 encrypted from clear");
        String rawCpm = jdbc.sql("SELECT cpm FROM card WHERE id = ?").param(legacy).query(String.class).single();
        assertThat(rawCpm).startsWith("enc1:").doesNotContain(LEGACY_NAME);

        assertThat(keys("reencrypt")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .containsPattern("card\\.cpm +0 re-encrypted +0 encrypted from clear +4 already current");

        assertThat(keys("retire", "2")).as("the newest key").isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("RABT-S009").contains("is the newest");
        assertThat(keys("retire", "1")).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(data.resolve("keys/data/1.key")).doesNotExist();

        CardStore cards = new CardStore(jdbc, cipher());
        cpms.forEach((id, cpm) -> assertThat(cards.findDeliverable(id).orElseThrow().cpmJson()).isEqualTo(cpm));
        List<String> audited = jdbc.sql("SELECT action || ' ' || outcome || ' ' || coalesce(error_code, '-') FROM audit_entry "
                + "WHERE action IN ('keys-reencrypted', 'key-retired') ORDER BY id").query(String.class).list();
        assertThat(audited).containsExactly("key-retired failure RABT-S009", "key-retired failure RABT-S008",
                "keys-reencrypted success -", "keys-reencrypted success -", "key-retired failure RABT-S009",
                "key-retired success -");
        assertThat(jdbc.sql("SELECT detail FROM audit_entry WHERE action = 'keys-reencrypted' ORDER BY id LIMIT 1")
                .query(String.class).single()).startsWith("to key 2 ").contains("card.cpm 3/1/0/0;");
    }

    @Test
    void theProductionSettingsReachAnExternalDatabase() throws IOException {
        keys("rotate");
        String url = JdbcClient.create(hubsDatabase.dataSource()).sql("SELECT 'jdbc:postgresql://127.0.0.1:' "
                + "|| current_setting('port') || '/postgres'").query(String.class).single();

        int exit = keys("reencrypt", "--rabt.database.embedded=false", "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres");

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("in " + url)
                .containsPattern("card\\.cpm +3 re-encrypted +1 encrypted from clear");
    }

    @Test
    void aSecondRunWaitsForTheFirstToFinishInsteadOfRewritingTheSameValues() throws Exception {
        keys("rotate");
        try (java.sql.Connection firstRun = hubsDatabase.dataSource().getConnection();
             java.sql.Statement lock = firstRun.createStatement()) {
            // the lock the tool takes for a run ("rabtkeys"), held as a run in progress holds it
            lock.execute("SELECT pg_advisory_lock(" + 0x726162746b657973L + ")");

            int exit = keys("reencrypt");

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("another keys reencrypt or keys retire is running");
        }
        assertThat(keys("reencrypt")).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("card\\.cpm +3 re-encrypted +1 encrypted from clear");
    }

    @Test
    void productionSettingsWithoutADatasourceUrlSayWhatIsMissing() throws IOException {
        int exit = keys("reencrypt", "--rabt.database.embedded=false");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("spring.datasource.url is not set");
    }

    private int keys(String... args) {
        out.reset();
        err.reset();
        String[] command = new String[args.length + 3];
        command[0] = "keys";
        command[1] = args[0];
        System.arraycopy(args, 1, command, 2, args.length - 1);
        command[args.length + 1] = "--data-dir";
        command[args.length + 2] = data.toString();
        return KeysCli.run(command, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Nodes list the keys again at most a minute after a rotation; the key file's age stands for that minute. */
    private void aMinuteHasPassedSinceTheRotation() throws IOException {
        Path newest = data.resolve("keys/data/2.key");
        Files.setLastModifiedTime(newest, FileTime.from(Instant.now().minus(DataKeys.RETIRABLE_AFTER).minusSeconds(1)));
    }

    private FieldCipher cipher() {
        return new FieldCipher(DataKeys.openOrCreate(data.resolve("keys/data"), Clock.systemUTC()));
    }

    private NewCard card(String cpm) {
        UUID id = UUID.randomUUID();
        byte[] body = cpm.getBytes(StandardCharsets.UTF_8);
        cpms.put(id, cpm);
        return new NewCard(id, SectorId.HEALTH, SectorId.JUSTICE, CardType.LINKAGE, "pseudo-" + id, TaskStatus.REQUESTED,
                null, sha256(body), "application/fhir+json", body, new byte[] {1}, cpm, Instant.now(), CaseFacts.NONE);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
