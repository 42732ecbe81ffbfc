package org.rabt.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * The health sector's system posting to several hub nodes, as a real one behind a list of
 * addresses would: cards go to the nodes in turn; on a connection error, a timeout or a 5xx (503:
 * the node is busy or cannot reach the broker or the database) the same
 * card (the same bytes and signature) goes to the next node after a short pause, until a 202 (an
 * idempotent replay's 202 counts). Each card that got a 202 is recorded.
 */
final class FailoverClient {

    /** {@code refused}: cards answered 4xx (not retried, not accepted); {@code abandoned}: given up after retrying. */
    record Outcome(long startNanos, long endNanos, Set<String> accepted, long refused, long retries, long abandoned) {
    }

    private static final Duration PAUSE = Duration.ofMillis(250);
    /** A card the nodes keep refusing for this long is given up (and reported): the run stays bounded. */
    private static final Duration GIVE_UP = Duration.ofSeconds(120);

    private final HttpClient http;
    private final List<URI> nodes;

    FailoverClient(Path pkiDir, List<Integer> exchangePorts) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(LoadClient.sslContext(pkiDir))
                .connectTimeout(Duration.ofSeconds(3))
                .executor(Executors.newFixedThreadPool(4))
                .build();
        this.nodes = exchangePorts.stream()
                .map(port -> URI.create("https://localhost:" + port + "/exchange/v1/health/cards"))
                .toList();
    }

    /**
     * {@code concurrency} senders, each posting its next card once the last one got its 202,
     * until the deck is used up or {@code stop} says so.
     */
    Outcome run(CardDeck deck, int concurrency, BooleanSupplier stop, Set<String> accepted)
            throws InterruptedException {
        AtomicLong refused = new AtomicLong();
        AtomicLong retries = new AtomicLong();
        AtomicLong abandoned = new AtomicLong();
        AtomicInteger turn = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(concurrency);
        IntStream.range(0, concurrency).forEach(s -> senders.submit(() -> {
            Card card;
            while (!stop.getAsBoolean() && (card = deck.next()) != null) {
                int node = Math.floorMod(turn.getAndIncrement(), nodes.size());
                long deadline = System.nanoTime() + GIVE_UP.toNanos();
                while (true) {
                    int status = post(nodes.get(node), card);
                    if (status == 202) {
                        accepted.add(card.id());
                        break;
                    }
                    if (status > 0 && status < 500) {
                        refused.incrementAndGet();
                        Figures.note("card " + card.id() + " refused with " + status + " by node " + (node + 1));
                        break;
                    }
                    if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
                        abandoned.incrementAndGet();
                        break;
                    }
                    retries.incrementAndGet();
                    Launched.pause(PAUSE.toMillis());
                    node = (node + 1) % nodes.size();
                }
            }
        }));
        senders.shutdown();
        senders.awaitTermination(30, TimeUnit.MINUTES);
        return new Outcome(start, System.nanoTime(), accepted, refused.get(), retries.get(), abandoned.get());
    }

    static Set<String> acceptedSet() {
        return ConcurrentHashMap.newKeySet();
    }

    /** The answer's status, or 0 when there was none (connection refused or reset, timeout). */
    private int post(URI node, Card card) {
        HttpRequest request = HttpRequest.newBuilder(node)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/fhir+json")
                .header("Rabt-Signature", card.signature())
                .POST(HttpRequest.BodyPublishers.ofByteArray(card.body()))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
