package org.rabt.config.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Keeps the demo's first start in {@code DATA/demo/first-start}, so that every later start on the
 * same data directory dates its cards as the first did and resends them unchanged.
 */
final class DemoCalendarFile {

    private DemoCalendarFile() {
    }

    static DemoCalendar loadOrCreate(Path dataDir, Clock clock) {
        Path file = dataDir.resolve("demo").resolve("first-start");
        try {
            if (Files.isRegularFile(file)) {
                return new DemoCalendar(Instant.parse(Files.readString(file, StandardCharsets.UTF_8).strip()),
                        DemoCalendar.MOROCCO);
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            Files.createDirectories(file.getParent());
            Path written = file.resolveSibling("first-start.tmp");
            Files.writeString(written, now + "\n", StandardCharsets.UTF_8);
            Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new DemoCalendar(now, DemoCalendar.MOROCCO);
        } catch (IOException e) {
            throw new UncheckedIOException("the demo cannot keep its first start in " + file, e);
        }
    }
}
