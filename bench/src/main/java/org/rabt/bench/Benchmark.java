package org.rabt.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.rabt.security.pki.HubPki;

/**
 * One comparable run: the whole pipeline (the hub's jar on its embedded defaults) and the raw
 * pass-through (same client, TLS, Camel, persistent Artemis queue and HTTP delivery; no
 * verification, mapping or database), in the same run on the same machine.
 */
final class Benchmark {

    private static final List<String> SECTORS = List.of("education", "freeline", "gendarmerie", "health", "justice",
            "labour", "police", "social");

    /** A second fixed rate, well under what the pipeline sustains here. */
    private static final int LOW_RATE = 100;

    private final BenchOptions options;

    Benchmark(BenchOptions options) {
        this.options = options;
    }

    void run() throws Exception {
        Path work = Files.createTempDirectory("rabt-bench-");
        Figures.note("work directory " + work + "; " + Runtime.getRuntime().availableProcessors() + " cores; "
                + (options.quick() ? "quick" : "full") + " run");
        Figures.print("disk_synced_writes_per_s", DiskSync.syncsPerSecond(work, Duration.ofSeconds(2)), "1/s");

        // The PKI exists before the hub starts (the hub loads it), so the cards are signed
        // before any clock runs and the signing does not compete with the hub for the CPU.
        Path pki = work.resolve("hub").resolve("pki");
        HubPki.loadOrCreate(pki, SECTORS, List.of());
        int deckSize = options.quick() ? 40_000 : 150_000;
        long signing = System.nanoTime();
        CardDeck deck = CardDeck.prepare(pki, deckSize);
        Figures.note("signed " + deckSize + " cards in " + (System.nanoTime() - signing) / 1_000_000 + " ms");

        if (!options.quick()) {
            plainJarStartup(work, pki);
        }
        try (DeliveryStub stub = DeliveryStub.start()) {
            double pipeline = pipeline(work, pki, deck, stub);
            stub.reset();
            deck.rewind();
            double passthrough = passthrough(work, pki, deck, stub);
            Figures.print("ratio", passthrough == 0 ? Double.NaN : pipeline / passthrough, "");
        } finally {
            // the servers have stopped (their logs, journals and databases are half a GB or more)
            if (Boolean.getBoolean("rabt.bench.keep")) {
                Figures.note("kept " + work);
            } else {
                Topology.delete(work);
            }
        }
    }

    private double pipeline(Path work, Path pki, CardDeck deck, DeliveryStub stub) throws InterruptedException {
        int exchangePort = Launched.freePort();
        int staffPort = Launched.freePort();
        // the hub's heap target is 512 MB; a --jvm-arg given later overrides it
        GcLogHeap heap = GcLogHeap.at(work.resolve("hub-gc.log"));
        List<String> java = new ArrayList<>(List.of("-Xmx512m", heap.jvmArgument()));
        java.addAll(options.jvmArguments().stream().map(a -> a.replace("{name}", "hub")).toList());
        // the hub as docs/operations.md installs it: unpacked, with its class-data archive, which
        // Java 17 cannot combine with JFR from the start or an agent (it crashes; docs/operations.md)
        Path app = install(work);
        if (options.jvmArguments().stream().noneMatch(a -> a.startsWith("-XX:StartFlightRecording") || a.startsWith("-javaagent")
                || a.startsWith("-agentpath") || a.startsWith("-agentlib"))) {
            java.add("-XX:SharedArchiveFile=" + app.resolve("rabt.jsa"));
        } else {
            Figures.note("started without the class-data archive (JFR or an agent given)");
        }
        java.addAll(List.of("-jar", app.resolve("rabt.jar").toString(),
                "--rabt.data-dir=" + work.resolve("hub"),
                "--server.port=" + staffPort,
                "--rabt.exchange.port=" + exchangePort,
                "--rabt.exchange.address=127.0.0.1",
                "--rabt.amqp.port=" + Launched.freePort(),
                // the load comes from one certificate, far above a real sector system's rate
                "--rabt.exchange.rate-limit.cards-per-second=0",
                "--rabt.sectors.justice.delivery-url=" + stub.url(),
                "--rabt.sectors.justice.consumers=" + options.consumers()));
        java.addAll(options.hubArguments());
        try (Launched hub = Launched.start("hub", java, work, staffPort)) {
            Figures.print("startup_s", hub.startup().toMillis() / 1000.0, "s");
            LoadClient client = new LoadClient(pki, exchangePort);
            double rate = throughput("pipeline", client, deck, stub);
            latency(client, deck, stub, options.rate(), "");
            // the same at a rate the hub sustains on a small machine: its latency without a queue in front,
            // and what a card costs it in CPU (the hub's JVM and its PostgreSQL)
            Path database = work.resolve("hub").resolve("db");
            double jvmBefore = CpuTime.seconds(hub.handle());
            double postgresBefore = CpuTime.postgresSeconds(database);
            int handled = latency(client, deck, stub, LOW_RATE, "_at_" + LOW_RATE);
            double jvm = (CpuTime.seconds(hub.handle()) - jvmBefore) * 1000 / Math.max(1, handled);
            double postgres = (CpuTime.postgresSeconds(database) - postgresBefore) * 1000 / Math.max(1, handled);
            Figures.print("hub_cpu_ms_per_card_at_" + LOW_RATE, jvm + postgres, "ms");
            Figures.print("hub_jvm_cpu_ms_per_card_at_" + LOW_RATE, jvm, "ms");
            Figures.print("postgres_cpu_ms_per_card_at_" + LOW_RATE, postgres, "ms");
            Figures.print("heap_peak_mb", heap.peakMegabytes(), "MB");
            if (stub.duplicates() > 0) {
                Figures.note("the receiver got " + stub.duplicates() + " duplicate deliveries");
            }
            return rate;
        }
    }

