package org.rabt.caserecord.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import org.rabt.security.atrest.DataKeys;
import org.rabt.security.atrest.FieldCipher;

/** A field cipher with a fresh key of its own, for tests of the stores. */
public final class TestCiphers {

    private TestCiphers() {
    }

    public static FieldCipher fresh() {
        try {
            return new FieldCipher(DataKeys.openOrCreate(Files.createTempDirectory("rabt-data-keys"), Clock.systemUTC()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
