package org.rabt.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.rabt.caserecord.reports.KeptFigures;
import org.rabt.caserecord.reports.ReportPeriod;
import org.rabt.caserecord.reports.ReportQueries;
import org.rabt.caserecord.reports.Reports;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The annual provincial report over a large case record: {@code java -jar rabt-bench.jar report
 * [--cards N]} starts an embedded PostgreSQL (as the hub does), migrates it with the hub's own
 * scripts, writes N synthetic cards in the reported year (2026) and half as many in the year
 * before (which the report puts beside it), about three cards per child, with spreads
 * of sectors, channels, stages, age bands, sexes and forms of violence; a third of them
 * referrals, most answered), then times the report the committee asks for. Prints
 * {@code annual_report_<N>_cards_ms}, the median of five runs after one warm-up, and the
 * extremes.
 */
final class ReportBench {

    private ReportBench() {
    }

    static void run(String[] args) throws Exception {
        int cards = 1_000_000;
        boolean explain = java.util.Arrays.asList(args).contains("--explain");
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--cards")) {
                cards = Integer.parseInt(args[i + 1]);
            }
        }
        Path dir = Files.createTempDirectory("rabt-report-bench-");
        // the hub's own settings of its embedded PostgreSQL (EmbeddedDatabaseConfiguration)
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true)
                .setServerConfig("shared_buffers", "64MB").setServerConfig("work_mem", "64MB").start()) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            // the hub's pool is larger; four report queries run at once, as the hub runs them
            config.setMaximumPoolSize(5);
            try (HikariDataSource dataSource = new HikariDataSource(config)) {
                Flyway.configure().dataSource(dataSource).load().migrate();
                JdbcClient jdbc = JdbcClient.create(dataSource);
                long start = System.nanoTime();
                fill(jdbc, cards);
                Figures.note("wrote " + cards + " cards in " + (System.nanoTime() - start) / 1_000_000 + " ms");
                // as config's ReportsConfiguration: four threads for a report's queries
                java.util.concurrent.ExecutorService queryRunner = java.util.concurrent.Executors.newFixedThreadPool(4, task -> {
                    Thread thread = new Thread(task, "report-query");
                    thread.setDaemon(true);
                    return thread;
                });
                ReportPeriod year = ReportPeriod.parse("2026");
                String name = "annual_report_" + (cards % 1_000_000 == 0 ? cards / 1_000_000 + "m" : String.valueOf(cards)) + "_cards";
                // during the year: 2026 counted at each read, 2025 (closed) kept after its first count
                Clock duringTheYear = Clock.fixed(Instant.parse("2026-12-20T00:00:00Z"), ZoneOffset.UTC);
                KeptFigures kept = new KeptFigures(new ReportQueries(jdbc, 15), jdbc, duringTheYear);
                kept.refresh();
                long[] during = time(new Reports(kept, duringTheYear, "MA-BENCH", queryRunner), year);
                // the year just closed, read for the first time (nothing kept: a new hub, or figures
                // changed since they were counted), then read again
                Clock afterTheYear = Clock.fixed(Instant.parse("2027-01-15T00:00:00Z"), ZoneOffset.UTC);
                long[] first = new long[5];
                for (int i = 0; i < first.length; i++) {
                    KeptFigures fresh = new KeptFigures(new ReportQueries(jdbc, 15), jdbc, afterTheYear);
                    first[i] = time(new Reports(fresh, afterTheYear, "MA-BENCH", queryRunner), year, 1)[0];
                }
                Arrays.sort(first);
                long[] again = time(new Reports(new KeptFigures(new ReportQueries(jdbc, 15), jdbc, afterTheYear),
                        afterTheYear, "MA-BENCH", queryRunner), year);
                // where the time goes, one query at a time (notes, not figures)
                ReportQueries queries = new ReportQueries(jdbc, 15);
                long t = System.nanoTime();
                queries.children(year);
                Figures.note("children(year) " + (System.nanoTime() - t) / 1_000_000 + " ms");
                t = System.nanoTime();
                queries.cards(year, year.to());
                Figures.note("cards and referrals(year) " + (System.nanoTime() - t) / 1_000_000 + " ms");
                if (explain) {
                    jdbc.sql("SET enable_seqscan = on").update();
                    for (String plan : queries.explainChildren(year)) {
                        Figures.note(plan);
                    }
                }
                Figures.print(name + "_ms", during[during.length / 2], "ms");
                Figures.print(name + "_min_ms", during[0], "ms");
                Figures.print(name + "_max_ms", during[during.length - 1], "ms");
                Figures.print(name + "_first_read_ms", first[first.length / 2], "ms");
                Figures.print(name + "_kept_ms", again[again.length / 2], "ms");
            }
        }
    }

    /** Five timed reads of the period's report after one untimed read, sorted. */
    private static long[] time(Reports reports, ReportPeriod period) {
        reports.provincial(period);
        return time(reports, period, 5);
    }

    private static long[] time(Reports reports, ReportPeriod period, int reads) {
        long[] runs = new long[reads];
        for (int i = 0; i < runs.length; i++) {
            long t = System.nanoTime();
            reports.provincial(period);
            runs[i] = (System.nanoTime() - t) / 1_000_000;
        }
        Arrays.sort(runs);
        return runs;
    }

    /** Synthetic cards, in one statement; children first, so every card has its child. */
    private static void fill(JdbcClient jdbc, int cards) {
        int children = Math.max(1, cards / 3);
        jdbc.sql("""
                INSERT INTO child (pseudonym, file_id, identified_by, sex, birth_year, first_seen)
                SELECT 'bench-' || i, gen_random_uuid(), 'etat-civil', (ARRAY['female','male'])[1 + i % 2],
                       2008 + i % 18, timestamptz '2025-01-01'
                FROM generate_series(1, ?) AS i""").param(children).update();
        jdbc.sql("""
                INSERT INTO card (id, sender_sector, receiver_sector, card_type, child_pseudonym, delivery_status, task_status,
                                  delivery_attempts, body_sha256, received_at, updated_at, queued_at, cpm,
                                  stage, entry_channel, due_by, sex, age_band, birth_year, province, concerns, concern_mask,
                                  answered_at)
                SELECT gen_random_uuid(),
                       (ARRAY['health','justice','education','labour','police','gendarmerie','social','freeline'])[1 + i % 8],
                       CASE WHEN i % 3 = 0 THEN (ARRAY['justice','health','social','education'])[1 + i % 4] ELSE 'centre' END,
                       CASE WHEN i % 3 = 0 THEN 'linkage' WHEN i % 7 = 0 THEN 'follow-up' WHEN i % 11 = 0 THEN 'evaluation'
                            ELSE 'reporting' END,
                       'bench-' || (1 + i % ?), 'delivered',
                       (ARRAY['completed','in-progress','accepted','requested','rejected'])[1 + i % 5],
                       1, repeat('0', 64), t, t, t, 'not-a-real-card',
                       1 + i % 6,
                       (ARRAY['free-line','health-facility','school','police','social-services','centre'])[1 + i % 6],
                       (t AT TIME ZONE 'UTC')::date + 15,
                       (ARRAY['female','male'])[1 + (i % ?) % 2],
                       (ARRAY['0-4','5-9','10-14','15-17'])[1 + i % 4], 2008 + i % 18, 'MA-BENCH',
                       ARRAY[(ARRAY['physical-violence','sexual-violence','neglect','child-labour','begging',
                              'school-dropout','psychological-violence','child-marriage'])[1 + i % 8]]::varchar[],
                       (ARRAY[1, 2, 8, 32, 1024, 4096, 4, 512])[1 + i % 8],
                       CASE WHEN i % 5 <> 3 THEN t + interval '3 days' END
                FROM (SELECT i, CASE WHEN i <= ? THEN timestamptz '2026-01-01' ELSE timestamptz '2025-01-01' END
                                + (i % 365) * interval '1 day' + (i % 86400) * interval '1 second' AS t
                      FROM generate_series(1, ?) AS i) AS g""")
                .params(children, children, cards, cards + cards / 2)
                .update();
        jdbc.sql("ANALYZE").update();
    }
}
