package org.rabt.security.pseudonym;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms: HMAC-SHA-256 over normalised identifiers, so that the same child gets the
 * same pseudonym from every sector without the identity being shared, and nobody without the
 * key (kept outside the database) can recompute or reverse it. Thread-safe.
 */
public final class Pseudonymiser {

    private static final String ALGORITHM = "HmacSHA256";
    /** 20 bytes of the MAC, base64url: 27 characters, 160 bits against collisions. */
    private static final int PSEUDONYM_BYTES = 20;
    private static final char SEPARATOR = '\u001f';

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    public Pseudonymiser(byte[] keyBytes) {
        if (keyBytes == null || keyBytes.length < 32) {
            throw new IllegalArgumentException("a pseudonym key needs at least 32 bytes");
        }
        this.key = new SecretKeySpec(keyBytes.clone(), ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /**
     * The pseudonym of an identity given as its normalised parts, in a fixed order (a kind
     * label first, e.g. {@code "cnie"} then the number). The caller normalises.
     */
    public String pseudonymOf(List<String> normalisedParts) {
        if (normalisedParts.isEmpty()) {
            throw new IllegalArgumentException("a pseudonym needs at least one identifier");
        }
        StringBuilder joined = new StringBuilder();
        for (String part : normalisedParts) {
            joined.append(part == null ? "" : part).append(SEPARATOR);
        }
        byte[] mac = macs.get().doFinal(joined.toString().getBytes(StandardCharsets.UTF_8));
        byte[] truncated = new byte[PSEUDONYM_BYTES];
        System.arraycopy(mac, 0, truncated, 0, PSEUDONYM_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(truncated);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("unusable pseudonym key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available in this JVM", e);
        }
    }
}
