package org.rabt.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.rabt.security.pki.HubPki;

/**
 * The production topology on this machine: a PostgreSQL (embedded binary, in this process), two
 * Artemis brokers in a symmetric cluster, and hub nodes ({@code --spring.profiles.active=production})
 * sharing one data directory, the justice sector's delivery URL pointing at the {@link DeliveryStub}.
 * Everything lives in one temporary directory, removed at the end with every process started.
 */
final class Topology implements AutoCloseable {

    static final List<String> SECTORS = List.of("education", "freeline", "gendarmerie", "health", "justice",
            "labour", "police", "social");

    /**
     * How each hub node reaches the brokers. {@code reconnectAttempts} bounded, then
     * {@code failoverAttempts}: when its broker dies, the client tries it a few times, then moves its
     * connection, sessions, producers and consumers to the other broker of the cluster (ARTEMIS-4251).
     * With {@code reconnectAttempts=-1} it would wait for the dead broker for ever.
     */
    static final String FAILOVER_OPTIONS = "ha=true&reconnectAttempts=5&retryInterval=500&failoverAttempts=-1";

    private final Path work;
    private final Path hubJar;
    private final DeliveryStub stub;
    private final List<String> hubArguments;
    /** Started once the topology exists, so that its shutdown hook stops it whatever happens next. */
    private EmbeddedPostgres postgres;
    private final List<ArtemisBroker> brokers = new ArrayList<>();
    private final Launched[] nodes;
    private final int[] staffPorts;
    private final int[] exchangePorts;
    private final int[] starts;
    private final String brokerUrl;
    private final HttpClient metricsClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private Topology(Path work, Path hubJar, DeliveryStub stub, List<String> hubArguments, int nodeCount,
            String brokerUrl) {
        this.work = work;
        this.hubJar = hubJar;
        this.stub = stub;
        this.hubArguments = List.copyOf(hubArguments);
        this.nodes = new Launched[nodeCount];
        this.staffPorts = new int[nodeCount];
        this.exchangePorts = new int[nodeCount];
        this.starts = new int[nodeCount];
        this.brokerUrl = brokerUrl;
        for (int i = 0; i < nodeCount; i++) {
            staffPorts[i] = Launched.freePort();
            exchangePorts[i] = Launched.freePort();
        }
    }

    /**
     * Starts PostgreSQL and two brokers (not yet the nodes); creates the shared data directory's
     * PKI, so that cards can be signed before any node runs.
     *
     * @param hubArguments given to every node; those of {@code --rabt.delivery.<x>=<v>} to the broker properties too
     */
    static Topology start(Path artemisHome, Path hubJar, DeliveryStub stub, int nodeCount,
            List<String> hubArguments) throws IOException {
        Path work = Files.createTempDirectory("rabt-chaos-");
        Figures.note("work directory " + work);
        int port1 = Launched.freePort();
        int port2 = Launched.freePort();
        // -Drabt.chaos.broker-options=... tries other client settings (e.g. ha=true&reconnectAttempts=-1)
        String url = "(tcp://127.0.0.1:" + port1 + ",tcp://127.0.0.1:" + port2 + ")?"
                + System.getProperty("rabt.chaos.broker-options", FAILOVER_OPTIONS);
        Topology topology = new Topology(work, hubJar, stub, hubArguments, nodeCount, url);
        // Ctrl-C or the script's time limit: stop everything and remove the directory all the same
        Runtime.getRuntime().addShutdownHook(new Thread(topology::close));
        try {
            HubPki.loadOrCreate(work.resolve("data").resolve("pki"), SECTORS, List.of());
            topology.postgres = EmbeddedPostgres.builder().setDataDirectory(work.resolve("db")).setCleanDataDirectory(true)
                    // stopped by close() (also from this topology's shutdown hook), before its directory is removed
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", "64MB")
                    .start();
            Figures.note("PostgreSQL on port " + topology.postgres.getPort() + ", fsync "
                    + setting(topology.postgres, "fsync") + ", synchronous_commit "
                    + setting(topology.postgres, "synchronous_commit"));
            Path properties = brokerProperties(hubJar, work, hubArguments);
            topology.brokers.add(ArtemisBroker.create(artemisHome, work, "b1", port1, port2, properties));
            topology.brokers.add(ArtemisBroker.create(artemisHome, work, "b2", port2, port1, properties));
            topology.brokers.forEach(ArtemisBroker::start);
            topology.brokers.forEach(broker -> broker.awaitBridge(Duration.ofSeconds(30)));
            return topology;
        } catch (IOException | RuntimeException e) {
            topology.close();
            throw e;
        }
    }

