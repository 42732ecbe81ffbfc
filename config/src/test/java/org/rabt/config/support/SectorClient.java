package org.rabt.config.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.rabt.security.KeyMaterial;
import org.rabt.security.Pem;
import org.rabt.security.pki.TlsKeyStores;
import org.rabt.security.signature.DetachedSigner;

/**
 * A sector system as the hub sees it: it connects to the exchange port with its demo client
 * certificate (mutual TLS), trusts only the hub's CA, and signs what it sends with its key —
 * everything read from the PKI files the hub created under its data directory.
 */
public final class SectorClient {

    private final String sector;
    private final URI exchange;
    private final HttpClient http;
    private final DetachedSigner signer;
    private final SSLContext sslContext;

    private SectorClient(String sector, URI exchange, SSLContext sslContext, DetachedSigner signer) {
        this.sector = sector;
        this.exchange = exchange;
        this.sslContext = sslContext;
        this.http = HttpClient.newBuilder().sslContext(sslContext).connectTimeout(Duration.ofSeconds(5)).build();
        this.signer = signer;
    }

    /** A client authenticating and signing as {@code sector}, with the files under {@code pkiDir}. */
    public static SectorClient of(String sector, Path pkiDir, int exchangePort) {
        KeyMaterial material = keyMaterial(pkiDir, sector);
        return new SectorClient(sector, URI.create("https://localhost:" + exchangePort),
                sslContext(material, pkiDir.resolve("ca.pem")), new DetachedSigner(material));
    }

    /** A client authenticating and signing with {@code material}, trusting the CA certificates in {@code caFile}. */
    public static SectorClient of(String sector, KeyMaterial material, Path caFile, int exchangePort) {
        return new SectorClient(sector, URI.create("https://localhost:" + exchangePort),
                sslContext(material, caFile), new DetachedSigner(material));
    }

    /** The key and certificate in {@code directory} ({@code key.pem}, {@code cert.pem}), as {@code pki enrol} writes them. */
    public static KeyMaterial keyMaterialIn(Path directory) {
        List<java.security.cert.X509Certificate> chain = Pem.readCertificates(directory.resolve("cert.pem"));
        return new KeyMaterial(Pem.readPrivateKey(directory.resolve("key.pem")), chain.get(0), chain);
    }

    /** A client that presents no certificate at all. */
    public static HttpClient withoutCertificate(Path pkiDir) {
        return HttpClient.newBuilder().sslContext(sslContext(null, pkiDir.resolve("ca.pem")))
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public static KeyMaterial keyMaterial(Path pkiDir, String sector) {
        Path directory = pkiDir.resolve("sectors").resolve(sector);
        List<java.security.cert.X509Certificate> chain = Pem.readCertificates(directory.resolve("cert.pem"));
        return new KeyMaterial(Pem.readPrivateKey(directory.resolve("key.pem")), chain.get(0), chain);
    }

    public String sign(byte[] body) {
        return signer.signBase64(body);
    }

    /** POSTs a card to this sector's own path, signed with this sector's key. */
    public HttpResponse<String> postCard(byte[] body, String contentType) {
        return post("/exchange/v1/" + sector + "/cards", body, contentType, Map.of("Rabt-Signature", sign(body)));
    }

    /** PUTs a document a card references, named by its SHA-256, signed with this sector's key. */
    public HttpResponse<String> putAttachment(String sha256, byte[] body, String contentType) {
        return send(HttpRequest.newBuilder(exchange.resolve("/exchange/v1/" + sector + "/attachments/" + sha256))
                .timeout(Duration.ofSeconds(30)).PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType).header("Rabt-Signature", sign(body)).build());
    }

    public HttpResponse<String> post(String path, byte[] body, String contentType, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(exchange.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return send(request.build());
    }

    /**
     * Sends only the head of a request over a TLS connection as this sector (e.g. announcing a body
     * it never sends) and returns the hub's answer (head and body), without waiting for the
     * connection to close.
     */
    public String sendHeadOnly(String head) {
        try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) sslContext
                .getSocketFactory().createSocket(exchange.getHost(), exchange.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            java.io.InputStream in = socket.getInputStream();
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            while (!complete(answer.toString(java.nio.charset.StandardCharsets.UTF_8))) {
                int next = in.read();
                if (next < 0) {
                    break;
                }
                answer.write(next);
            }
            return answer.toString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Whether an HTTP/1.1 answer is whole: its head, then its declared length or its last chunk. */
    private static boolean complete(String answer) {
        int endOfHead = answer.indexOf("\r\n\r\n");
        if (endOfHead < 0) {
            return false;
        }
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)\r\ncontent-length: *(\\d+)")
                .matcher(answer.substring(0, endOfHead));
        if (length.find()) {
            return answer.length() - endOfHead - 4 >= Integer.parseInt(length.group(1));
        }
        return answer.endsWith("\r\n0\r\n\r\n");
    }

    /** The same POST with a body of unknown length: HTTP/1.1 sends it chunked. */
    public HttpResponse<String> postStreamed(String path, byte[] body, String contentType, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(exchange.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .version(HttpClient.Version.HTTP_1_1)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .header("Content-Type", contentType);
        headers.forEach(request::header);
        return send(request.build());
    }

    public HttpResponse<String> get(String pathOrUrl) {
        URI target = pathOrUrl.startsWith("https://") ? URI.create(pathOrUrl) : exchange.resolve(pathOrUrl);
        return send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30)).GET().build());
    }

    public URI exchange() {
        return exchange;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static SSLContext sslContext(KeyMaterial material, Path caFile) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(TlsKeyStores.trustStore(Pem.readCertificates(caFile)));
            KeyManagerFactory keys = null;
            if (material != null) {
                char[] password = "test".toCharArray();
                KeyStore keyStore = TlsKeyStores.keyStore(material, password);
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(keyStore, password);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
