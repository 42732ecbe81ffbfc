package org.rabt.config.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rabt.security.atrest.DataKeys;

class KeysCliTest {

    @TempDir
    Path data;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void rotateAddsAKeyAboveTheHighestAndKeepsTheOthers() {
        DataKeys.openOrCreate(data.resolve("keys/data"), Clock.systemUTC());

        int exit = KeysCli.run(new String[] {"keys", "rotate", "--data-dir", data.toString()}, print(out), print(err));

        assertThat(exit).isEqualTo(0);
        assertThat(out.toString()).contains("added data key 2");
        assertThat(data.resolve("keys/data/1.key")).exists();
        assertThat(data.resolve("keys/data/2.key")).exists();
    }

    @Test
    void anUnknownCommandIsMisuse() {
        int exit = KeysCli.run(new String[] {"keys", "delete"}, print(out), print(err));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("usage");
        assertThat(Files.exists(data.resolve("keys"))).isFalse();
    }

    @Test
    void retireWithoutAKeyIdAndABatchOfNothingAreMisuseBeforeAnyDatabaseIsOpened() {
        assertThat(KeysCli.run(new String[] {"keys", "retire", "--data-dir", data.toString()}, print(out), print(err)))
                .isEqualTo(2);
        assertThat(KeysCli.run(new String[] {"keys", "reencrypt", "--batch", "0", "--data-dir", data.toString()},
                print(out), print(err))).isEqualTo(2);
        assertThat(KeysCli.run(new String[] {"keys", "rotate", "7"}, print(out), print(err))).isEqualTo(2);

        assertThat(err.toString()).contains("keys retire ID");
        assertThat(Files.exists(data.resolve("db"))).isFalse();
    }

    @Test
    void reencryptRefusesADataDirectoryWithoutKeysRatherThanStartANewKeySet() {
        int exit = KeysCli.run(new String[] {"keys", "reencrypt", "--data-dir", data.toString()}, print(out), print(err));

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("no data key under");
        assertThat(Files.exists(data.resolve("keys/data/1.key"))).isFalse();
        assertThat(Files.exists(data.resolve("db"))).as("no database started").isFalse();
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true);
    }
}
