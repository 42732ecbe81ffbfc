package org.rabt.caserecord.audit;

import org.rabt.caserecord.cards.CaseFacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rabt.caserecord.cards.CardStore;
import org.rabt.caserecord.cards.NewCard;
import org.rabt.caserecord.support.TestCiphers;
import org.rabt.caserecord.support.TestDatabases;
import org.rabt.mappings.cpm.CardType;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.cpm.TaskStatus;
import org.rabt.security.audit.AuditChain;
import org.rabt.security.audit.AuditRecord;
import org.rabt.security.audit.AuditVerification;
import org.rabt.security.audit.AuditVerifier;
import org.rabt.security.pki.HubPki;
import org.rabt.security.signature.DetachedSigner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log on PostgreSQL: every card step gets its entry from the database itself, the
 * sealer chains them, and any edit, deletion, insertion or reordering made in the database
 * afterwards is found by the verifier, which names the first broken entry.
 */
class AuditStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:15:30.123456Z");
    private static final String PAYLOAD_SHA256 = "c0ffee".repeat(10) + "c0ff";

    @TempDir
    static Path pkiDir;
    private static HubPki pki;

    private HikariDataSource dataSource;
    private JdbcClient jdbc;
    private CardStore cards;
    private AuditStore audit;

    @BeforeAll
    static void pki() {
        pki = HubPki.loadOrCreate(pkiDir, List.of("health", "justice"), List.of());
    }

    @BeforeEach
    void open() {
        dataSource = TestDatabases.freshPostgres();
        jdbc = JdbcClient.create(dataSource);
        cards = new CardStore(jdbc, TestCiphers.fresh());
        audit = new AuditStore(jdbc, new JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    private static final Function<byte[], String> HUB = content -> new DetachedSigner(pki.hubSigner()).signBase64(content);

    /** Five cards accepted, delivered and answered: fifteen entries, sealed, checkpoints every four. */
    private void cardsFlow() {
        for (int i = 0; i < 5; i++) {
            UUID id = UUID.randomUUID();
            cards.admit(card(id), "queued on rabt.justice.outbound");
            cards.markDelivered(id, 1, T0.plusSeconds(i + 1), "HTTP 201");
            cards.reportTaskStatus(id, TaskStatus.ACCEPTED, "enregistre", "Lina El Amrani, née le 2014-03-02", T0.plusSeconds(i + 2));
        }
        audit.seal(T0.plusSeconds(60), 4, Duration.ofMinutes(5), HUB);
    }

    private AuditVerification verify() {
        long last = audit.lastSeq();
        return new AuditVerifier(pki.hubSigner().certificate(), pki.caCertificate())
                .verify(audit.entries(1, last), audit.checkpoints(1, last), AuditChain.GENESIS);
    }

    @Test
    void everyStepOfACardHasItsEntryWrittenByTheDatabaseAndTheChainVerifies() {
        cardsFlow();

        List<AuditRecord> entries = audit.entries(1, audit.lastSeq());
        assertThat(entries).hasSize(15);
        assertThat(entries.subList(0, 3)).extracting(AuditRecord::action, AuditRecord::actor, AuditRecord::sector)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("card-accepted", "sector:health", "health"),
                        org.assertj.core.groups.Tuple.tuple("card-delivered", "hub", "justice"),
                        org.assertj.core.groups.Tuple.tuple("status-accepted", "sector:justice", "justice"));
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.payloadSha256()).isEqualTo(PAYLOAD_SHA256);
            assertThat(e.childPseudonym()).isEqualTo("pseudo-0123456789abcdef");
        });
        assertThat(audit.checkpoints(1, 15)).extracting(c -> c.seq()).containsExactly(4L, 8L, 12L, 15L);
        AuditVerification result = verify();
        assertThat(result.intact()).as(result.problem()).isTrue();
        assertThat(result.entries()).isEqualTo(15);
    }

    @Test
    void aReceiversFreeTextNeverReachesTheLog() {
        cardsFlow();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE detail LIKE '%Amrani%' OR detail LIKE '%2014-03-02%'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aRefusalIsAnEntryOfItsOwn() {
        audit.record(T0, "CN=health,OU=sector,O=Rabt,C=MA", "sector", "card-rejected", "health", null, "failure",
                "RABT-S003", PAYLOAD_SHA256, "/exchange/v1/health/cards");
        audit.seal(T0, 100, Duration.ofMinutes(5), HUB);
        assertThat(audit.entries(1, 1)).singleElement().satisfies(e -> {
            assertThat(e.errorCode()).isEqualTo("RABT-S003");
            assertThat(e.outcome()).isEqualTo("failure");
        });
    }

    @Test
    void sealingTwiceAddsOnlyTheNewEntriesToTheSameChain() {
        cardsFlow();
        UUID id = UUID.randomUUID();
        cards.admit(card(id), "queued");
        assertThat(audit.seal(T0.plusSeconds(120), 4, Duration.ofMinutes(5), HUB)).isEqualTo(1);
        assertThat(audit.entries(16, 16).get(0).prevHash()).isEqualTo(audit.entries(15, 15).get(0).hash());
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void theTailIsSignedOnceTheLastCheckpointIsOldEvenIfNothingNewCame() {
        cardsFlow();
        cards.admit(card(UUID.randomUUID()), "queued");
        audit.seal(T0.plusSeconds(61), 100, Duration.ofMinutes(5), HUB);
        assertThat(audit.checkpoints(16, 16)).as("too soon after the last checkpoint").isEmpty();

        assertThat(audit.seal(T0.plusSeconds(60).plus(Duration.ofMinutes(5)), 100, Duration.ofMinutes(5), HUB)).isZero();
        assertThat(audit.checkpoints(16, 16)).extracting(c -> c.seq()).containsExactly(16L);
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void evidencePurgedByPolicyLeavesTheCardAndAChainThatStillVerifies() {
        UUID delivered = UUID.randomUUID();
        UUID onItsWay = UUID.randomUUID();
        cards.admit(card(delivered), "queued");
        cards.markDelivered(delivered, 1, T0.plusSeconds(1), "HTTP 201");
        cards.admit(card(onItsWay), "queued");
        audit.seal(T0.plusSeconds(2), 4, Duration.ofMinutes(5), HUB);

        int purged = cards.purgeEvidence(T0.plusSeconds(10), T0.plusSeconds(20), 100);
        audit.seal(T0.plusSeconds(30), 4, Duration.ofMinutes(5), HUB);

        assertThat(purged).isEqualTo(1);
        assertThat(cards.hasEvidence(delivered)).isFalse();
        assertThat(cards.hasEvidence(onItsWay)).as("a card still on its way keeps its evidence").isTrue();
        assertThat(cards.find(delivered)).isPresent();
        AuditRecord last = audit.entries(audit.lastSeq(), audit.lastSeq()).get(0);
        assertThat(last.action()).isEqualTo("evidence-purged");
        assertThat(last.cardId()).isEqualTo(delivered.toString());
        assertThat(last.payloadSha256()).isEqualTo(PAYLOAD_SHA256);
        assertThat(verify().intact()).isTrue();
    }

    @Nested
    class TamperingInTheDatabase {

        @Test
        void anEditedEntryIsFound() {
            cardsFlow();
            jdbc.sql("UPDATE audit_entry SET actor = 'sector:police' WHERE seq = 6").update();

            AuditVerification result = verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBroken()).isEqualTo(6);
        }

        @Test
        void aDeletedEntryIsFound() {
            cardsFlow();
            jdbc.sql("DELETE FROM audit_entry WHERE seq = 7").update();

            AuditVerification result = verify();
            assertThat(result.firstBroken()).isEqualTo(8);
            assertThat(result.problem()).contains("missing");
        }

        @Test
        void anInsertedEntryIsFound() {
            cardsFlow();
            jdbc.sql("UPDATE audit_entry SET seq = seq + 100 WHERE seq >= 5").update();
            jdbc.sql("UPDATE audit_entry SET seq = seq - 99 WHERE seq >= 105").update();
            AuditRecord fourth = audit.entries(4, 4).get(0);
            AuditRecord forged = new AuditRecord(5, T0, "sector:health", "sector", "card-accepted", "health", "x",
                    "pseudo", "success", null, null, null, fourth.hash(), null);
            jdbc.sql("INSERT INTO audit_entry (at, actor, role, action, sector, card_id, child_pseudonym, outcome, seq, "
                    + "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 5, ?, ?)")
                    .params(java.sql.Timestamp.from(T0), forged.actor(), forged.role(), forged.action(), forged.sector(),
                            forged.cardId(), forged.childPseudonym(), forged.outcome(), fourth.hash(),
                            AuditChain.hashOf(fourth.hash(), forged))
                    .update();

            AuditVerification result = verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBroken()).isEqualTo(6);
        }

        @Test
        void reorderedEntriesAreFound() {
            cardsFlow();
            jdbc.sql("UPDATE audit_entry SET seq = -9 WHERE seq = 9").update();
            jdbc.sql("UPDATE audit_entry SET seq = 9 WHERE seq = 10").update();
            jdbc.sql("UPDATE audit_entry SET seq = 10 WHERE seq = -9").update();

            AuditVerification result = verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBroken()).isEqualTo(9);
        }
    }

    private static NewCard card(UUID id) {
        return new NewCard(id, SectorId.HEALTH, SectorId.JUSTICE, CardType.LINKAGE, "pseudo-0123456789abcdef",
                TaskStatus.REQUESTED, null, PAYLOAD_SHA256, "application/fhir+json", new byte[] {1},
                new byte[] {1, 2, 3}, "{\"cpm\":true}", T0, CaseFacts.NONE);
    }
}
