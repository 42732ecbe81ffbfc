package org.rabt.security.atrest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rabt.security.SecurityError;
import org.rabt.security.SecurityMisconfiguration;

class FieldCipherTest {

    private static final String CHILD = "{\"familyNameLatin\":\"El Amrani\",\"familyNameArabic\":\"العمراني\"}";

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-29T10:00:00Z"));

    @Test
    void aValueDecryptsBackForItsOwnRowAndHidesItsText() {
        FieldCipher cipher = new FieldCipher(DataKeys.openOrCreate(dir, clock));

        String stored = cipher.sealText(CHILD, "card.cpm/1");

        assertThat(stored).startsWith("enc1:").doesNotContain("Amrani");
        assertThat(cipher.openText(stored, "card.cpm/1")).isEqualTo(CHILD);
        assertThat(cipher.sealText(CHILD, "card.cpm/1")).as("a fresh nonce each time").isNotEqualTo(stored);
    }

    @Test
    void theFirstKeyIsCreatedReadableByItsOwnerOnly() throws Exception {
        DataKeys.openOrCreate(dir, clock);

        assertThat(Files.size(dir.resolve("1.key"))).isEqualTo(32);
        assertThat(Files.getPosixFilePermissions(dir.resolve("1.key")))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }

    @Test
    void anAlteredValueFails() {
        FieldCipher cipher = new FieldCipher(DataKeys.openOrCreate(dir, clock));
        byte[] sealed = cipher.seal(CHILD.getBytes(StandardCharsets.UTF_8), "card_evidence.body/1");

        for (int position : new int[] {1, 5, sealed.length - 1}) {
            byte[] altered = sealed.clone();
            altered[position] ^= 1;
            assertThatThrownBy(() -> cipher.open(altered, "card_evidence.body/1"))
                    .isInstanceOfSatisfying(SecurityMisconfiguration.class,
                            e -> assertThat(e.error()).isEqualTo(SecurityError.CRYPTO_FAILURE));
        }
    }

    @Test
    void aValueCopiedToAnotherRowFails() {
        FieldCipher cipher = new FieldCipher(DataKeys.openOrCreate(dir, clock));
        String stored = cipher.sealText(CHILD, "card.cpm/1");

        assertThatThrownBy(() -> cipher.openText(stored, "card.cpm/2"))
                .isInstanceOf(SecurityMisconfiguration.class).hasMessageContaining("another row");
    }

    @Test
    void afterARotationNewValuesUseTheNewKeyAndOldOnesStayReadable() {
        FieldCipher cipher = new FieldCipher(DataKeys.openOrCreate(dir, clock));
        byte[] old = cipher.seal(CHILD.getBytes(StandardCharsets.UTF_8), "row");

        assertThat(DataKeys.rotate(dir)).isEqualTo(2);
        clock.advance(DataKeys.RELIST_EVERY);
        byte[] fresh = cipher.seal(CHILD.getBytes(StandardCharsets.UTF_8), "row");

        assertThat(old[1]).isEqualTo((byte) 1);
        assertThat(fresh[1]).as("written under the new key").isEqualTo((byte) 2);
        assertThat(new String(cipher.open(old, "row"), StandardCharsets.UTF_8)).isEqualTo(CHILD);
        FieldCipher anotherNode = new FieldCipher(DataKeys.openOrCreate(dir, clock));
        assertThat(new String(anotherNode.open(fresh, "row"), StandardCharsets.UTF_8)).isEqualTo(CHILD);
    }

    @Test
    void aValueUnderAKeyAddedSinceTheLastListingIsReadAtOnce() {
        FieldCipher before = new FieldCipher(DataKeys.openOrCreate(dir, clock));
        DataKeys.rotate(dir);
        byte[] fresh = new FieldCipher(DataKeys.openOrCreate(dir, clock)).seal(new byte[] {42}, "row");

        assertThat(before.open(fresh, "row")).containsExactly(42);
    }

    @Test
    void textStoredBeforeEncryptionIsReadAsItIs() {
        FieldCipher cipher = new FieldCipher(DataKeys.openOrCreate(dir, clock));

        assertThat(cipher.openText(CHILD, "card.cpm/1")).isEqualTo(CHILD);
    }

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
