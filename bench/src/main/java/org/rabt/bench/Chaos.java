package org.rabt.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar rabt-bench.jar chaos kill-node|kill-broker|sector-outage [--cards N]
 * [--concurrency N] --artemis-home DIR [--hub-jar JAR]}: distinct signed cards posted to both hub
 * nodes of the production topology ({@link Topology}) while one part of it fails, then a bounded
 * wait until every accepted card reached the receiver. Prints {@code name value} lines; returns
 * non-zero when an accepted card was lost (or a card could not be accepted at all).
 */
final class Chaos {

    enum Scenario { KILL_NODE, KILL_BROKER, SECTOR_OUTAGE }

    /** The short retry policy of the sector-outage run (brokers and nodes alike): back within seconds of the receiver. */
    private static final List<String> SHORT_RETRIES = List.of("--rabt.delivery.initial-delay=500ms",
            "--rabt.delivery.max-delay=5s", "--rabt.delivery.max-attempts=100");

    private static final Duration DELIVERY_WAIT = Duration.ofSeconds(180);

    private final Scenario scenario;
    private final int cards;
    private final int concurrency;
    private final Path artemisHome;
    private final Path hubJar;
    private final long began = System.nanoTime();

    private Chaos(Scenario scenario, int cards, int concurrency, Path artemisHome, Path hubJar) {
        this.scenario = scenario;
        this.cards = cards;
        this.concurrency = concurrency;
        this.artemisHome = artemisHome;
        this.hubJar = hubJar;
    }

