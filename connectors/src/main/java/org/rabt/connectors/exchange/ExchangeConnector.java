package org.rabt.connectors.exchange;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.X509ExtendedTrustManager;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.rabt.security.pki.HubPki;
import org.rabt.security.pki.SectorTrust;
import org.rabt.security.pki.TlsKeyStores;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * Adds the sector exchange port to the embedded Tomcat: HTTPS with the hub CA's server
 * certificate, and a client certificate required at the handshake, issued by a trusted CA (the
 * hub's, or an external one) and not revoked, so a system without one never reaches the
 * application. The revocation list is consulted at each handshake: no restart after a revocation.
 */
public final class ExchangeConnector implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final int port;
    private final String address;
    private final HubPki pki;
    private final X509ExtendedTrustManager trust;
    private volatile Connector connector;

    /**
     * @param port    the port to listen on; 0 picks a free one
     * @param address the interface to listen on
     */
    public ExchangeConnector(int port, String address, HubPki pki) {
        this(port, address, pki, SectorTrust.of(pki, Optional.empty()).trustManager());
    }

    /** @param trust decides which client certificates are accepted (see {@link SectorTrust#trustManager()}) */
    public ExchangeConnector(int port, String address, HubPki pki, X509ExtendedTrustManager trust) {
        this.port = port;
        this.address = address;
        this.pki = pki;
        this.trust = trust;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        connector = newConnector();
        factory.addAdditionalConnectors(connector);
    }

    /** The port the exchange listens on once started (the configured one, or the free one picked for 0). */
    public int localPort() {
        Connector started = connector;
        return started == null ? -1 : started.getLocalPort();
    }

    private Connector newConnector() {
        Connector connector = new Connector(Http11NioProtocol.class.getName());
        connector.setPort(port);
        connector.setScheme("https");
        connector.setSecure(true);
        Http11NioProtocol protocol = (Http11NioProtocol) connector.getProtocolHandler();
        try {
            protocol.setAddress(InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("rabt.exchange.address is not an address: " + address, e);
        }
        protocol.setSSLEnabled(true);
        // Sector systems keep their connections: a TLS handshake costs far more than a card
        // (key agreement, a signature, randomness under a lock), so never close them for having served many.
        protocol.setMaxKeepAliveRequests(-1);
        // "100 Continue" only once the hub reads the body: a client announcing a body over the limit
        // (Expect: 100-continue, as curl does for large ones) gets its 413 before sending any of it
        protocol.setContinueResponseTiming("onRead");
        protocol.addSslHostConfig(tls());
        return connector;
    }

    private SSLHostConfig tls() {
        SSLHostConfig tls = new SSLHostConfig();
        tls.setProtocols("TLSv1.2+TLSv1.3");
        tls.setCertificateVerification("required");
        String password = randomPassword();
        tls.setTrustStore(TlsKeyStores.trustStore(List.of(pki.caCertificate())));
        SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(tls, SSLHostConfigCertificate.Type.UNDEFINED);
        certificate.setCertificateKeystore(TlsKeyStores.keyStore(pki.exchangeKeyMaterial(), password.toCharArray()));
        certificate.setCertificateKeystorePassword(password);
        // the key store above only describes the certificate to Tomcat; TLS itself runs on this context
        certificate.setSslContext(new ExchangeTlsContext(pki.exchangeKeyMaterial(), trust, password.toCharArray()));
        tls.addCertificate(certificate);
        return tls;
    }

    /** The key store lives in memory only; its password protects nothing on disk. */
    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
