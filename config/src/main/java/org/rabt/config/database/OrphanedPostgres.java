package org.rabt.config.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hub killed with {@code kill -9} leaves its PostgreSQL server running on the data directory
 * (the server is its own process and has already made every commit durable). Before the next
 * start, that server is asked to shut down; the new one then takes over the same data.
 */
final class OrphanedPostgres {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanedPostgres.class);

    private OrphanedPostgres() {
    }

    /** The PostgreSQL server running on this data directory, if there is one (the hub's, or one it left behind). */
    static Optional<ProcessHandle> running(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                .filter(ProcessHandle::isAlive)
                // the pid may have been reused by an unrelated process since
                .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false));
    }

    static void stopIfRunning(Path dataDirectory, Duration patience) throws IOException {
        Optional<ProcessHandle> server = running(dataDirectory);
        if (server.isEmpty()) {
            return;
        }
        LOG.warn("a PostgreSQL server (pid {}) is still running on {} after an unclean stop; shutting it down",
                server.get().pid(), dataDirectory);
        // SIGTERM is PostgreSQL's "smart" shutdown: its clients died with the previous hub.
        server.get().destroy();
        try {
            server.get().onExit().get(patience.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            LOG.warn("PostgreSQL (pid {}) did not stop in {}; killing it", server.get().pid(), patience);
            server.get().destroyForcibly();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("could not wait for the old PostgreSQL server to stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the old PostgreSQL server", e);
        }
    }
}
