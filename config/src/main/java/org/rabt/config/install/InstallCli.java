package org.rabt.config.install;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code java -jar rabt.jar install DIR}: lays the hub out in {@code DIR} for a fast start. The
 * jar is unpacked with Spring Boot's own extract tool ({@code -Djarmode=tools}: {@code DIR/rabt.jar}
 * and {@code DIR/lib/}), then the hub is started once there, on a throw-away data directory and free
 * loopback ports, and stopped when ready; the JVM writes on exit the classes that start loaded into a
 * class-data archive, {@code DIR/rabt.jsa} (dynamic AppCDS, {@code -XX:ArchiveClassesAtExit}).
 *
 * <p>Why: on 2 cores the hub spends about half of its start loading classes, most of it looking
 * them up in the 300 jars nested in the fat jar. Unpacked, it starts in about 10 s instead of 14;
 * with the archive, in about 8 (docs/benchmarks.md). The archive is valid only for this layout and
 * this Java: the JVM checks both and, when they differ, warns and starts without it. On OpenJDK
 * 17.0.15 the JVM crashes at start when the archive meets a Java agent or JFR started from the
 * command line (measured; docs/operations.md), so the printed command says to leave it out then.
 *
 * <p>Exits 0 when installed, 1 when the extraction or the training start failed (the log is in
 * {@code DIR/install.log}), 2 on misuse.
 */
public final class InstallCli {

    static final String USAGE = "usage: java -jar rabt.jar install <directory>";
    static final String ARCHIVE = "rabt.jsa";
    static final String JAR = "rabt.jar";
    static final String LOG = "install.log";
    /** Written last: a directory holding it was made by this command and may be installed over. */
    static final String MARKER = ".rabt-install";
    private static final Duration TRAINING_BOUND = Duration.ofMinutes(5);

    private InstallCli() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2 || args[1].startsWith("-")) {
            err.println(USAGE);
            return 2;
        }
        Path self = Path.of(System.getProperty("java.class.path", ""));
        if (!self.toString().endsWith(".jar") || !Files.isRegularFile(self)) {
            err.println("install runs from the hub's jar: java -jar rabt.jar install <directory>");
            return 2;
        }
        Path dir = Path.of(args[1]).toAbsolutePath().normalize();
        try {
            String refusal = prepare(dir);
            if (refusal != null) {
                err.println(refusal);
                return 2;
            }
            String java = javaCommand();
            Path log = dir.resolve(LOG);
            long start = System.nanoTime();
            out.println("Unpacking " + self + " into " + dir + " ...");
            if (!runLogged(List.of(java, "-Djarmode=tools", "-jar", self.toAbsolutePath().toString(), "extract",
                    "--destination", dir.toString(), "--application-filename", JAR, "--force"), dir, log)) {
                err.println("Unpacking failed; see " + log + ". (Run install from the hub's own jar, not from an installed one.)");
                return 1;
            }
            out.println("Training start of the hub (about 20 s), to record the classes it loads ...");
            Path training = Files.createTempDirectory(dir, ".training-");
            try {
                if (!runLogged(trainingCommand(java, dir, training), training, log)
                        || !Files.isRegularFile(dir.resolve(ARCHIVE))) {
                    err.println("The training start failed, so no class-data archive was made; see " + log
                            + ". The unpacked hub still runs: " + java + " -jar " + dir.resolve(JAR));
                    return 1;
                }
            } finally {
                deleteTree(training);
            }
            Files.writeString(dir.resolve(MARKER), "made by java -jar rabt.jar install\n");
            out.printf("Installed in %s in %d s.%nStart the hub with this Java (the archive is made for it):%n"
                    + "  %s -XX:SharedArchiveFile=%s -jar %s [options]%n"
                    + "Run install again after any upgrade of rabt.jar or of Java: until then the JVM warns that the "
                    + "archive does not match and starts without it, more slowly.%n"
                    + "Leave -XX:SharedArchiveFile out when you add a -javaagent or -XX:StartFlightRecording: "
                    + "Java 17 crashes at start with both (docs/operations.md).%n",
                    dir, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start), java, dir.resolve(ARCHIVE),
                    dir.resolve(JAR));
            return 0;
        } catch (IOException | UncheckedIOException e) {
            err.println("install failed: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("install interrupted");
            return 1;
        }
    }

    /**
     * Makes {@code dir} ready to receive the layout, or says why not. A directory made by an earlier
     * install loses what that install wrote (its jar, libraries, archive and log) and nothing else:
     * an operator's data directory beside them is never touched.
     */
    static String prepare(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return dir + " is not a directory";
        }
        if (Files.isDirectory(dir)) {
            boolean empty;
            try (Stream<Path> entries = Files.list(dir)) {
                empty = entries.findAny().isEmpty();
            }
            if (!empty && !Files.exists(dir.resolve(MARKER))) {
                return dir + " is not empty and was not made by install; give an empty or new directory";
            }
            for (String ours : List.of(MARKER, ARCHIVE, JAR, LOG, "lib")) {
                deleteTree(dir.resolve(ours));
            }
        }
        Files.createDirectories(dir);
        return null;
    }

    /**
     * The hub on embedded defaults in {@code training}, on free loopback ports and without the
     * simulated sectors, so that it neither meets a running hub nor reads the operator's settings.
     */
    static List<String> trainingCommand(String java, Path dir, Path training) {
        return List.of(java, "-Xmx512m", "-XX:ArchiveClassesAtExit=" + dir.resolve(ARCHIVE),
                // the JVM lists every class it cannot archive (Bouncy Castle's signed jar) as a warning
                "-Xlog:cds=error", "-Xlog:cds+dynamic=error",
                "-jar", dir.resolve(JAR).toString(),
                "--rabt.install.training=true",
                "--rabt.data-dir=" + training,
                "--server.address=127.0.0.1", "--server.port=0",
                "--rabt.exchange.address=127.0.0.1", "--rabt.exchange.port=0",
                "--rabt.amqp.address=127.0.0.1", "--rabt.amqp.port=0",
                "--rabt.demo-sectors=false");
    }

    private static boolean runLogged(List<String> command, Path workDir, Path log)
            throws IOException, InterruptedException {
        Files.writeString(log, "$ " + String.join(" ", command) + System.lineSeparator(),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // the operator's profile and settings are for the real hub, not for the training start
        builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("RABT_"));
        Process process = builder.start();
        if (!process.waitFor(TRAINING_BOUND.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Files.writeString(log, "(stopped after " + TRAINING_BOUND.toMinutes() + " minutes)" + System.lineSeparator(),
                    java.nio.file.StandardOpenOption.APPEND);
            return false;
        }
        return process.exitValue() == 0;
    }

    /** The Java running this command, which is the one the archive is made for. */
    static String javaCommand() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
