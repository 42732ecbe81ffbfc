package org.rabt.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.rabt.security.KeyMaterial;
import org.rabt.security.Pem;
import org.rabt.security.pki.TlsKeyStores;

/**
 * The health sector's system under load: mutual TLS with its demo certificate, HTTP/1.1 with
 * keep-alive, each card posted to {@code /exchange/v1/health/cards} with its signature. The
 * pass-through reads the card id from {@code Rabt-Card-Id}; the hub ignores that header.
 */
final class LoadClient {

    /** A card the server answered 202, with when it was (meant to be) sent and when the answer came. */
    record Sent(String cardId, long sentNanos, long answeredNanos) {
    }

    record Outcome(long startNanos, long endNanos, List<Sent> accepted, long refused, long failed) {
    }

    private final HttpClient http;
    private final URI cards;

    LoadClient(Path pkiDir, int exchangePort) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(sslContext(pkiDir))
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4))
                .build();
        this.cards = URI.create("https://localhost:" + exchangePort + "/exchange/v1/health/cards");
    }

    /** {@code concurrency} connections, each sending its next card as soon as the last is answered. */
    Outcome closedLoop(CardDeck deck, int concurrency, Duration duration) throws InterruptedException {
        List<Sent> accepted = Collections.synchronizedList(new ArrayList<>());
        AtomicLong refused = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        for (int i = 0; i < concurrency; i++) {
            workers.submit(() -> {
                Card card;
                while (System.nanoTime() < deadline && (card = deck.next()) != null) {
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<Void> response = http.send(request(card), HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() == 202) {
                            accepted.add(new Sent(card.id(), sent, System.nanoTime()));
                        } else {
                            refused.incrementAndGet();
                        }
                    } catch (IOException e) {
                        failed.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
        }
        workers.shutdown();
        workers.awaitTermination(duration.toSeconds() + 120, TimeUnit.SECONDS);
        return new Outcome(start, System.nanoTime(), List.copyOf(accepted), refused.get(), failed.get());
    }

    /**
     * A fixed arrival rate over at most {@code connections} connections (like wrk2): card
     * {@code i} is due at {@code start + i / rate}, whatever happened to the cards before it, and its
     * latency counts from that due time. When every connection is busy the next card waits, and
     * the wait is in its latency: a server that stalls shows its stall in the figures instead of
     * slowing the sender down (no coordinated omission).
     */
    Outcome fixedRate(CardDeck deck, int rate, Duration duration, int connections) throws InterruptedException {
        int total = (int) (rate * duration.toSeconds());
        long period = 1_000_000_000L / rate;
        List<Sent> accepted = Collections.synchronizedList(new ArrayList<>(total));
        AtomicLong refused = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        java.util.concurrent.atomic.AtomicInteger nextIndex = new java.util.concurrent.atomic.AtomicInteger();
        long start = System.nanoTime();
        ExecutorService workers = Executors.newFixedThreadPool(connections);
        for (int w = 0; w < connections; w++) {
            workers.submit(() -> {
                int i;
                while ((i = nextIndex.getAndIncrement()) < total) {
                    long due = start + i * period;
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    Card card = deck.next();
                    if (card == null) {
                        return;
                    }
                    try {
                        HttpResponse<Void> response = http.send(request(card), HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() == 202) {
                            accepted.add(new Sent(card.id(), due, System.nanoTime()));
                        } else {
                            refused.incrementAndGet();
                        }
                    } catch (IOException e) {
                        failed.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
        }
        workers.shutdown();
        workers.awaitTermination(duration.toSeconds() + 300, TimeUnit.SECONDS);
        return new Outcome(start, System.nanoTime(), List.copyOf(accepted), refused.get(), failed.get());
    }

    private HttpRequest request(Card card) {
        return HttpRequest.newBuilder(cards)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/fhir+json")
                .header("Rabt-Signature", card.signature())
                .header("Rabt-Card-Id", card.id())
                .POST(HttpRequest.BodyPublishers.ofByteArray(card.body()))
                .build();
    }

    static SSLContext sslContext(Path pkiDir) {
        try {
            Path health = pkiDir.resolve("sectors").resolve("health");
            var chain = Pem.readCertificates(health.resolve("cert.pem"));
            KeyMaterial material = new KeyMaterial(Pem.readPrivateKey(health.resolve("key.pem")), chain.get(0), chain);
            char[] password = "bench".toCharArray();
            KeyStore keys = TlsKeyStores.keyStore(material, password);
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, password);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(TlsKeyStores.trustStore(Pem.readCertificates(pkiDir.resolve("ca.pem"))));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
