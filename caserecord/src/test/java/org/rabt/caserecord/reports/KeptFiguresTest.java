package org.rabt.caserecord.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rabt.caserecord.audit.AuditStore;
import org.rabt.caserecord.cards.CardStore;
import org.rabt.caserecord.children.FileMerges;
import org.rabt.caserecord.support.TestCiphers;
import org.rabt.caserecord.support.TestDatabases;
import org.rabt.mappings.cpm.TaskStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The figures of a closed period are counted once and read again until something that changes
 * them happens — and then they are right again at once: a report must never show last year's
 * figures as they were before an answer or a merge. On PostgreSQL, with the real statements that
 * record answers and merges.
 */
class KeptFiguresTest {

    /** Reports read in March 2026: 2025 is closed, 2026 is under way. */
    private static final Clock MARCH_2026 = Clock.fixed(Instant.parse("2026-03-10T09:00:00Z"), ZoneOffset.UTC);
    private static final ReportPeriod YEAR_2025 = ReportPeriod.parse("2025");
    private static final ReportPeriod YEAR_2026 = ReportPeriod.parse("2026");

    private HikariDataSource dataSource;
    private JdbcClient jdbc;
    private KeptFigures figures;
    private CardStore cards;
    private FileMerges merges;

    @BeforeEach
    void openRecord() {
        dataSource = TestDatabases.freshPostgres();
        jdbc = JdbcClient.create(dataSource);
        figures = new KeptFigures(new ReportQueries(jdbc, 15), jdbc, MARCH_2026);
        cards = new CardStore(jdbc, TestCiphers.fresh());
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        merges = new FileMerges(jdbc, transactions,
                new AuditStore(jdbc, new JdbcTemplate(dataSource), transactions), MARCH_2026);
    }

    @AfterEach
    void closeRecord() {
        dataSource.close();
    }

    @Nested
    class A_closed_period_ {

        @Test
        void isCountedOnceAndReadAgainWithoutCounting() {
            child("amina", "female");
            UUID referral = card("amina", "linkage", "2025-05-02T10:00:00Z");

            ReportQueries.CardCounts first = figures.cards(YEAR_2025, YEAR_2025.to());
            ReportQueries.ChildCounts children = figures.children(YEAR_2025);
            long counted = figures.timesCounted();
            ReportQueries.CardCounts again = figures.cards(YEAR_2025, YEAR_2025.to());

            assertThat(figures.timesCounted()).isEqualTo(counted);
            assertThat(again).isEqualTo(first);
            assertThat(figures.children(YEAR_2025)).isEqualTo(children);
            assertThat(figures.timesCounted()).isEqualTo(counted);
            assertThat(first.referrals()).singleElement().satisfies(r -> {
                assertThat(r.sent()).isEqualTo(1);
                assertThat(r.answered()).isZero();
            });
            assertThat(cards.find(referral)).isPresent();
        }

        @Test
        void showsALateAnswerToOneOfItsReferralsAtOnce() {
            child("amina", "female");
            UUID referral = card("amina", "linkage", "2025-05-02T10:00:00Z");
            assertThat(figures.cards(YEAR_2025, YEAR_2025.to()).referrals())
                    .singleElement().satisfies(r -> assertThat(r.answered()).isZero());

            // the receiver answers in March 2026, about a referral of May 2025
            cards.reportTaskStatus(referral, TaskStatus.COMPLETED, "clôturé", "enquête close",
                    Instant.parse("2026-03-09T16:00:00Z"));

            assertThat(figures.cards(YEAR_2025, YEAR_2025.to()).referrals())
                    .singleElement().satisfies(r -> assertThat(r.answered()).isEqualTo(1));
        }

        @Test
        void showsAMergeOfTwoFilesAndItsUndoAtOnce() {
            child("youssef", "male");
            child("yousef", "male");
            card("youssef", "reporting", "2025-02-01T10:00:00Z");
            card("yousef", "reporting", "2025-09-01T10:00:00Z");
            assertThat(total(figures.children(YEAR_2025))).isEqualTo(2);

            long review = jdbc.sql("""
                    INSERT INTO match_candidate (pseudonym_a, pseudonym_b, found_at) VALUES ('yousef', 'youssef', now())
                    RETURNING id""").query(Long.class).single();
            FileMerges.Outcome merged = merges.merge(review, "coordinator", "COORDINATOR", "same child, two spellings");
            assertThat(merged).isInstanceOf(FileMerges.Outcome.Merged.class);
            assertThat(total(figures.children(YEAR_2025))).isEqualTo(1);

            merges.undo(((FileMerges.Outcome.Merged) merged).merge().id(), "coordinator", "COORDINATOR");
            assertThat(total(figures.children(YEAR_2025))).isEqualTo(2);
        }
    }

