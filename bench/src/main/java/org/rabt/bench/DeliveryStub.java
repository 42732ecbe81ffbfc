package org.rabt.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The receiving sector system, in the benchmark's own process: it answers 202 at once and notes
 * when each card first arrived, by its {@code Rabt-Card-Id}, and how many times it was delivered.
 * For a chaos run it can be down for a while ({@link #refuse}): it then answers 503, as a sector
 * system behind a failing server would, and counts nothing as delivered.
 */
final class DeliveryStub implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads;
    private final Map<String, Long> firstArrival = new ConcurrentHashMap<>();
    private final AtomicLong duplicates = new AtomicLong();
    /** Deliveries answered 2xx, by card id: a count above one is a redelivery the receiver saw. */
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    private final AtomicLong refusedAttempts = new AtomicLong();
    private volatile boolean refusing;

    private DeliveryStub(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    static DeliveryStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
            ExecutorService threads = Executors.newFixedThreadPool(16);
            DeliveryStub stub = new DeliveryStub(server, threads);
            server.createContext("/cards", stub::handle);
            server.setExecutor(threads);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/cards";
    }

    /** When the card first arrived ({@link System#nanoTime()}), or {@code null}. */
    Long arrival(String cardId) {
        return firstArrival.get(cardId);
    }

    /**
     * Waits until every one of {@code cardIds} has arrived, or the timeout (noting how many did
     * not); returns the last arrival ({@link System#nanoTime()}), 0 when none arrived.
     */
    long awaitArrivals(Collection<String> cardIds, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> pending = new ArrayList<>(cardIds);
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            pending.removeIf(id -> arrival(id) != null);
            if (!pending.isEmpty()) {
                Launched.pause(20);
            }
        }
        if (!pending.isEmpty()) {
            Figures.note(pending.size() + " accepted cards were not delivered within " + timeout.toSeconds() + " s");
        }
        long last = 0;
        for (String id : cardIds) {
            Long arrival = arrival(id);
            if (arrival != null) {
                last = Math.max(last, arrival);
            }
        }
        return last;
    }

    int received() {
        return firstArrival.size();
    }

    long duplicates() {
        return duplicates.get();
    }

    void reset() {
        firstArrival.clear();
        duplicates.set(0);
        deliveries.clear();
        refusedAttempts.set(0);
    }

    /** While {@code true}, every delivery is answered 503 and not counted as delivered. */
    void refuse(boolean refuse) {
        this.refusing = refuse;
    }

    /** Attempts answered 503 while refusing. */
    long refusedAttempts() {
        return refusedAttempts.get();
    }

    /** How many times the card was delivered (answered 2xx); 0 if never. */
    int deliveries(String cardId) {
        AtomicInteger count = deliveries.get(cardId);
        return count == null ? 0 : count.get();
    }

    /** Deliveries beyond the first, over all cards. */
    long redeliveries() {
        return deliveries.values().stream().mapToLong(count -> Math.max(0, count.get() - 1)).sum();
    }

    /** Cards delivered more than once. */
    long cardsDeliveredTwice() {
        return deliveries.values().stream().filter(count -> count.get() > 1).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        try (InputStream body = exchange.getRequestBody()) {
            body.transferTo(java.io.OutputStream.nullOutputStream());
        }
        String cardId = exchange.getRequestHeaders().getFirst("Rabt-Card-Id");
        if (refusing) {
            refusedAttempts.incrementAndGet();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
        }
        if (cardId != null && firstArrival.putIfAbsent(cardId, now) != null) {
            duplicates.incrementAndGet();
        }
        if (cardId != null) {
            deliveries.computeIfAbsent(cardId, id -> new AtomicInteger()).incrementAndGet();
        }
        exchange.sendResponseHeaders(202, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
