package org.rabt.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs the real OpenSSL 3 command line in a work directory, with a timeout, for interoperability tests. */
public final class OpenSslCli {

    public static final Path OPENSSL = Path.of("/usr/bin/openssl");
    private static final long TIMEOUT_SECONDS = 60;
    private static final AtomicInteger RUNS = new AtomicInteger();

    /** What one openssl run did. */
    public record Result(int exitCode, String output) {
        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    private OpenSslCli() {
    }

    public static boolean available() {
        return Files.isExecutable(OPENSSL);
    }

    /** Runs {@code openssl args...} in {@code workDirectory}; fails the test if it takes longer than a minute. */
    public static Result run(Path workDirectory, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(OPENSSL.toString());
        command.addAll(List.of(args));
        // Output goes to a file, not a pipe, so a chatty process can never block on a full pipe.
        Path log = workDirectory.resolve("openssl-" + RUNS.incrementAndGet() + ".log");
        Process process = new ProcessBuilder(command)
                .directory(workDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("openssl did not finish within " + TIMEOUT_SECONDS + " s: " + command);
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.ISO_8859_1));
    }
}
