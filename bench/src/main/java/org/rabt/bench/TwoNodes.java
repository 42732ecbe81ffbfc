package org.rabt.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code java -jar rabt-bench.jar two-nodes --artemis-home DIR [--quick] [--concurrency N]}: what a
 * second hub node adds. On the same production topology ({@link Topology}: PostgreSQL, two brokers),
 * with the same client and deck: first one node, then two (the client posting to both in turn).
 * Each figure is the rate of cards accepted in the measured time, divided by the time until the
 * last of them was delivered (as {@code run.sh} measures the pipeline).
 */
final class TwoNodes {

    private final Path artemisHome;
    private final Path hubJar;
    private final int concurrency;
    private final Duration warmUp;
    private final Duration measured;
    private final List<String> hubArguments;

    private TwoNodes(Path artemisHome, Path hubJar, int concurrency, Duration warmUp, Duration measured,
            List<String> hubArguments) {
        this.artemisHome = artemisHome;
        this.hubJar = hubJar;
        this.concurrency = concurrency;
        this.warmUp = warmUp;
        this.measured = measured;
        this.hubArguments = hubArguments;
    }

    static int run(String[] args) throws Exception {
        Path artemisHome = null;
        Path hubJar = Path.of("config/target/rabt.jar");
        int concurrency = 16;
        boolean quick = false;
        List<String> hubArguments = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                case "--artemis-home" -> artemisHome = Path.of(args[++i]);
                case "--hub-jar" -> hubJar = Path.of(args[++i]);
                case "--hub-arg" -> hubArguments.add(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: two-nodes --artemis-home DIR [--quick] [--concurrency N] [--hub-jar JAR] [--hub-arg ARG]...");
            }
        }
        if (artemisHome == null) {
            throw new IllegalArgumentException("--artemis-home is required");
        }
        Chaos.quietLogs();
        return new TwoNodes(artemisHome.toAbsolutePath(), hubJar.toAbsolutePath(), concurrency,
                Duration.ofSeconds(quick ? 15 : 30), Duration.ofSeconds(quick ? 30 : 60), hubArguments).run();
    }

    private int run() throws Exception {
        Figures.note(Runtime.getRuntime().availableProcessors() + " cores; " + concurrency + " connections; warm-up "
                + warmUp.toSeconds() + " s, measured " + measured.toSeconds() + " s");
        try (DeliveryStub stub = DeliveryStub.start();
             Topology topology = Topology.start(artemisHome, hubJar, stub, 2, hubArguments)) {
            CardDeck deck = CardDeck.prepare(topology.pki(), 30_000);
            Figures.note("n1 healthy in " + topology.startNode(0).startup().toMillis() + " ms");
            double one = throughput("single_node", topology, List.of(topology.exchangePort(0)), deck, stub);
            Figures.note("n2 healthy in " + topology.startNode(1).startup().toMillis() + " ms");
            double two = throughput("two_nodes", topology,
                    List.of(topology.exchangePort(0), topology.exchangePort(1)), deck, stub);
            Figures.print("second_node_gain", one == 0 ? Double.NaN : two / one, "");
            Figures.note("load average " + Figures.loadAverage());
            if (stub.cardsDeliveredTwice() > 0) {
                Figures.note("the receiver got " + stub.cardsDeliveredTwice() + " cards twice");
            }
            return 0;
        }
    }

    private double throughput(String name, Topology topology, List<Integer> ports, CardDeck deck, DeliveryStub stub)
            throws InterruptedException {
        FailoverClient client = new FailoverClient(topology.pki(), ports);
        Set<String> warm = FailoverClient.acceptedSet();
        long warmEnd = System.nanoTime() + warmUp.toNanos();
        client.run(deck, concurrency, () -> System.nanoTime() > warmEnd, warm);
        stub.awaitArrivals(warm, Duration.ofSeconds(120));

        Set<String> accepted = FailoverClient.acceptedSet();
        long end = System.nanoTime() + measured.toNanos();
        FailoverClient.Outcome outcome = client.run(deck, concurrency, () -> System.nanoTime() > end, accepted);
        long lastDelivery = Math.max(outcome.endNanos(), stub.awaitArrivals(accepted, Duration.ofSeconds(300)));
        double seconds = (lastDelivery - outcome.startNanos()) / 1e9;
        double rate = accepted.size() / seconds;
        Figures.print(name + "_cards_per_s", rate, "cards/s");
        Figures.print(name + "_accepted_per_s", accepted.size() / ((outcome.endNanos() - outcome.startNanos()) / 1e9),
                "cards/s");
        if (outcome.retries() + outcome.refused() > 0) {
            Figures.note(name + ": " + outcome.retries() + " retries (503 or no answer), " + outcome.refused() + " refused");
        }
        return rate;
    }
}
