package org.rabt.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * The disk's synced-write rate: 4 KB appended and forced to the device, one after the other, as a
 * journal does when nothing else batches its syncs. The floor under any durable acknowledgement.
 */
final class DiskSync {

    private DiskSync() {
    }

    static double syncsPerSecond(Path directory, Duration duration) throws IOException {
        Path file = directory.resolve("sync-probe.dat");
        ByteBuffer block = ByteBuffer.allocateDirect(4096);
        long count = 0;
        long deadline = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (System.nanoTime() < deadline) {
                block.clear();
                channel.write(block);
                channel.force(false);
                count++;
            }
        } finally {
            Files.deleteIfExists(file);
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