    static int run(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException(usage());
        }
        Scenario scenario = switch (args[0]) {
            case "kill-node" -> Scenario.KILL_NODE;
            case "kill-broker" -> Scenario.KILL_BROKER;
            case "sector-outage" -> Scenario.SECTOR_OUTAGE;
            default -> throw new IllegalArgumentException(usage());
        };
        int cards = 5_000;
        int concurrency = 8;
        Path artemisHome = null;
        Path hubJar = Path.of("config/target/rabt.jar");
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--cards" -> cards = Integer.parseInt(args[++i]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                case "--artemis-home" -> artemisHome = Path.of(args[++i]);
                case "--hub-jar" -> hubJar = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + usage());
            }
        }
        if (artemisHome == null) {
            throw new IllegalArgumentException("--artemis-home is required; " + usage());
        }
        quietLogs();
        return new Chaos(scenario, cards, concurrency, artemisHome.toAbsolutePath(), hubJar.toAbsolutePath()).run();
    }

    /** The embedded PostgreSQL logs each line at INFO on standard output, where the figures go. */
    static void quietLogs() {
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    private static String usage() {
        return "usage: chaos kill-node|kill-broker|sector-outage --artemis-home DIR [--cards N] [--concurrency N] [--hub-jar JAR]";
    }

    private int run() throws Exception {
        note(scenario.name().toLowerCase().replace('_', '-') + ": " + cards + " cards, " + concurrency
                + " senders, " + Runtime.getRuntime().availableProcessors() + " cores");
        List<String> hubArguments = scenario == Scenario.SECTOR_OUTAGE ? SHORT_RETRIES : List.of();
        try (DeliveryStub stub = DeliveryStub.start();
             Topology topology = Topology.start(artemisHome, hubJar, stub, 2, hubArguments)) {
            CardDeck deck = CardDeck.prepare(topology.pki(), cards);
            // the first node creates the shared keys; the second starts once it is healthy
            note("n1 healthy in " + topology.startNode(0).startup().toMillis() + " ms");
            note("n2 healthy in " + topology.startNode(1).startup().toMillis() + " ms");

            FailoverClient client = new FailoverClient(topology.pki(),
                    List.of(topology.exchangePort(0), topology.exchangePort(1)));
            Set<String> accepted = FailoverClient.acceptedSet();
            ExecutorService background = Executors.newSingleThreadExecutor();
            Future<FailoverClient.Outcome> load = background.submit(() -> client.run(deck, concurrency, () -> false, accepted));
            List<String> events = new ArrayList<>();
            var progress = Executors.newSingleThreadScheduledExecutor();
            progress.scheduleAtFixedRate(() -> note(accepted.size() + " accepted, " + stub.received() + " delivered"),
                    10, 10, TimeUnit.SECONDS);
            try {
                switch (scenario) {
                    case KILL_NODE -> killNode(topology, accepted, load, events);
                    case KILL_BROKER -> killBroker(topology, stub, accepted, load, events);
                    case SECTOR_OUTAGE -> sectorOutage(stub, accepted, load, events);
                }
            } finally {
                background.shutdown();
            }
            FailoverClient.Outcome outcome = load.get(20, TimeUnit.MINUTES);
            progress.shutdownNow();
            long posted = System.nanoTime();
            note("posting took " + (posted - outcome.startNanos()) / 1_000_000 + " ms; " + outcome.retries()
                    + " retries on another node");
            long missing = awaitDeliveries(stub, accepted, DELIVERY_WAIT);
            double deliveredAfterPosting = (System.nanoTime() - posted) / 1e9;

            Figures.print("cards", cards, "");
            Figures.print("accepted", accepted.size(), "");
            Figures.print("delivered", accepted.stream().filter(id -> stub.deliveries(id) > 0).count(), "");
            Figures.print("lost", missing, "");
            Figures.print("redeliveries", stub.redeliveries(), "");
            Figures.print("duplicates", stub.cardsDeliveredTwice(), "");
            Figures.print("client_retries", outcome.retries(), "");
            Figures.print("refused", outcome.refused(), "");
            Figures.print("abandoned", outcome.abandoned(), "");
            events.forEach(System.out::println);
            Figures.print("delivered_after_posting_s", deliveredAfterPosting, "s");
            Figures.print("run_s", (System.nanoTime() - began) / 1e9, "s");
            note("load average " + Figures.loadAverage());
            boolean failed = missing > 0 || outcome.refused() > 0 || outcome.abandoned() > 0;
            if (failed) {
                note("FAILED: " + missing + " accepted cards not delivered, " + outcome.refused() + " refused, "
                        + outcome.abandoned() + " never accepted");
            }
            return failed ? 1 : 0;
        }
    }

    /** Kills the node that leads (so the takeover shows), keeps posting to the survivor, restarts it. */
    private void killNode(Topology topology, Set<String> accepted, Future<?> load, List<String> events) {
        awaitAccepted(accepted, cards * 4 / 10, load);
        int victim = topology.leads(1) ? 1 : 0;
        int survivor = 1 - victim;
        boolean victimLed = topology.leads(victim);
        topology.killNode(victim);
        long killed = System.nanoTime();
        note("killed n" + (victim + 1) + " (kill -9) at " + accepted.size() + " accepted"
                + (victimLed ? "; it led" : ""));
        events.add("killed_at_accepted " + accepted.size());
        if (victimLed) {
            long deadline = killed + Duration.ofSeconds(90).toNanos();
            while (!topology.leads(survivor) && System.nanoTime() < deadline) {
                Launched.pause(100);
            }
            if (topology.leads(survivor)) {
                events.add(String.format(java.util.Locale.ROOT, "takeover_s %.1f", (System.nanoTime() - killed) / 1e9));
            } else {
                note("n" + (survivor + 1) + " did not take the lead within 90 s");
            }
        }
        // the survivor carries the load alone for a while
        pauseUntil(killed + Duration.ofSeconds(20).toNanos());
        note("restarting n" + (victim + 1) + " at " + accepted.size() + " accepted");
        long restarting = System.nanoTime();
        topology.startNode(victim);
        events.add(String.format(java.util.Locale.ROOT, "restart_s %.1f", (System.nanoTime() - restarting) / 1e9));
        note("n" + (victim + 1) + " healthy again at " + accepted.size() + " accepted");
    }

    /** Kills the first broker of the nodes' URL, restarts it 15 s later: its journal's messages come back. */
    private void killBroker(Topology topology, DeliveryStub stub, Set<String> accepted, Future<?> load, List<String> events) {
        awaitAccepted(accepted, cards * 4 / 10, load);
        ArtemisBroker victim = topology.broker(0);
        victim.kill();
        long killed = System.nanoTime();
        int atKill = accepted.size();
        Set<String> acceptedBeforeKill = Set.copyOf(accepted);
        note("killed broker " + victim.name() + " (kill -9) at " + atKill + " accepted");
        events.add("killed_at_accepted " + atKill);
        pauseUntil(killed + Duration.ofSeconds(15).toNanos());
        events.add("accepted_while_broker_down " + (accepted.size() - atKill));
        // cards accepted before the kill and still not delivered: held in the dead broker's journal
        long held = acceptedBeforeKill.stream().filter(id -> stub.deliveries(id) == 0).count();
        victim.start();
        note("broker " + victim.name() + " active again at " + accepted.size() + " accepted; " + held
                + " cards accepted before the kill were waiting for it");
        events.add("held_by_dead_broker " + held);
    }

    /** The receiver answers 503 for 30 s, then 202 again. */
    private void sectorOutage(DeliveryStub stub, Set<String> accepted, Future<?> load, List<String> events) {
        awaitAccepted(accepted, cards * 3 / 10, load);
        stub.refuse(true);
        note("receiver down (503) at " + accepted.size() + " accepted");
        long down = System.nanoTime();
        pauseUntil(down + Duration.ofSeconds(30).toNanos());
        stub.refuse(false);
        note("receiver back at " + accepted.size() + " accepted");
        events.add("attempts_refused_by_receiver " + stub.refusedAttempts());
    }

    /** A note with the seconds since the run began, to read the run's course afterwards. */
    private void note(String text) {
        Figures.note(String.format(java.util.Locale.ROOT, "%6.1f s  %s", (System.nanoTime() - began) / 1e9, text));
    }

    private static void awaitAccepted(Set<String> accepted, int count, Future<?> load) {
        while (accepted.size() < count && !load.isDone()) {
            Launched.pause(50);
        }
    }

    private static void pauseUntil(long nanos) {
        long left;
        while ((left = nanos - System.nanoTime()) > 0) {
            Launched.pause(Math.min(200, left / 1_000_000 + 1));
        }
    }

    /** Waits until every accepted card reached the receiver, or the timeout; returns how many did not. */
    private long awaitDeliveries(DeliveryStub stub, Set<String> accepted, Duration timeout) {
        List<String> pending = new ArrayList<>(accepted);
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastNote = System.nanoTime();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            pending.removeIf(id -> stub.deliveries(id) > 0);
            if (!pending.isEmpty()) {
                if (System.nanoTime() - lastNote > Duration.ofSeconds(15).toNanos()) {
                    note(pending.size() + " accepted cards not delivered yet");
                    lastNote = System.nanoTime();
                }
                Launched.pause(200);
            }
        }
        if (!pending.isEmpty()) {
            note(pending.size() + " accepted cards were not delivered within " + timeout.toSeconds()
                    + " s, e.g. " + pending.subList(0, Math.min(5, pending.size())));
        }
        return pending.size();
    }
}
