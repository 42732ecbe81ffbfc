package org.rabt.security.atrest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rabt.security.SecurityError;
import org.rabt.security.SecurityMisconfiguration;
import org.rabt.security.SecurityViolation;

/** Bringing stored values to the newest key after a rotation, and retiring the keys no value names. */
class RekeyingTest {

    private static final String CHILD = "{\"familyNameLatin\":\"El Amrani\",\"birthDate\":\"2014-03-02\"}";

    @TempDir
    Path dir;

    /** Keys opened afresh after each rotation, as a node does once it lists the directory again. */
    private DataKeys keys() {
        return DataKeys.openOrCreate(dir, Clock.systemUTC());
    }

    @Nested
    class Values {

        @Test
        void keyOfReadsTheKeyAValueNamesFromItsHeaderAlone() {
            FieldCipher first = new FieldCipher(keys());
            byte[] sealed = first.seal(bytes(CHILD), "card_evidence.body/1");
            String text = first.sealText(CHILD, "card.cpm/1");

            assertThat(FieldCipher.keyOf(sealed)).hasValue(1);
            assertThat(FieldCipher.keyOf(java.util.Arrays.copyOf(sealed, FieldCipher.KEY_HEADER_BYTES))).hasValue(1);
            assertThat(FieldCipher.keyOfText(text)).hasValue(1);
            assertThat(FieldCipher.keyOfText(text.substring(0, FieldCipher.KEY_HEADER_CHARS))).hasValue(1);
        }

        @Test
        void valuesStoredInClearNameNoKey() {
            assertThat(FieldCipher.keyOf(bytes(CHILD))).isEmpty();
            assertThat(FieldCipher.keyOf(bytes("<signalement/>"))).isEmpty();
            assertThat(FieldCipher.keyOf(new byte[0])).isEmpty();
            assertThat(FieldCipher.keyOfText(CHILD)).isEmpty();
            assertThat(FieldCipher.keyOfText(null)).isEmpty();
        }

        @Test
        void resealMovesAValueFromAnOlderKeyToTheNewestAndKeepsItsContent() {
            byte[] old = new FieldCipher(keys()).seal(bytes(CHILD), "card_evidence.body/1");
            String oldText = new FieldCipher(keys()).sealText(CHILD, "card.cpm/1");
            DataKeys.rotate(dir);
            FieldCipher now = new FieldCipher(keys());

            byte[] resealed = now.reseal(old, "card_evidence.body/1");
            String resealedText = now.resealText(oldText, "card.cpm/1");

            assertThat(now.currentKeyId()).isEqualTo(2);
            assertThat(FieldCipher.keyOf(resealed)).hasValue(2);
            assertThat(FieldCipher.keyOfText(resealedText)).hasValue(2);
            assertThat(now.open(resealed, "card_evidence.body/1")).isEqualTo(bytes(CHILD));
            assertThat(now.openText(resealedText, "card.cpm/1")).isEqualTo(CHILD);
        }

        @Test
        void resealEncryptsAValueStoredInClearForTheFirstTime() {
            FieldCipher cipher = new FieldCipher(keys());

            byte[] resealed = cipher.reseal(bytes(CHILD), "card_evidence.body/1");
            String resealedText = cipher.resealText(CHILD, "card.cpm/1");

            assertThat(new String(resealed, StandardCharsets.ISO_8859_1)).doesNotContain("Amrani");
            assertThat(resealedText).startsWith("enc1:").doesNotContain("Amrani");
            assertThat(cipher.open(resealed, "card_evidence.body/1")).isEqualTo(bytes(CHILD));
            assertThat(cipher.openText(resealedText, "card.cpm/1")).isEqualTo(CHILD);
        }

        @Test
        void resealRefusesAValueThatDoesNotDecryptRatherThanSealItsGarbage() {
            FieldCipher cipher = new FieldCipher(keys());
            byte[] altered = cipher.seal(bytes(CHILD), "card_evidence.body/1");
            altered[altered.length - 1] ^= 1;
            String moved = cipher.sealText(CHILD, "card.cpm/2");

            assertThatThrownBy(() -> cipher.reseal(altered, "card_evidence.body/1"))
                    .isInstanceOf(SecurityMisconfiguration.class);
            assertThatThrownBy(() -> cipher.resealText(moved, "card.cpm/1"))
                    .isInstanceOf(SecurityMisconfiguration.class);
        }
    }

