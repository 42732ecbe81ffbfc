package org.rabt.config.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.security.KeyMaterial;
import org.rabt.security.Pem;
import org.rabt.security.pki.TlsKeyStores;
import org.rabt.security.signature.DetachedSigner;

/**
 * One simulated sector system, as a real one connects: mutual TLS to the exchange port with its
 * certificate from the demo PKI ({@code DATA/pki/sectors/<sector>/cert.pem} and {@code key.pem}),
 * trusting only the hub's CA ({@code DATA/pki/ca.pem}), every body signed with its key in the
 * {@code Rabt-Signature} header.
 */
final class DemoSectorClient {

    private final SectorId sector;
    private final URI exchange;
    private final HttpClient http;
    private final DetachedSigner signer;

    private DemoSectorClient(SectorId sector, URI exchange, HttpClient http, DetachedSigner signer) {
        this.sector = sector;
        this.exchange = exchange;
        this.http = http;
        this.signer = signer;
    }

    /** The sector's client, or {@code null} when the demo PKI holds no key for it (an enrolled or external one). */
    static DemoSectorClient of(SectorId sector, Path pkiDir, URI exchange) {
        Path directory = pkiDir.resolve("sectors").resolve(sector.code());
        if (!Files.isRegularFile(directory.resolve("key.pem")) || !Files.isRegularFile(directory.resolve("cert.pem"))) {
            return null;
        }
        List<X509Certificate> chain = Pem.readCertificates(directory.resolve("cert.pem"));
        KeyMaterial material = new KeyMaterial(Pem.readPrivateKey(directory.resolve("key.pem")), chain.get(0), chain);
        HttpClient http = HttpClient.newBuilder()
                .sslContext(sslContext(material, pkiDir.resolve("ca.pem")))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        return new DemoSectorClient(sector, exchange, http, new DetachedSigner(material));
    }

    SectorId sector() {
        return sector;
    }

    /** {@code POST /exchange/v1/<sector>/cards}. */
    HttpResponse<String> postCard(byte[] body) throws IOException, InterruptedException {
        return post("/exchange/v1/" + sector.code() + "/cards", body);
    }

    /** {@code POST /exchange/v1/<sector>/cards/{id}/status}, by the card's receiver. */
    HttpResponse<String> postStatus(String cardId, byte[] body) throws IOException, InterruptedException {
        return post("/exchange/v1/" + sector.code() + "/cards/" + cardId + "/status", body);
    }

    /** {@code GET /exchange/v1/<sector>/cards/{id}}: where the card stands. */
    HttpResponse<String> card(String cardId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(exchange.resolve("/exchange/v1/" + sector.code() + "/cards/" + cardId))
                .timeout(Duration.ofSeconds(30)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(exchange.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", DemoDocuments.mediaType(sector))
                .header("Rabt-Signature", signer.signBase64(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static SSLContext sslContext(KeyMaterial material, Path caFile) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(TlsKeyStores.trustStore(Pem.readCertificates(caFile)));
            // an in-memory key store only: its password protects nothing on disk
            char[] password = "demo".toCharArray();
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(TlsKeyStores.keyStore(material, password), password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a simulated sector system could not set up TLS: " + e.getMessage(), e);
        }
    }
}
