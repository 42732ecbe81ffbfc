package org.rabt.security.atrest;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.OptionalInt;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.rabt.security.SecurityError;
import org.rabt.security.SecurityMisconfiguration;

/**
 * Encrypts a file of any size as a stream of AES-256-GCM segments of {@value #SEGMENT_BYTES}
 * bytes, so that neither writing nor reading holds the file in memory. The file starts with
 * {@code 0x01 | key id}; each segment is {@code last flag | 12-byte nonce | length | ciphertext and
 * tag}, and its associated data binds the header, the caller's {@code context} (the file's
 * identity), the segment's index and whether it is the last: segments cannot be reordered, moved
 * to another file, or cut off at the end unnoticed.
 */
public final class FileCipher {

    static final int SEGMENT_BYTES = 64 * 1024;
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final DataKeys keys;
    private final SecureRandom random = new SecureRandom();

    public FileCipher(DataKeys keys) {
        this.keys = keys;
    }

    /** Writes {@code plain} encrypted for {@code context} to {@code sealed}. */
    public void seal(InputStream plain, OutputStream sealed, String context) throws IOException {
        DataKeys.DataKey key = keys.current();
        byte[] header = {VERSION, (byte) key.id()};
        DataOutputStream out = new DataOutputStream(sealed);
        out.write(header);
        byte[] segment = plain.readNBytes(SEGMENT_BYTES);
        long index = 0;
        while (true) {
            byte[] next = segment.length < SEGMENT_BYTES ? new byte[0] : plain.readNBytes(SEGMENT_BYTES);
            boolean last = next.length == 0;
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            byte[] encrypted = crypt(Cipher.ENCRYPT_MODE, key.key(), nonce,
                    associatedData(header, context, index, last), segment, context);
            out.writeBoolean(last);
            out.write(nonce);
            out.writeInt(encrypted.length);
            out.write(encrypted);
            if (last) {
                break;
            }
            segment = next;
            index++;
        }
        out.flush();
    }

    /** Encrypts the file {@code plain} into {@code sealed} (created, or replaced). */
    public void seal(Path plain, Path sealed, String context) throws IOException {
        try (InputStream in = Files.newInputStream(plain); OutputStream out = Files.newOutputStream(sealed)) {
            seal(in, out, context);
        }
    }

    /**
     * Writes {@code plain} sealed under the newest key to {@code target}, in place of the file
     * there if any, atomically: it is written beside it, synced to disk, then renamed over it. A
     * reader sees the old file or the new one, never part of one; a crash leaves the old one (and
     * at worst a {@code .resealing} file beside it). The file beside it has a name of its own,
     * so that two writers never write into one file.
     */
    public void sealReplacing(InputStream plain, Path target, String context) throws IOException {
        Path temporary = Files.createTempFile(target.toAbsolutePath().getParent(), target.getFileName() + ".",
                ".resealing");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                seal(plain, out, context);
                out.flush();
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(target.toAbsolutePath().getParent());
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * The id of the key a sealed file names, from its first two bytes; empty when the file is not
     * one this class wrote (a batch file stored in clear before encryption at rest).
     */
    public static OptionalInt keyOf(Path file) throws IOException {
        byte[] header = new byte[2];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(header, 0, 2) < 2 || header[0] != VERSION) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.of(Byte.toUnsignedInt(header[1]));
    }

    /** The id of the key that encrypts new files now. */
    public int currentKeyId() {
        return keys.currentId();
    }

    // the rename is durable only once the directory's entry is; not every platform can open a directory
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException notSupported) {
            // Windows cannot open a directory: its file system orders the rename itself
        }
    }

    /**
     * The decrypted content of {@code sealed}, read a segment at a time. A file altered, cut short
     * or written for another context fails while reading, with {@link SecurityError#CRYPTO_FAILURE}.
     */
    public InputStream open(InputStream sealed, String context) throws IOException {
        DataInputStream in = new DataInputStream(sealed);
        byte[] header = new byte[2];
        try {
            in.readFully(header);
        } catch (EOFException e) {
            throw corrupt(context, e);
        }
        if (header[0] != VERSION) {
            throw corrupt(context, null);
        }
        return new Opened(in, header, keys.byId(Byte.toUnsignedInt(header[1])), context);
    }

    /** Opens the file {@code sealed} (see {@link #open(InputStream, String)}). */
    public InputStream open(Path sealed, String context) throws IOException {
        InputStream in = Files.newInputStream(sealed);
        try {
            return open(in, context);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static byte[] crypt(int mode, SecretKey key, byte[] nonce, byte[] associatedData, byte[] input,
            String context) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw mode == Cipher.ENCRYPT_MODE
                    ? new SecurityMisconfiguration(SecurityError.CRYPTO_FAILURE,
                            "cannot encrypt a stored file; check the JDK's AES-GCM provider", e)
                    : corrupt(context, e);
        }
    }

    private static SecurityMisconfiguration corrupt(String context, Throwable cause) {
        return new SecurityMisconfiguration(SecurityError.CRYPTO_FAILURE, "the stored file of " + context
                + " does not decrypt: it was altered, cut short, or belongs to another record", cause);
    }

    private static byte[] associatedData(byte[] header, String context, long index, boolean last) {
        byte[] place = context.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(header.length + place.length + Long.BYTES + 1)
                .put(header).put(place).putLong(index).put((byte) (last ? 1 : 0)).array();
    }

    /** The decrypting stream: one segment in memory at a time. */
    private static final class Opened extends InputStream {

        private final DataInputStream in;
        private final byte[] header;
        private final SecretKey key;
        private final String context;
        private byte[] plain = new byte[0];
        private int position;
        private long index;
        private boolean lastRead;

        Opened(DataInputStream in, byte[] header, SecretKey key, String context) {
            this.in = in;
            this.header = header;
            this.key = key;
            this.context = context;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            while (position == plain.length) {
                if (lastRead) {
                    return -1;
                }
                nextSegment();
            }
            int n = Math.min(length, plain.length - position);
            System.arraycopy(plain, position, buffer, offset, n);
            position += n;
            return n;
        }

        private void nextSegment() throws IOException {
            try {
                boolean last = in.readBoolean();
                byte[] nonce = new byte[NONCE_BYTES];
                in.readFully(nonce);
                int length = in.readInt();
                if (length < TAG_BITS / 8 || length > SEGMENT_BYTES + TAG_BITS / 8) {
                    throw corrupt(context, null);
                }
                byte[] encrypted = new byte[length];
                in.readFully(encrypted);
                plain = crypt(Cipher.DECRYPT_MODE, key, nonce, associatedData(header, context, index, last), encrypted,
                        context);
                position = 0;
                index++;
                lastRead = last;
            } catch (EOFException cutShort) {
                throw corrupt(context, cutShort);
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
