package org.rabt.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Samples a server's used heap from {@code /actuator/prometheus} twice a second and keeps the peak. */
final class HeapSampler implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong peakBytes = new AtomicLong();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final HttpRequest request;

    HeapSampler(int staffPort) {
        // the hub runs with --demo, so that the operator can read its metrics
        this.request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + staffPort + "/actuator/prometheus"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("operator:demo".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(2)).build();
        timer.scheduleAtFixedRate(this::sample, 0, 500, TimeUnit.MILLISECONDS);
    }

    double peakMegabytes() {
        return peakBytes.get() / (1024.0 * 1024.0);
    }

    private void sample() {
        try {
            String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
            long used = 0;
            for (String line : body.split("\n")) {
                if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                    used += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            peakBytes.accumulateAndGet(used, Math::max);
        } catch (Exception missedSample) {
            // a sample missed under load is not a figure; the next one counts
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
