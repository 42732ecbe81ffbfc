package org.rabt.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The peak of a server's used heap, read from its garbage collector's log ({@code -Xlog:gc}):
 * the heap is fullest just before a collection, and the log says how full it was, so the peak
 * costs the measured server nothing. (Polling {@code /actuator/prometheus} twice a second cost the
 * hub a quarter of its CPU: each request authenticates the operator with bcrypt.)
 */
final class GcLogHeap {

    /** G1's line for a pause: {@code GC(12) Pause Young (Normal) (G1 Evacuation Pause) 181M->52M(512M) 4.123ms}. */
    private static final Pattern PAUSE = Pattern.compile("GC\\(\\d+\\) Pause .* (\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private final Path log;

    private GcLogHeap(Path log) {
        this.log = log;
    }

    /** The JVM argument that makes the server write the log this reads. */
    static GcLogHeap at(Path log) {
        return new GcLogHeap(log);
    }

    String jvmArgument() {
        return "-Xlog:gc:file=" + log.toAbsolutePath();
    }

    /** The largest used heap before any pause so far, in MB; 0 when no collection has happened. */
    double peakMegabytes() {
        try {
            return peak(Files.readAllLines(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double peak(List<String> lines) {
        long peak = 0;
        for (String line : lines) {
            Matcher pause = PAUSE.matcher(line);
            if (pause.find()) {
                peak = Math.max(peak, Long.parseLong(pause.group(1)));
            }
        }
        return peak;
    }
}