    @Nested
    class Files_ {

        @Test
        void sealReplacingPutsAFileUnderTheNewestKeyInPlaceOfTheOld() throws IOException {
            Path file = dir.resolve("batch.csv.sealed");
            new FileCipher(keys()).seal(new ByteArrayInputStream(bytes(CHILD)), Files.newOutputStream(file), "batch/1");
            DataKeys.rotate(dir);
            FileCipher now = new FileCipher(keys());
            assertThat(FileCipher.keyOf(file)).hasValue(1);

            try (InputStream old = now.open(file, "batch/1")) {
                now.sealReplacing(old, file, "batch/1");
            }

            assertThat(FileCipher.keyOf(file)).hasValue(2);
            try (InputStream in = now.open(file, "batch/1")) {
                assertThat(in.readAllBytes()).isEqualTo(bytes(CHILD));
            }
            try (var left = Files.list(dir)) {
                assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".resealing"));
            }
        }

        @Test
        void aFileInClearNamesNoKey() throws IOException {
            Path clear = Files.writeString(dir.resolve("batch.csv"), "identifiantLigne;nom\n1;El Amrani\n");

            assertThat(FileCipher.keyOf(clear)).isEqualTo(OptionalInt.empty());
        }
    }

    @Nested
    class Retirement {

        @Test
        void anOlderKeyNoValueNamesIsDeleted() throws IOException {
            keys();
            DataKeys.rotate(dir);
            Instant later = rotatedAt().plus(DataKeys.RETIRABLE_AFTER);

            DataKeys.retire(dir, 1, 0, later);

            assertThat(dir.resolve("1.key")).doesNotExist();
            assertThat(dir.resolve("2.key")).exists();
            assertThat(new FieldCipher(keys()).currentKeyId()).isEqualTo(2);
        }

        @Test
        void aKeyStillNamedByValuesIsRefusedWithTheCount() throws IOException {
            keys();
            DataKeys.rotate(dir);

            assertThatThrownBy(() -> DataKeys.retire(dir, 1, 3, rotatedAt().plus(DataKeys.RETIRABLE_AFTER)))
                    .isInstanceOfSatisfying(SecurityViolation.class, e -> {
                        assertThat(e.error()).isEqualTo(SecurityError.KEY_STILL_IN_USE);
                        assertThat(e.detail()).contains("3 stored values").contains("keys reencrypt");
                    });
            assertThat(dir.resolve("1.key")).exists();
        }

        @Test
        void theNewestKeyIsNeverRetired() {
            keys();

            assertThatThrownBy(() -> DataKeys.retire(dir, 1, 0, Instant.now().plus(1, ChronoUnit.DAYS)))
                    .isInstanceOfSatisfying(SecurityViolation.class,
                            e -> assertThat(e.error()).isEqualTo(SecurityError.KEY_NOT_RETIRABLE));
            assertThat(dir.resolve("1.key")).exists();
        }

        @Test
        void noKeyIsRetiredWhenTheCountBeganWithinTwoMinutesOfARotationWhileNodesMayStillWriteWithTheOlderOne() throws IOException {
            keys();
            DataKeys.rotate(dir);

            assertThatThrownBy(() -> DataKeys.retire(dir, 1, 0, rotatedAt().plus(DataKeys.RETIRABLE_AFTER).minusSeconds(1)))
                    .isInstanceOfSatisfying(SecurityViolation.class, e -> {
                        assertThat(e.error()).isEqualTo(SecurityError.KEY_NOT_RETIRABLE);
                        assertThat(e.detail()).contains("less than 120 s before the count began");
                    });
            assertThat(dir.resolve("1.key")).exists();
        }

        @Test
        void anUnknownKeyIsRefused() {
            keys();
            DataKeys.rotate(dir);

            assertThatThrownBy(() -> DataKeys.retire(dir, 7, 0, Instant.now().plus(1, ChronoUnit.DAYS)))
                    .isInstanceOfSatisfying(SecurityViolation.class, e -> {
                        assertThat(e.error()).isEqualTo(SecurityError.KEY_NOT_RETIRABLE);
                        assertThat(e.detail()).contains("no data key 7");
                    });
        }

        private Instant rotatedAt() throws IOException {
            FileTime time = Files.getLastModifiedTime(dir.resolve("2.key"));
            return time.toInstant();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
