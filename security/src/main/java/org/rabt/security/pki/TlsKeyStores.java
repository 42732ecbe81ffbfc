package org.rabt.security.pki;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Objects;

import org.rabt.security.CryptoUtils;
import org.rabt.security.KeyMaterial;
import org.rabt.security.SecurityError;
import org.rabt.security.SecurityMisconfiguration;

/**
 * In-memory PKCS#12 key and trust stores for TLS servers and clients (the exchange port, the
 * hub's outbound client, test peers), built from {@link KeyMaterial} and CA certificates.
 */
public final class TlsKeyStores {

    /** The alias of the single key entry in {@link #keyStore}. */
    public static final String KEY_ALIAS = "rabt";

    private TlsKeyStores() {
    }

    /** A key store holding {@code material}'s key with its chain under {@link #KEY_ALIAS}. */
    public static KeyStore keyStore(KeyMaterial material, char[] password) {
        Objects.requireNonNull(material, "material");
        Objects.requireNonNull(password, "password");
        KeyStore store = emptyStore();
        try {
            store.setKeyEntry(KEY_ALIAS, material.key(), password, material.chain().toArray(Certificate[]::new));
        } catch (GeneralSecurityException e) {
            throw failure("cannot put " + material + " in a key store", e);
        }
        return store;
    }

    /** A trust store holding {@code trusted} (typically the hub CA) as trusted certificate entries. */
    public static KeyStore trustStore(Collection<X509Certificate> trusted) {
        if (trusted.isEmpty()) {
            throw new IllegalArgumentException("a trust store needs at least one certificate");
        }
        KeyStore store = emptyStore();
        int index = 0;
        try {
            for (X509Certificate certificate : trusted) {
                store.setCertificateEntry("trusted-" + index++, certificate);
            }
        } catch (GeneralSecurityException e) {
            throw failure("cannot put a certificate in a trust store", e);
        }
        return store;
    }

    private static KeyStore emptyStore() {
        try {
            KeyStore store = KeyStore.getInstance(CryptoUtils.KEY_STORE_TYPE);
            store.load(null, null);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw failure("cannot create a " + CryptoUtils.KEY_STORE_TYPE + " key store", e);
        }
    }

    private static SecurityMisconfiguration failure(String what, Exception cause) {
        return new SecurityMisconfiguration(SecurityError.CRYPTO_FAILURE, what + ".", cause);
    }
}