    Path pki() {
        return work.resolve("data").resolve("pki");
    }

    int exchangePort(int node) {
        return exchangePorts[node];
    }

    ArtemisBroker broker(int index) {
        return brokers.get(index);
    }

    /** Starts node {@code i} (again, after a kill) and waits until it is healthy. */
    Launched startNode(int i) {
        String name = "n" + (i + 1);
        List<String> java = new ArrayList<>(List.of("-Xmx512m", "-jar", hubJar.toAbsolutePath().toString(),
                "--spring.profiles.active=production",
                "--rabt.data-dir=" + work.resolve("data"),
                "--rabt.cluster.node-id=" + name,
                "--spring.artemis.broker-url=" + brokerUrl,
                "--spring.artemis.user=" + ArtemisBroker.USER,
                "--spring.artemis.password=" + ArtemisBroker.PASSWORD,
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
                "--spring.datasource.username=postgres",
                "--server.port=" + staffPorts[i],
                "--rabt.exchange.port=" + exchangePorts[i],
                "--rabt.exchange.address=127.0.0.1",
                // the load comes from one certificate, far above a real sector system's rate
                "--rabt.exchange.rate-limit.cards-per-second=0",
                "--rabt.sectors.justice.delivery-url=" + stub.url(),
                "--demo",
                "--rabt.demo-sectors=false"));
        java.addAll(hubArguments);
        String logName = starts[i]++ == 0 ? name : name + "-restart" + (starts[i] - 1);
        nodes[i] = Launched.start(logName, java, work, staffPorts[i], Duration.ofSeconds(120));
        return nodes[i];
    }

    void killNode(int i) {
        nodes[i].kill();
    }

    /** Whether node {@code i} says it runs the single-node routes ({@code rabt_cluster_leader 1}). */
    boolean leads(int i) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + staffPorts[i] + "/actuator/prometheus"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("operator:demo".getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            String body = metricsClient.send(request, HttpResponse.BodyHandlers.ofString()).body();
            return body.lines().anyMatch(line -> line.startsWith("rabt_cluster_leader{") && line.endsWith(" 1.0"));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (int i = nodes.length - 1; i >= 0; i--) {
            if (nodes[i] != null) {
                nodes[i].close();
            }
        }
        brokers.forEach(ArtemisBroker::close);
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                Figures.note("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
        if (Boolean.getBoolean("rabt.chaos.keep")) {
            Figures.note("kept " + work);
        } else {
            delete(work);
        }
    }

    /** {@code java -jar rabt.jar broker properties [--rabt.delivery...]}: the brokers' queues and retry policy. */
    private static Path brokerProperties(Path hubJar, Path work, List<String> hubArguments) throws IOException {
        Path file = work.resolve("rabt-broker.properties");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", hubJar.toAbsolutePath().toString(), "broker", "properties"));
        command.addAll(hubArguments.stream().filter(a -> a.startsWith("--rabt.delivery.")).toList());
        Process process = new ProcessBuilder(command).redirectOutput(file.toFile())
                .redirectError(work.resolve("broker-properties.log").toFile()).start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("rabt.jar broker properties failed; see " + work.resolve("broker-properties.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return file;
    }

    /** A server setting as PostgreSQL runs with it (the embedded binary's own flags come before ours). */
    private static String setting(EmbeddedPostgres postgres, String name) {
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var statement = connection.createStatement();
             var result = statement.executeQuery("SHOW " + name)) {
            return result.next() ? result.getString(1) : "unknown";
        } catch (java.sql.SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + directory, e);
        }
    }
}
