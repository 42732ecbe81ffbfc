package org.rabt.config.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The hub as an operator runs it: {@code java -jar config/target/rabt.jar} in its own process and
 * working directory, so that it can be killed with SIGKILL and started again on the same state.
 */
public final class HubProcess implements AutoCloseable {

    private final Path jar;
    private final List<String> jvmArguments;
    private final Path workDir;
    private final List<String> arguments;
    private final int staffPort;
    private Process process;
    private int launches;

    public HubProcess(Path jar, Path workDir, int staffPort, List<String> arguments) {
        this(jar, List.of(), workDir, staffPort, arguments);
    }

    /** @param jvmArguments given to the JVM before {@code -jar} (after {@code -Xmx512m}) */
    public HubProcess(Path jar, List<String> jvmArguments, Path workDir, int staffPort, List<String> arguments) {
        this.jar = jar;
        this.jvmArguments = List.copyOf(jvmArguments);
        this.workDir = workDir;
        this.staffPort = staffPort;
        this.arguments = List.copyOf(arguments);
    }

    public static Path builtJar() {
        String location = System.getProperty("rabt.jar");
        if (location == null) {
            throw new IllegalStateException("run through Maven (failsafe sets rabt.jar to config/target/rabt.jar)");
        }
        return Path.of(location);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Launches the jar and returns how long it took until {@code /actuator/health} said UP. */
    public Duration startAndAwaitHealthy(Duration atMost) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m"));
        command.addAll(jvmArguments);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(arguments);
        Instant launched = Instant.now();
        try {
            process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("hub-" + (++launches) + ".log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + staffPort + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        Instant deadline = launched.plus(atMost);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the hub exited with " + process.exitValue() + "; see " + workDir);
            }
            try {
                HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return Duration.between(launched, Instant.now());
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Thread.onSpinWait();
            try {
                process.waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the hub was not healthy within " + atMost + "; see " + workDir);
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
