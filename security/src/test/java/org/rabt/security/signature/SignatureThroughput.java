package org.rabt.security.signature;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;

import org.rabt.security.KeyMaterial;
import org.rabt.security.pki.HubPki;

/**
 * A measurement, not a test: µs per detached CMS sign and verify of a 2 KB card after warm-up, and
 * cards per second (1 verify + 1 sign each) on all cores. Prints one figure per line. Run with
 * {@code java -cp <test classpath> org.rabt.security.signature.SignatureThroughput [operations]}.
 */
public final class SignatureThroughput {

    private static final int WARM_UP = 5_000;

    private SignatureThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int operations = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        Path dir = Files.createTempDirectory("rabt-pki-bench");
        try {
            measure(dir, operations);
        } finally {
            try (var files = Files.walk(dir)) {
                for (Path file : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                    Files.delete(file);
                }
            }
        }
    }

    private static void measure(Path dir, int operations) throws Exception {
        HubPki pki = HubPki.loadOrCreate(dir, List.of("health", "justice"), List.of());
        KeyMaterial health = pki.sectorKeyMaterial("health").orElseThrow();
        X509Certificate healthCertificate = health.certificate();
        Map<String, X509Certificate> known = pki.sectorCertificates();
        DetachedSigner sectorSigner = new DetachedSigner(health);
        DetachedSigner hubSigner = new DetachedSigner(pki.hubSigner());
        DetachedSignatureVerifier verifier = new DetachedSignatureVerifier(List.of(pki.caCertificate()));
        byte[] body = card();
        String signature = sectorSigner.signBase64(body);

        for (int i = 0; i < WARM_UP; i++) {
            hubSigner.sign(body);
            verifier.verify(body, signature, healthCertificate, known);
        }

        long start = System.nanoTime();
        for (int i = 0; i < operations; i++) {
            hubSigner.sign(body);
        }
        double signMicros = (System.nanoTime() - start) / 1_000.0 / operations;

        start = System.nanoTime();
        for (int i = 0; i < operations; i++) {
            verifier.verify(body, signature, healthCertificate, known);
        }
        double verifyMicros = (System.nanoTime() - start) / 1_000.0 / operations;

        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> runs = new ArrayList<>();
        int perThread = operations;
        start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            runs.add(pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    verifier.verify(body, signature, healthCertificate, known);
                    hubSigner.sign(body);
                }
            }));
        }
        for (Future<?> run : runs) {
            run.get(10, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();

        System.out.printf("body bytes: %d, signature bytes: %d%n", body.length, java.util.Base64.getDecoder().decode(signature).length);
        System.out.printf("cms sign (hub key, SHA-256/ECDSA P-256): %.1f µs/op over %d ops%n", signMicros, operations);
        System.out.printf("cms verify (sector signature): %.1f µs/op over %d ops%n", verifyMicros, operations);
        System.out.printf("cards/s (1 verify + 1 sign each) on %d threads: %.0f%n", threads, threads * perThread / seconds);
    }

    private static byte[] card() {
        StringBuilder json = new StringBuilder("{\"cardId\":\"c-2026-000123\",\"concerns\":[");
        while (json.length() < 2_000) {
            json.append("{\"code\":\"NEGLECT\",\"label\":\"إهمال\",\"risk\":\"high\"},");
        }
        json.append("{}]}");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }
}
