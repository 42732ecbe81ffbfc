package org.rabt.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One broker of a symmetric Artemis cluster on loopback, made with the distribution's own
 * {@code artemis create} (clustered, a static connector to its peer, ON_DEMAND load balancing) and
 * run with Rabt's broker properties ({@code rabt.jar broker properties}, {@code --properties}).
 * Its journal stays in its instance directory from one start to the next, so a broker killed with
 * {@code kill -9} and started again comes back with the messages it held.
 */
final class ArtemisBroker implements AutoCloseable {

    static final String USER = "rabt";
    static final String PASSWORD = "rabt";

    private final String name;
    private final Path instance;
    private final Path properties;
    private final int port;
    private Process process;
    private int starts;

    private ArtemisBroker(String name, Path instance, Path properties, int port) {
        this.name = name;
        this.instance = instance;
        this.properties = properties;
        this.port = port;
    }

    /**
     * Creates the broker instance under {@code work/name}: its acceptor on {@code port}, a cluster
     * connection to the broker on {@code peerPort}.
     */
    static ArtemisBroker create(Path artemisHome, Path work, String name, int port, int peerPort, Path properties) {
        Path instance = work.resolve(name);
        run(List.of(artemisHome.resolve("bin").resolve("artemis").toString(), "create", instance.toString(),
                "--silent", "--name", name, "--user", USER, "--password", PASSWORD, "--require-login",
                "--host", "127.0.0.1", "--http-host", "127.0.0.1", "--no-web", "--no-autotune",
                "--clustered", "--cluster-user", "cluster", "--cluster-password", "cluster-secret",
                "--staticCluster", "tcp://127.0.0.1:" + peerPort, "--max-hops", "1",
                "--message-load-balancing", "ON_DEMAND",
                "--no-amqp-acceptor", "--no-mqtt-acceptor", "--no-stomp-acceptor", "--no-hornetq-acceptor"),
                work, name + "-create.log");
        // 'create' puts the acceptor (and the connector the broker announces) on 61616: move both to the free port
        Path brokerXml = instance.resolve("etc").resolve("broker.xml");
        try {
            String xml = Files.readString(brokerXml);
            Files.writeString(brokerXml, xml.replace("tcp://127.0.0.1:61616", "tcp://127.0.0.1:" + port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArtemisBroker(name, instance, properties, port);
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    String name() {
        return name;
    }

    /** Starts the broker (again) and waits until it accepts connections. */
    void start() {
        List<String> command = List.of(instance.resolve("bin").resolve("artemis").toString(), "run",
                "--properties", properties.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(instance.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(instance.resolve("broker.log").toFile()));
        // the default profile reserves 2 GB of heap per broker; two brokers and two hubs share this machine
        builder.environment().put("JAVA_ARGS", "-XX:+UseG1GC -Xms64m -Xmx512m -Dlog4j2.disableJmx=true "
                + "--add-opens java.base/jdk.internal.misc=ALL-UNNAMED");
        try {
            // bin/artemis execs java: the process is the broker itself, and kill -9 kills the broker
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Process started = process;
        if (starts++ == 0) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (this.process != null) {
                    this.process.destroyForcibly();
                }
            }));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!started.isAlive()) {
                throw new IllegalStateException(name + " exited with " + started.exitValue() + "; see "
                        + instance.resolve("broker.log"));
            }
            if (logContains("AMQ221007")) { // "Server is now active"
                return;
            }
            Launched.pause(100);
        }
        throw new IllegalStateException(name + " was not active within 60 s; see " + instance.resolve("broker.log"));
    }

    /** {@code kill -9}: the journal keeps what was synced, nothing is shut down cleanly. */
    void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // a new start appends to the log; mark where this life ended
            append("---- killed with SIGKILL by the chaos run ----\n");
        }
    }

    /** Waits until this broker's cluster bridge to its peer is up (after both have started). */
    void awaitBridge(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (logContains("AMQ221027")) { // "Bridge ClusterConnectionBridge ... is connected"
                return;
            }
            Launched.pause(200);
        }
        Figures.note(name + ": no cluster bridge within " + timeout.toSeconds() + " s");
    }

    private boolean logContains(String code) {
        try {
            Path log = instance.resolve("broker.log");
            if (!Files.exists(log)) {
                return false;
            }
            String text = Files.readString(log, StandardCharsets.ISO_8859_1);
            int lastKill = text.lastIndexOf("---- killed");
            return text.indexOf(code, Math.max(0, lastKill)) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    private void append(String line) {
        try {
            Files.writeString(instance.resolve("broker.log"), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private static void run(List<String> command, Path work, String logName) {
        try {
            Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(work.resolve(logName).toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command.subList(0, 3)) + " failed; see "
                        + work.resolve(logName));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
