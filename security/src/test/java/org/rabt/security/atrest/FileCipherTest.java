package org.rabt.security.atrest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rabt.security.SecurityMisconfiguration;

class FileCipherTest {

    @TempDir
    Path dir;

    @Test
    void filesOfAnySizeDecryptBackAndHideTheirText() throws IOException {
        FileCipher cipher = new FileCipher(DataKeys.openOrCreate(dir, Clock.systemUTC()));
        for (int size : new int[] {0, 10, FileCipher.SEGMENT_BYTES, FileCipher.SEGMENT_BYTES * 3 + 7}) {
            byte[] plain = content(size);

            byte[] sealed = seal(cipher, plain, "batch/1");

            assertThat(read(cipher, sealed, "batch/1")).as("size " + size).isEqualTo(plain);
            if (size > 0) {
                assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("El Amrani");
            }
        }
    }

    @Test
    void aFileCutShortAlteredOrOfAnotherRecordFails() throws IOException {
        FileCipher cipher = new FileCipher(DataKeys.openOrCreate(dir, Clock.systemUTC()));
        byte[] sealed = seal(cipher, content(FileCipher.SEGMENT_BYTES * 2 + 5), "batch/1");

        byte[] cut = Arrays.copyOf(sealed, sealed.length - (5 + 16 + 4 + 12 + 1)); // the last segment dropped
        byte[] altered = sealed.clone();
        altered[sealed.length / 2] ^= 1;

        assertThatThrownBy(() -> read(cipher, cut, "batch/1")).isInstanceOf(SecurityMisconfiguration.class);
        assertThatThrownBy(() -> read(cipher, altered, "batch/1")).isInstanceOf(SecurityMisconfiguration.class);
        assertThatThrownBy(() -> read(cipher, sealed, "batch/2")).isInstanceOf(SecurityMisconfiguration.class);
    }

    @Test
    void aFileWrittenBeforeARotationStaysReadable() throws IOException {
        FileCipher cipher = new FileCipher(DataKeys.openOrCreate(dir, Clock.systemUTC()));
        byte[] sealed = seal(cipher, content(100), "batch/1");

        DataKeys.rotate(dir);

        assertThat(read(new FileCipher(DataKeys.openOrCreate(dir, Clock.systemUTC())), sealed, "batch/1"))
                .isEqualTo(content(100));
    }

    private static byte[] content(int size) {
        byte[] line = "El Amrani;العمراني;2014-03-12\n".getBytes(StandardCharsets.UTF_8);
        byte[] plain = new byte[size];
        for (int i = 0; i < size; i++) {
            plain[i] = line[i % line.length];
        }
        return plain;
    }

    private static byte[] seal(FileCipher cipher, byte[] plain, String context) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        cipher.seal(new ByteArrayInputStream(plain), out, context);
        return out.toByteArray();
    }

    private static byte[] read(FileCipher cipher, byte[] sealed, String context) throws IOException {
        try (InputStream in = cipher.open(new ByteArrayInputStream(sealed), context)) {
            return in.readAllBytes();
        }
    }
}
