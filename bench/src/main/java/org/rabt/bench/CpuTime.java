package org.rabt.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The CPU time a server process and its children (the hub's embedded PostgreSQL) have used, from
 * Linux's {@code /proc/<pid>/stat}. Divided by the cards handled at a fixed rate it is the CPU a card
 * costs, a figure the machine's other load moves much less than a throughput does.
 */
final class CpuTime {

    /** Linux's clock tick for /proc times (USER_HZ): 100 on every mainstream kernel. */
    private static final double TICKS_PER_SECOND = 100.0;

    private CpuTime() {
    }

    /** CPU seconds (user and system) of {@code root} and of its descendants alive now; NaN off Linux. */
    static double seconds(ProcessHandle root) {
        try (Stream<ProcessHandle> descendants = root.descendants()) {
            return Stream.concat(Stream.of(root), descendants).mapToDouble(CpuTime::ownSeconds).sum();
        }
    }

    static double ownSeconds(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            // the command name (field 2) may hold spaces: fields are counted after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14 and 15 of the file (utime, stime) are the 12th and 13th after the name
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException gone) {
            // a process that ended between the listing and the read; off Linux there is no /proc
            return Files.isDirectory(Path.of("/proc")) ? 0 : Double.NaN;
        }
    }
}
