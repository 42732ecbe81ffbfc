package org.rabt.config.install;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.springframework.util.FileSystemUtils;

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
 * {@code DIR/install.log}; running install again retries), 2 on misuse.
 */
public final class InstallCli {

    static final String USAGE = "usage: java -jar rabt.jar install <directory>";
    static final String ARCHIVE = "rabt.jsa";
    static final String JAR = "rabt.jar";
    static final String LIBRARIES = "lib";
    static final String LOG = "install.log";
    /** Written first: a directory holding it was made by this command and may be installed over. */
    static final String MARKER = ".rabt-install";
    static final String TRAINING_PREFIX = ".training-";
    private static final Duration TRAINING_BOUND = Duration.ofMinutes(5);
    /** What a stopped training start gets to close its context (and its PostgreSQL) before it is killed. */
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(60);
    /**
     * Options every JVM on the machine reads: the operator's agent (which the archive cannot
     * meet on Java 17) or profile must not reach the training start.
     */
    static final List<String> JVM_OPTION_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

    private InstallCli() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2 || args[1].startsWith("-")) {
            err.println(USAGE);
            return 2;
        }
        Path self = Path.of(System.getProperty("java.class.path", "")).toAbsolutePath().normalize();
        if (!isReleaseJar(self)) {
            err.println("install runs from the hub's release jar (the one `mvn package` builds, config/target/rabt.jar), "
                    + "not from an installed one: java -jar rabt.jar install <directory>");
            return 2;
        }
        Path dir = Path.of(args[1]).toAbsolutePath().normalize();
        try {
            if (isInside(self, dir)) {
                err.println("the jar " + self + " is inside " + dir + ", which install replaces; run install from a jar "
                        + "kept elsewhere (e.g. /opt/rabt/releases/rabt-X.jar)");
                return 2;
            }
            String refusal = prepare(dir);
            if (refusal != null) {
                err.println(refusal);
                return 2;
            }
            for (String variable : JVM_OPTION_VARIABLES) {
                if (System.getenv(variable) != null) {
                    out.println("Note: " + variable + " is set; the training start runs without it.");
                }
            }
            return install(self, dir, out, err);
        } catch (IOException | UncheckedIOException e) {
            err.println("install failed: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("install interrupted");
            return 1;
        }
    }

    private static int install(Path self, Path dir, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        String java = javaCommand();
        Path log = dir.resolve(LOG);
        long start = System.nanoTime();
        out.println("Unpacking " + self + " into " + dir + " ...");
        if (!runLogged(List.of(java, "-Djarmode=tools", "-jar", self.toString(), "extract",
                "--destination", dir.toString(), "--application-filename", JAR, "--force"), dir, log, () -> { })) {
            err.println("Unpacking failed; see " + log + ".");
            return 1;
        }
        out.println("Training start of the hub (about 20 s), to record the classes it loads ...");
        Path training = Files.createTempDirectory(dir, TRAINING_PREFIX);
        Runnable removeTraining = () -> {
            stopLeftPostgres(training, log);
            deleteQuietly(training, log);
        };
        // an archive the JVM wrote while exiting a failed or stopped start holds a half-started hub's classes
        Runnable removeArchive = () -> deleteQuietly(dir.resolve(ARCHIVE), log);
        boolean trained;
        try {
            trained = runLogged(trainingCommand(java, dir, training), training, log, () -> {
                removeTraining.run();
                removeArchive.run();
            }) && Files.isRegularFile(dir.resolve(ARCHIVE));
        } finally {
            removeTraining.run();
        }
        if (!trained) {
            removeArchive.run();
            err.println("The training start failed, so no class-data archive was made; see " + log
                    + ". The unpacked hub still runs, more slowly: " + java + " -jar " + dir.resolve(JAR));
            return 1;
        }
        out.printf("Installed in %s in %d s.%nStart the hub with this Java (the archive is made for it):%n"
                + "  %s -XX:SharedArchiveFile=%s -jar %s [options]%n"
                + "Run install again after any upgrade of rabt.jar or of Java, and do not move %s: until then the JVM "
                + "warns that the archive does not match and starts without it, more slowly.%n"
                + "Leave -XX:SharedArchiveFile out when you add a -javaagent or -XX:StartFlightRecording: "
                + "Java 17 crashes at start with both (docs/operations.md).%n",
                dir, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start), java, dir.resolve(ARCHIVE),
                dir.resolve(JAR), dir);
        return 0;
    }

    /** A Spring Boot fat jar: the extract tool reads {@code BOOT-INF/lib/}, an installed thin jar has none. */
    static boolean isReleaseJar(Path jar) {
        if (!jar.toString().endsWith(".jar") || !Files.isRegularFile(jar)) {
            return false;
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().anyMatch(entry -> entry.getName().startsWith("BOOT-INF/lib/"));
        } catch (IOException notAJar) {
            return false;
        }
    }

    /** Whether {@code file} lies under {@code dir}, through any symbolic links either has. */
    static boolean isInside(Path file, Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return false;
        }
        return file.toRealPath().startsWith(dir.toRealPath());
    }

    /**
     * Makes {@code dir} ready to receive the layout, or says why not. A directory made by an earlier
     * install, finished or not, loses what install writes there (its marker, {@code rabt.jar},
     * {@code lib/}, the archive and the log) and nothing else: an operator's data directory beside
     * them is never touched. The marker is written at once, so that an install that fails half-way
     * can be run again.
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
            try (Stream<Path> entries = Files.list(dir)) {
                for (Path left : entries.filter(p -> p.getFileName().toString().startsWith(TRAINING_PREFIX)).toList()) {
                    // a training start's data directory that an earlier install, killed, could not remove
                    stopLeftPostgres(left, dir.resolve(LOG));
                    FileSystemUtils.deleteRecursively(left);
                }
            }
            for (String ours : List.of(ARCHIVE, JAR, LOG, LIBRARIES)) {
                FileSystemUtils.deleteRecursively(dir.resolve(ours));
            }
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(MARKER), "made by java -jar rabt.jar install; install replaces " + JAR + ", "
                + LIBRARIES + "/, " + ARCHIVE + " and " + LOG + " here\n");
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

    /** The environment of the extraction and the training start: none of the node's settings or agents. */
    static void clearOperatorSettings(Map<String, String> environment) {
        environment.keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("RABT_")
                || JVM_OPTION_VARIABLES.contains(name));
    }

    /**
     * Runs {@code command}, its output appended to {@code log}; when install itself is stopped
     * meanwhile (Ctrl-C, SIGTERM), the child is stopped as an operator would stop it and
     * {@code whenStopped} tidies what it left.
     */
    private static boolean runLogged(List<String> command, Path workDir, Path log, Runnable whenStopped)
            throws IOException, InterruptedException {
        Files.writeString(log, "$ " + String.join(" ", command) + System.lineSeparator(),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        clearOperatorSettings(builder.environment());
        Process process = builder.start();
        // Ctrl-C or a stop of install stops the child the way an operator's stop would
        Thread stopChild = new Thread(() -> {
            stopGracefully(process);
            whenStopped.run();
        }, "rabt-install-stop");
        Runtime.getRuntime().addShutdownHook(stopChild);
        try {
            if (!process.waitFor(TRAINING_BOUND.toSeconds(), TimeUnit.SECONDS)) {
                stopGracefully(process);
                Files.writeString(log, "(stopped after " + TRAINING_BOUND.toMinutes() + " minutes)"
                        + System.lineSeparator(), StandardOpenOption.APPEND);
                return false;
            }
            return process.exitValue() == 0;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopChild);
            } catch (IllegalStateException shuttingDown) {
                // install is being stopped: the hook stops the child and tidies up
            }
        }
    }

    /**
     * SIGTERM first, so that Spring closes the context and with it the embedded PostgreSQL (which
     * {@code pg_ctl} detached from this process tree), then SIGKILL for what is left.
     */
    private static void stopGracefully(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(GRACEFUL_STOP.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /**
     * A training start that was killed leaves its PostgreSQL running (detached by {@code pg_ctl});
     * its {@code postmaster.pid} names it.
     */
    private static void stopLeftPostgres(Path training, Path log) {
        Path pidFile = training.resolve("db").resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return;
            }
            List<String> lines = Files.readAllLines(pidFile);
            Optional<ProcessHandle> postgres = lines.isEmpty() ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(lines.get(0).strip()));
            if (postgres.isPresent() && isThatPostmaster(postgres.get(), lines)) {
                postgres.get().destroy(); // SIGTERM: PostgreSQL's smart shutdown
                postgres.get().onExit().get(30, TimeUnit.SECONDS);
                Files.writeString(log, "(stopped the training start's PostgreSQL, pid " + postgres.get().pid() + ")"
                        + System.lineSeparator(), StandardOpenOption.APPEND);
            }
        } catch (IOException | RuntimeException | java.util.concurrent.ExecutionException
                | java.util.concurrent.TimeoutException e) {
            appendQuietly(log, "(could not stop the training start's PostgreSQL: " + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether {@code process} is the postmaster {@code postmaster.pid} describes, and not another
     * process that was given its number after it died: a PostgreSQL program started at the time
     * the file's third line gives (seconds since the epoch).
     */
    static boolean isThatPostmaster(ProcessHandle process, List<String> postmasterPid) {
        if (postmasterPid.size() < 3 || !process.info().command().orElse("").contains("postgres")) {
            return false;
        }
        Optional<java.time.Instant> started = process.info().startInstant();
        long recorded = Long.parseLong(postmasterPid.get(2).strip());
        return started.isPresent() && Math.abs(started.get().getEpochSecond() - recorded) <= 5;
    }

    /** The training directory is throw-away: a failure to delete it is noted, not fatal. */
    private static void deleteQuietly(Path path, Path log) {
        try {
            FileSystemUtils.deleteRecursively(path);
        } catch (IOException | UncheckedIOException e) {
            appendQuietly(log, "(could not delete " + path + ": " + e + "; delete it by hand)");
        }
    }

    private static void appendQuietly(Path log, String line) {
        try {
            Files.writeString(log, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // the log is a courtesy; the caller has already decided what to do
        }
    }

    /** The Java running this command, which is the one the archive is made for. */
    static String javaCommand() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
