package org.rabt.config.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.rabt.mappings.cpm.SectorId;

/**
 * Stands in for the receiving systems of the demo's sectors: one loopback HTTP server that takes
 * every card the hub delivers to {@code /<sector>/cards} with {@code 202}, so that the demo's
 * cards are delivered rather than left waiting in their queues. It keeps nothing: what the
 * receiving sectors then report comes from {@link DemoSectors}, through the exchange port.
 */
final class DemoReceivers implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads;

    private DemoReceivers(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** Listens on a free loopback port. */
    static DemoReceivers start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService threads = Executors.newFixedThreadPool(2, task -> {
                Thread thread = new Thread(task, "rabt-demo-receivers");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(threads);
            DemoReceivers receivers = new DemoReceivers(server, threads);
            server.createContext("/", receivers::handle);
            server.start();
            return receivers;
        } catch (IOException e) {
            throw new UncheckedIOException("the demo's receiving systems could not listen on the loopback interface", e);
        }
    }

    URI base() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + "/");
    }

    /** The delivery URL of {@code sector}'s simulated system. */
    URI url(SectorId sector) {
        return base().resolve(sector.code() + "/cards");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            // the simulated system keeps nothing
            body.transferTo(OutputStream.nullOutputStream());
            boolean card = "POST".equals(exchange.getRequestMethod()) && exchange.getRequestURI().getPath().endsWith("/cards");
            exchange.sendResponseHeaders(card ? 202 : 404, -1);
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
