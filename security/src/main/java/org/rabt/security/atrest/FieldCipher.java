package org.rabt.security.atrest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.OptionalInt;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.rabt.security.SecurityError;
import org.rabt.security.SecurityMisconfiguration;

/**
 * Encrypts a stored value (AES-256-GCM) and binds it to its place: the caller names the row and
 * column as {@code context}, used as associated data, so a value copied to another row does not
 * decrypt. A sealed value is {@code 0x01 | key id | 12-byte nonce | ciphertext and tag}; the key
 * id lets values written under an older key be read after a rotation. Text columns hold that as
 * base64 after {@value #TEXT_PREFIX}.
 */
public final class FieldCipher {

    static final String TEXT_PREFIX = "enc1:";
    private static final byte VERSION = 1;
    private static final int HEADER_BYTES = 2;
    /** How many leading bytes of a stored value {@link #keyOf(byte[])} needs: a walk may read only these. */
    public static final int KEY_HEADER_BYTES = HEADER_BYTES;
    /** How many leading characters of a stored text {@link #keyOfText(String)} needs (the prefix and 3 bytes in base64). */
    public static final int KEY_HEADER_CHARS = TEXT_PREFIX.length() + 4;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final DataKeys keys;
    private final SecureRandom random = new SecureRandom();

    public FieldCipher(DataKeys keys) {
        this.keys = keys;
    }

    /** Encrypts {@code plain} for the place named by {@code context} (e.g. {@code card.cpm/<id>}). */
    public byte[] seal(byte[] plain, String context) {
        DataKeys.DataKey key = keys.current();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] header = {VERSION, (byte) key.id()};
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(header, context));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(HEADER_BYTES + NONCE_BYTES + sealed.length)
                    .put(header).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new SecurityMisconfiguration(SecurityError.CRYPTO_FAILURE,
                    "cannot encrypt a stored value; check the JDK's AES-GCM provider", e);
        }
    }

    /**
     * Decrypts a value sealed for this {@code context}. A value altered, or copied from another
     * place, fails with {@link SecurityError#CRYPTO_FAILURE}.
     */
    public byte[] open(byte[] sealed, String context) {
        if (sealed.length < HEADER_BYTES + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new SecurityMisconfiguration(SecurityError.CRYPTO_FAILURE, "the stored value of " + context
                    + " is not an encrypted value of version " + VERSION + "; it was altered or written by another tool");
        }
        byte[] header = Arrays.copyOfRange(sealed, 0, HEADER_BYTES);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, keys.byId(Byte.toUnsignedInt(sealed[1])),
                    new GCMParameterSpec(TAG_BITS, sealed, HEADER_BYTES, NONCE_BYTES));
            cipher.updateAAD(associatedData(header, context));
            return cipher.doFinal(sealed, HEADER_BYTES + NONCE_BYTES, sealed.length - HEADER_BYTES - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new SecurityMisconfiguration(SecurityError.CRYPTO_FAILURE, "the stored value of " + context
                    + " does not decrypt: it was altered, or copied from another row", e);
        }
    }

    /** Encrypts text for a text column: {@value #TEXT_PREFIX} and the sealed bytes in base64. */
    public String sealText(String plain, String context) {
        return TEXT_PREFIX + Base64.getEncoder().encodeToString(seal(plain.getBytes(StandardCharsets.UTF_8), context));
    }

    /**
     * Decrypts text written by {@link #sealText}. Text without the prefix was stored before
     * encryption at rest existed and is returned as it is.
     */
    public String openText(String stored, String context) {
        if (stored == null || !stored.startsWith(TEXT_PREFIX)) {
            return stored;
        }
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(stored.substring(TEXT_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new SecurityMisconfiguration(SecurityError.CRYPTO_FAILURE, "the stored value of " + context
                    + " is not valid base64 after " + TEXT_PREFIX + "; it was altered", e);
        }
        return new String(open(sealed, context), StandardCharsets.UTF_8);
    }

    /**
     * The id of the key a stored value names, read from its first {@link #KEY_HEADER_BYTES} bytes
     * (the whole value, or just that much of it); empty for a value stored in clear before
     * encryption at rest (the signed bodies and CPMs it held are text, which never starts with the
     * version byte 0x01).
     */
    public static OptionalInt keyOf(byte[] stored) {
        if (stored == null || stored.length < HEADER_BYTES || stored[0] != VERSION) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Byte.toUnsignedInt(stored[1]));
    }

    /**
     * The id of the key a stored text names, read from its first {@link #KEY_HEADER_CHARS}
     * characters; empty for text stored in clear (without {@value #TEXT_PREFIX}).
     */
    public static OptionalInt keyOfText(String stored) {
        if (stored == null || !stored.startsWith(TEXT_PREFIX) || stored.length() < KEY_HEADER_CHARS) {
            return OptionalInt.empty();
        }
        try {
            return keyOf(Base64.getDecoder().decode(stored.substring(TEXT_PREFIX.length(), KEY_HEADER_CHARS)));
        } catch (IllegalArgumentException notBase64) {
            return OptionalInt.empty();
        }
    }

    /** The id of the key that encrypts new values now. */
    public int currentKeyId() {
        return keys.currentId();
    }

    /**
     * The stored value encrypted under the newest key: decrypted with the key it names and sealed
     * again, or sealed for the first time when it was stored in clear ({@link #keyOf} empty).
     */
    public byte[] reseal(byte[] stored, String context) {
        return seal(keyOf(stored).isPresent() ? open(stored, context) : stored, context);
    }

    /** {@link #reseal} for a text column: clear text (no {@value #TEXT_PREFIX}) is encrypted for the first time. */
    public String resealText(String stored, String context) {
        return sealText(openText(stored, context), context);
    }

    // the header is bound too: changing the key id or version of a value makes it fail
    private static byte[] associatedData(byte[] header, String context) {
        byte[] place = context.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(header.length + place.length).put(header).put(place).array();
    }
}
