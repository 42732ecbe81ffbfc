package org.rabt.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server process the benchmark starts (the hub's jar, or the pass-through), its start-up time
 * to a healthy {@code /actuator/health}, and its end: every process the benchmark starts is
 * stopped when the benchmark ends, even when it fails.
 */
final class Launched implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int staffPort;
    private final Duration startup;

    private Launched(String name, Process process, int staffPort, Duration startup) {
        this.name = name;
        this.process = process;
        this.staffPort = staffPort;
        this.startup = startup;
    }

    static Launched start(String name, List<String> javaArguments, Path workDir, int staffPort) {
        return start(name, javaArguments, workDir, staffPort, Duration.ofSeconds(60));
    }

    static Launched start(String name, List<String> javaArguments, Path workDir, int staffPort, Duration timeout) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaArguments);
        long launched = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(workDir.resolve(name + ".log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + staffPort + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = launched + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see "
                        + workDir.resolve(name + ".log"));
            }
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return new Launched(name, process, staffPort,
                            Duration.ofNanos(System.nanoTime() - launched));
                }
            } catch (IOException notListeningYet) {
                // try again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " was not healthy within " + timeout.toSeconds() + " s; see "
                + workDir.resolve(name + ".log"));
    }

    /** The server's process, for its CPU time. */
    ProcessHandle handle() {
        return process.toHandle();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Duration startup() {
        return startup;
    }

    int staffPort() {
        return staffPort;
    }

    /** {@code kill -9}: no shutdown hook, no clean stop of anything the process holds. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                Figures.note(name + " did not stop in 30 s; killed");
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