    @Nested
    class A_period_under_way_ {

        @Test
        void isCountedAtEveryRead() {
            child("amina", "female");
            card("amina", "reporting", "2026-01-20T10:00:00Z");
            assertThat(total(figures.children(YEAR_2026))).isEqualTo(1);
            long counted = figures.timesCounted();

            child("salma", "female");
            card("salma", "reporting", "2026-03-10T08:00:00Z");

            assertThat(total(figures.children(YEAR_2026))).isEqualTo(2);
            assertThat(figures.timesCounted()).isEqualTo(counted + 1);
        }

        @Test
        void anAnswerAboutACardOfTheCurrentMonthTouchesNoVersion() {
            // every centre card is received with a status: those must not queue on one month's row
            child("amina", "female");
            UUID referral = card("amina", "linkage", "2026-03-02T10:00:00Z");

            cards.reportTaskStatus(referral, TaskStatus.ACCEPTED, "acceptée", null, Instant.parse("2026-03-09T16:00:00Z"));

            assertThat(jdbc.sql("SELECT count(*) FROM report_month_version").query(Long.class).single()).isZero();
            assertThat(figures.cards(YEAR_2026, LocalDate.of(2026, 3, 10)).referrals())
                    .singleElement().satisfies(r -> assertThat(r.answered()).isEqualTo(1));
        }

        @Test
        void isOnlyClosedTheSecondDayAfterItsLastDay() {
            KeptFigures onNewYearsDay = new KeptFigures(new ReportQueries(jdbc, 15), jdbc,
                    Clock.fixed(Instant.parse("2026-01-01T08:00:00Z"), ZoneOffset.UTC));
            child("amina", "female");
            card("amina", "reporting", "2025-12-31T23:59:00Z");
            onNewYearsDay.children(YEAR_2025);
            long counted = onNewYearsDay.timesCounted();

            // a batch received just before midnight, its rows written just after
            child("salma", "female");
            card("salma", "reporting", "2025-12-31T23:59:30Z");

            assertThat(total(onNewYearsDay.children(YEAR_2025))).isEqualTo(2);
            assertThat(onNewYearsDay.timesCounted()).isEqualTo(counted + 1);
        }
    }

    @Test
    void refreshCountsTheClosedPeriodsReadFirstAheadOfReaders() {
        child("amina", "female");
        card("amina", "linkage", "2025-05-02T10:00:00Z");

        figures.refresh();
        long counted = figures.timesCounted();
        figures.children(YEAR_2025);
        figures.cards(YEAR_2025, YEAR_2025.to());
        figures.refresh();

        assertThat(KeptFigures.periodsReadFirst(LocalDate.of(2026, 3, 10))).extracting(ReportPeriod::label)
                .containsExactly("2026-02", "2026-01", "2025-H2", "2025-H1", "2025", "2024");
        assertThat(figures.timesCounted()).isEqualTo(counted);
    }

    private static long total(ReportQueries.ChildCounts counts) {
        return counts.byAgeBandAndSex().values().stream().mapToLong(Long::longValue).sum();
    }

    private void child(String pseudonym, String sex) {
        jdbc.sql("""
                INSERT INTO child (pseudonym, file_id, identified_by, sex, birth_year, first_seen)
                VALUES (?, gen_random_uuid(), 'etat-civil', ?, 2014, timestamptz '2025-01-01')""")
                .params(pseudonym, sex).update();
    }

    /** A card as intake writes its clear columns (the report reads nothing else). */
    private UUID card(String pseudonym, String type, String receivedAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO card (id, sender_sector, receiver_sector, card_type, child_pseudonym, delivery_status,
                                  task_status, delivery_attempts, body_sha256, received_at, updated_at, queued_at, cpm,
                                  stage, entry_channel, sex, age_band, birth_year, province, concern_mask)
                VALUES (?, 'health', ?, ?, ?, 'delivered', 'requested', 1, repeat('0', 64), ?::timestamptz,
                        ?::timestamptz, ?::timestamptz, 'not-a-real-card', 2, 'health', 'female', '6-11', 2014,
                        'MA-TNG', 1)""")
                .params(id, "linkage".equals(type) ? "justice" : "centre", type, pseudonym, receivedAt, receivedAt,
                        receivedAt)
                .update();
        return id;
    }
}