    /**
     * {@code java -jar rabt.jar install}, timed: the layout the hub is then started from. Kept in
     * {@code bench/target/hub-app} and used again while the hub's jar and this Java are the same
     * (as the jars themselves are built only when stale), so that a quick run stays under 3 minutes.
     */
    private Path install(Path work) throws InterruptedException {
        Path app = options.benchJar().toAbsolutePath().getParent().resolve("hub-app");
        Path stampFile = app.resolveSibling("hub-app.stamp");
        try {
            Path jar = options.hubJar().toAbsolutePath();
            String stamp = Files.size(jar) + " " + Files.getLastModifiedTime(jar) + " " + System.getProperty("java.home")
                    + " " + System.getProperty("java.vm.version");
            if (Files.isRegularFile(app.resolve("rabt.jsa")) && Files.isRegularFile(stampFile)
                    && Files.readString(stampFile).equals(stamp)) {
                Figures.note("the hub's installed layout is current (" + app + "); not installed again");
                return app;
            }
            Files.deleteIfExists(stampFile);
            long start = System.nanoTime();
            Process install = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", jar.toString(), "install", app.toString())
                    .directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(work.resolve("install.log").toFile()).start();
            if (!install.waitFor(6, java.util.concurrent.TimeUnit.MINUTES) || install.exitValue() != 0) {
                // SIGTERM: install stops its training start, which stops its PostgreSQL
                install.destroy();
                install.waitFor(90, java.util.concurrent.TimeUnit.SECONDS);
                install.descendants().forEach(ProcessHandle::destroyForcibly);
                install.destroyForcibly();
                throw new IllegalStateException("rabt.jar install failed; see " + work.resolve("install.log"));
            }
            Figures.print("install_s", (System.nanoTime() - start) / 1e9, "s");
            Files.writeString(stampFile, stamp);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return app;
    }

    /**
     * The same first start from the plain jar ({@code java -jar rabt.jar}, the README's command):
     * classes looked up in the jars nested in the fat jar, no archive. Full runs only (it adds 20 s).
     */
    private void plainJarStartup(Path work, Path pki) throws java.io.IOException {
        Path data = Files.createDirectories(work.resolve("hub-jar"));
        try (java.util.stream.Stream<Path> files = Files.walk(pki)) {
            for (Path source : files.toList()) {
                Files.copy(source, data.resolve("pki").resolve(pki.relativize(source).toString()));
            }
        }
        int staffPort = Launched.freePort();
        try (Launched plain = Launched.start("hub-jar", List.of("-Xmx512m", "-jar",
                options.hubJar().toAbsolutePath().toString(), "--rabt.data-dir=" + data, "--server.port=" + staffPort,
                "--rabt.exchange.port=" + Launched.freePort(), "--rabt.exchange.address=127.0.0.1",
                "--rabt.amqp.port=" + Launched.freePort()), work, staffPort)) {
            Figures.print("startup_jar_s", plain.startup().toMillis() / 1000.0, "s");
        }
    }

    private double passthrough(Path work, Path pki, CardDeck deck, DeliveryStub stub) throws InterruptedException {
        int exchangePort = Launched.freePort();
        int staffPort = Launched.freePort();
        List<String> java = new ArrayList<>(List.of("-Xmx512m"));
        java.addAll(options.jvmArguments().stream().map(a -> a.replace("{name}", "passthrough")).toList());
        java.addAll(List.of("-jar", options.benchJar().toAbsolutePath().toString(), "passthrough",
                "--rabt.data-dir=" + work.resolve("passthrough"),
                "--rabt.pki-dir=" + pki,
                "--server.port=" + staffPort,
                "--rabt.exchange.port=" + exchangePort,
                "--rabt.delivery-url=" + stub.url(),
                "--rabt.consumers=" + options.consumers()));
        try (Launched passthrough = Launched.start("passthrough", java, work, staffPort)) {
            Figures.note("pass-through healthy in " + passthrough.startup().toMillis() + " ms");
            return throughput("passthrough", new LoadClient(pki, exchangePort), deck, stub);
        }
    }

    /**
     * Warm-up, then {@code concurrency} connections as fast as answers come for the measured time;
     * the rate is cards accepted in that time divided by the time until the last of them was
     * delivered, so a queue that grows does not pass for throughput.
     */
    private double throughput(String name, LoadClient client, CardDeck deck, DeliveryStub stub) throws InterruptedException {
        LoadClient.Outcome warmUp = client.closedLoop(deck, options.concurrency(), options.warmUp());
        awaitDeliveries(stub, warmUp, Duration.ofSeconds(120));
        LoadClient.Outcome measured = client.closedLoop(deck, options.concurrency(), options.throughput());
        long lastDelivery = awaitDeliveries(stub, measured, Duration.ofSeconds(300));
        double seconds = (Math.max(lastDelivery, measured.endNanos()) - measured.startNanos()) / 1e9;
        double accepted = measured.accepted().size() / ((measured.endNanos() - measured.startNanos()) / 1e9);
        Figures.print(name + "_cards_per_s", measured.accepted().size() / seconds, "cards/s");
        Figures.print(name + "_accepted_per_s", accepted, "cards/s");
        if (measured.refused() + measured.failed() > 0) {
            Figures.note(name + ": " + measured.refused() + " refused, " + measured.failed() + " failed");
        }
        return measured.accepted().size() / seconds;
    }

    /** A fixed arrival rate: time to the durable 202, and time to delivery, from each card's due time. */
    /** @return the cards accepted in the phase */
    private int latency(LoadClient client, CardDeck deck, DeliveryStub stub, int rate, String suffix)
            throws InterruptedException {
        LoadClient.Outcome outcome = client.fixedRate(deck, rate, options.latency(), 64);
        awaitDeliveries(stub, outcome, Duration.ofSeconds(300));
        Histogram accepted = new Histogram(3_600_000_000L, 3);
        Histogram delivered = new Histogram(3_600_000_000L, 3);
        for (LoadClient.Sent sent : outcome.accepted()) {
            accepted.recordValue(Math.max(1, (sent.answeredNanos() - sent.sentNanos()) / 1000));
            Long arrival = stub.arrival(sent.cardId());
            if (arrival != null) {
                delivered.recordValue(Math.max(1, (arrival - sent.sentNanos()) / 1000));
            }
        }
        Figures.print("p50_ms" + suffix, accepted.getValueAtPercentile(50) / 1000.0, "ms");
        Figures.print("p99_ms" + suffix, accepted.getValueAtPercentile(99) / 1000.0, "ms");
        Figures.print("p99_delivery_ms" + suffix, delivered.getValueAtPercentile(99) / 1000.0, "ms");
        Figures.print("accepted_share" + suffix, outcome.accepted().size()
                / (double) Math.max(1, outcome.accepted().size() + outcome.refused() + outcome.failed()), "");
        long missing = outcome.accepted().size() - delivered.getTotalCount();
        if (missing > 0 || outcome.refused() + outcome.failed() > 0) {
            Figures.note("fixed rate: " + outcome.refused() + " refused, " + outcome.failed() + " failed, "
                    + missing + " accepted but not delivered");
        }
        return outcome.accepted().size();
    }

    /** Waits until every accepted card reached the receiver (or the timeout); returns the last arrival. */
    private static long awaitDeliveries(DeliveryStub stub, LoadClient.Outcome outcome, Duration timeout) {
        return Math.max(outcome.endNanos(),
                stub.awaitArrivals(outcome.accepted().stream().map(LoadClient.Sent::cardId).toList(), timeout));
    }
}
