package org.rabt.security.pki;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.function.Consumer;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

import org.rabt.security.SecurityError;

/**
 * A TLS trust manager that first validates the peer's chain as usual (the delegate, PKIX over the
 * trusted CAs), then refuses it if a certificate of the chain is revoked. The revocation list is
 * consulted at each handshake, so a revocation needs no restart of the TLS endpoint.
 */
public final class RevocationCheckingTrustManager extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager delegate;
    private final Revocations revocations;
    private final Consumer<X509Certificate> onRevoked;

    /** @param onRevoked told of each revoked certificate refused, e.g. to audit the refusal */
    public RevocationCheckingTrustManager(X509ExtendedTrustManager delegate, Revocations revocations,
            Consumer<X509Certificate> onRevoked) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.revocations = Objects.requireNonNull(revocations, "revocations");
        this.onRevoked = Objects.requireNonNull(onRevoked, "onRevoked");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        delegate.checkClientTrusted(chain, authType, socket);
        rejectRevoked(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        delegate.checkClientTrusted(chain, authType, engine);
        rejectRevoked(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkClientTrusted(chain, authType);
        rejectRevoked(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        delegate.checkServerTrusted(chain, authType, socket);
        rejectRevoked(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        delegate.checkServerTrusted(chain, authType, engine);
        rejectRevoked(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkServerTrusted(chain, authType);
        rejectRevoked(chain);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }

    private void rejectRevoked(X509Certificate[] chain) throws CertificateException {
        boolean revoked;
        for (X509Certificate certificate : chain) {
            try {
                revoked = revocations.isRevoked(certificate);
            } catch (RuntimeException unreadableList) {
                // fail closed: without a readable list nobody is let in (the cause says what to fix)
                throw new CertificateException("the revocation list cannot be consulted: " + unreadableList.getMessage(),
                        unreadableList);
            }
            if (revoked) {
                onRevoked.accept(certificate);
                throw new CertificateException(SecurityError.CERTIFICATE_REVOKED.code() + ": the certificate "
                        + certificate.getSubjectX500Principal().getName() + " (serial "
                        + certificate.getSerialNumber().toString(16) + ") is revoked");
            }
        }
    }
}
