package org.rabt.connectors.exchange;

import java.security.GeneralSecurityException;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.rabt.security.KeyMaterial;
import org.rabt.security.pki.TlsKeyStores;

/**
 * The exchange port's TLS context, handed to Tomcat ready-made: Tomcat would otherwise build its
 * own trust manager from a trust store, and ours must consult the revocation list at each
 * handshake (see {@link org.rabt.security.pki.RevocationCheckingTrustManager}).
 */
final class ExchangeTlsContext implements org.apache.tomcat.util.net.SSLContext {

    private final javax.net.ssl.SSLContext context;
    private final KeyMaterial server;
    private final X509ExtendedTrustManager trust;

    ExchangeTlsContext(KeyMaterial server, X509ExtendedTrustManager trust, char[] password) {
        this.server = server;
        this.trust = trust;
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(TlsKeyStores.keyStore(server, password), password);
            context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), new TrustManager[] {trust}, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the exchange port's TLS context", e);
        }
    }

    @Override
    public void init(KeyManager[] kms, TrustManager[] tms, SecureRandom sr) throws KeyManagementException {
        // initialised once in the constructor with our own managers; Tomcat does not call this for a provided context
    }

    @Override
    public void destroy() {
        // nothing held beyond the JSSE context, which needs no release
    }

    @Override
    public SSLSessionContext getServerSessionContext() {
        return context.getServerSessionContext();
    }

    @Override
    public SSLEngine createSSLEngine() {
        return context.createSSLEngine();
    }

    @Override
    public SSLServerSocketFactory getServerSocketFactory() {
        return context.getServerSocketFactory();
    }

    @Override
    public SSLParameters getSupportedSSLParameters() {
        return context.getSupportedSSLParameters();
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return server.chain().toArray(X509Certificate[]::new);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return trust.getAcceptedIssuers();
    }
}
