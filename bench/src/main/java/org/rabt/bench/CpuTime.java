package org.rabt.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The CPU time a server process has used, and its PostgreSQL's, from Linux's
 * {@code /proc/<pid>/stat}. Divided by the cards handled at a fixed rate it is the CPU a card
 * costs, a figure the machine's other load moves much less than a throughput does.
 *
 * <p>The hub's embedded PostgreSQL is not among the hub's descendants: {@code pg_ctl} starts it
 * detached, and its parent is init. It is found by the {@code postmaster.pid} in its data directory.
 * (Until 2026-11-30 the benchmark looked among the descendants only, and so counted the JVM alone.)
 */
final class CpuTime {

    /** Linux's clock tick for /proc times (USER_HZ): 100 on every mainstream kernel. */
    private static final double TICKS_PER_SECOND = 100.0;

    private CpuTime() {
    }

    /** CPU seconds (user and system) of {@code root} and of its descendants alive now; NaN off Linux. */
    static double seconds(ProcessHandle root) {
        try (Stream<ProcessHandle> descendants = root.descendants()) {
            return Stream.concat(Stream.of(root), descendants).mapToDouble(process -> ownSeconds(process, false)).sum();
        }
    }

    /**
     * CPU seconds of the PostgreSQL server whose data directory is {@code dataDirectory}: its
     * postmaster, the server processes alive now (children of the postmaster) and those that have
     * ended (the postmaster's {@code cutime} and {@code cstime}); NaN when it cannot be found, so
     * that a wrong path shows rather than passing for a PostgreSQL that costs nothing.
     */
    static double postgresSeconds(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            ProcessHandle postmaster = ProcessHandle.of(Long.parseLong(lines.get(0).strip())).orElse(null);
            if (postmaster == null) {
                return Double.NaN;
            }
            double seconds = ownSeconds(postmaster, true);
            try (Stream<ProcessHandle> children = postmaster.children()) {
                seconds += children.mapToDouble(child -> ownSeconds(child, false)).sum();
            }
            return seconds;
        } catch (IOException | RuntimeException notRunning) {
            return Double.NaN;
        }
    }

    private static double ownSeconds(ProcessHandle process, boolean withEndedChildren) {
        try {
            return secondsOf(Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat")), withEndedChildren);
        } catch (IOException | RuntimeException gone) {
            // a process that ended between the listing and the read; off Linux there is no /proc
            return Files.isDirectory(Path.of("/proc")) ? 0 : Double.NaN;
        }
    }

    /** utime + stime (and cutime + cstime) of one {@code /proc/<pid>/stat} line, in seconds. */
    static double secondsOf(String stat, boolean withEndedChildren) {
        // the command name (field 2) may hold spaces and parentheses: fields are counted after its last ')'
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields 14 to 17 of the file (utime, stime, cutime, cstime) are the 12th to 15th after the name
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        if (withEndedChildren) {
            ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        }
        return ticks / TICKS_PER_SECOND;
    }
}
