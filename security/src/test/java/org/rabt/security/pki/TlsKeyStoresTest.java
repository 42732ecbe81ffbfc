package org.rabt.security.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rabt.security.KeyMaterial;

/** The stores work for what they are for: a mutual-TLS handshake between the exchange port and a sector. */
class TlsKeyStoresTest {

    static final char[] PASSWORD = "in-memory".toCharArray();

    @TempDir
    static Path dir;
    @TempDir
    static Path otherDir;
    static HubPki pki;
    static ExecutorService server;

    @BeforeAll
    static void createPki() {
        pki = HubPki.loadOrCreate(dir, List.of("health"), List.of());
        server = Executors.newSingleThreadExecutor();
    }

    @AfterAll
    static void stopServer() {
        server.shutdownNow();
    }

    @Test
    void keyStoreHoldsTheKeyWithItsChainAndTrustStoreTheCa() throws Exception {
        KeyStore keys = TlsKeyStores.keyStore(pki.exchangeKeyMaterial(), PASSWORD);
        KeyStore trust = TlsKeyStores.trustStore(List.of(pki.caCertificate()));

        assertThat(Collections.list(keys.aliases())).containsExactly(TlsKeyStores.KEY_ALIAS);
        assertThat(keys.getKey(TlsKeyStores.KEY_ALIAS, PASSWORD).getEncoded())
                .isEqualTo(pki.exchangeKeyMaterial().key().getEncoded());
        assertThat(keys.getCertificateChain(TlsKeyStores.KEY_ALIAS))
                .containsExactly(pki.exchangeKeyMaterial().certificate(), pki.caCertificate());
        assertThat(Collections.list(trust.aliases())).hasSize(1);
        assertThat(trust.getCertificate(trust.aliases().nextElement())).isEqualTo(pki.caCertificate());
    }

    @Test
    void aSectorAndTheExchangePortCompleteAMutualTlsHandshakeOnLocalhost() throws Exception {
        String sector = handshake(pki.sectorKeyMaterial("health").orElseThrow(), pki.caCertificate());

        assertThat(sector).isEqualTo("health");
    }

    @Test
    void theExchangePortRefusesAClientCertificateFromAnotherCa() {
        HubPki other = HubPki.loadOrCreate(otherDir, List.of("health"), List.of());

        // TLS 1.3 may report the server's refusal to the client as an alert (SSLException) or as the
        // connection it closed (SocketException), depending on timing: either way, no handshake
        assertThatThrownBy(() -> handshake(other.sectorKeyMaterial("health").orElseThrow(), pki.caCertificate()))
                .isInstanceOfAny(SSLException.class, java.net.SocketException.class);
    }

    /** Runs one handshake; the server side returns the sector named by the client certificate. */
    static String handshake(KeyMaterial client, X509Certificate clientTrusts) throws Exception {
        SSLContext serverContext = context(pki.exchangeKeyMaterial(), pki.caCertificate());
        SSLContext clientContext = context(client, clientTrusts);
        try (SSLServerSocket listener = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setNeedClientAuth(true);
            Future<String> accepted = server.submit(() -> {
                try (SSLSocket socket = (SSLSocket) listener.accept()) {
                    socket.setSoTimeout(30_000);
                    socket.startHandshake();
                    X509Certificate peer = (X509Certificate) socket.getSession().getPeerCertificates()[0];
                    String sector = SectorIdentity.sectorOf(peer, Set.of("health"));
                    try (OutputStream out = socket.getOutputStream()) {
                        out.write(1);
                    }
                    return sector;
                }
            });
            try (SSLSocket socket = (SSLSocket) clientContext.getSocketFactory()
                    .createSocket("localhost", listener.getLocalPort())) {
                socket.setSoTimeout(30_000);
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS"); // checks the SAN "localhost"
                socket.setSSLParameters(parameters);
                try (InputStream in = socket.getInputStream()) {
                    int read = in.read();
                    if (read != 1) {
                        throw new SSLException("the server closed the connection (read " + read + ")");
                    }
                }
            }
            return accepted.get(30, TimeUnit.SECONDS);
        }
    }

    static SSLContext context(KeyMaterial material, X509Certificate trusted) throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(TlsKeyStores.keyStore(material, PASSWORD), PASSWORD);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(TlsKeyStores.trustStore(List.of(trusted)));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }
}
