package org.rabt.security.atrest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.rabt.security.SecurityError;
import org.rabt.security.SecurityMisconfiguration;
import org.rabt.security.SecurityViolation;

/**
 * The keys that encrypt stored values, one file each under a directory of the data directory
 * ({@code <id>.key}, 32 random bytes, owner-only), never in the database: a copy of the database
 * alone reveals no child. The highest id encrypts new values; every key is kept so that values
 * written under an older one stay readable. {@link #rotate(Path)} adds a key while the hub runs;
 * the hub lists the directory again at most once per {@link #RELIST_EVERY}, or at once when a
 * value names a key it does not know. Once no stored value names an older key any more (after
 * {@code keys reencrypt}), {@link #retire} deletes it.
 */
public final class DataKeys {

    /** How long a running hub may keep encrypting with the key it knew before a rotation. */
    public static final Duration RELIST_EVERY = Duration.ofMinutes(1);
    /**
     * How old the newest key must be when the count of an older key's values begins, before that key
     * may be retired: every node has listed the newest key ({@link #RELIST_EVERY}), and a value a
     * node began sealing with the older key just before (a transaction, a batch file being sealed)
     * has had as long again to be written, so that the count sees it.
     */
    public static final Duration RETIRABLE_AFTER = RELIST_EVERY.multipliedBy(2);
    static final int MAX_ID = 255;
    private static final int KEY_BYTES = 32;
    private static final Pattern KEY_FILE = Pattern.compile("(\\d{1,3})\\.key");

    private final Path directory;
    private final Clock clock;
    private volatile Listing listing;

    private DataKeys(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
        this.listing = list();
    }

    /** Opens the keys under {@code directory}, creating the first key on first start. */
    public static DataKeys openOrCreate(Path directory, Clock clock) {
        if (read(directory).isEmpty()) {
            create(directory, 1);
        }
        return new DataKeys(directory, clock);
    }

    /**
     * Opens the keys under {@code directory} without ever creating one (a tool pointed at the wrong
     * directory must not start a new key set): fails with {@link SecurityError#CRYPTO_FAILURE} when
     * there is none.
     */
    public static DataKeys open(Path directory, Clock clock) {
        return new DataKeys(directory, clock);
    }

    /**
     * Adds a key whose id is one above the highest, and returns that id. Values already written
     * stay as they are, readable with their own key.
     */
    public static int rotate(Path directory) {
        TreeMap<Integer, SecretKey> keys = read(directory);
        int next = keys.isEmpty() ? 1 : keys.lastKey() + 1;
        if (next > MAX_ID) {
            throw new SecurityMisconfiguration(SecurityError.CRYPTO_FAILURE, "the data keys under " + directory
                    + " reached id " + MAX_ID + "; re-encrypt the stored values and start a new key directory");
        }
        create(directory, next);
        return next;
    }

    /**
     * Deletes the key {@code id}, which {@code valuesNamingIt} stored values (counted by the caller
     * in every table and file) still name. Refused with {@link SecurityError#KEY_STILL_IN_USE} while
     * any does, and with {@link SecurityError#KEY_NOT_RETIRABLE} for an unknown key, the newest key,
     * or any key while the newest was younger than {@link #RETIRABLE_AFTER} when the count began: a
     * node that had not listed the directory may still have been encrypting new values with the key
     * before it, behind the count's cursor.
     *
     * @param countBegan when the caller began counting {@code valuesNamingIt} (not when it ended: a
     *                   count of a large record takes minutes, and values written meanwhile behind
     *                   its cursor are not in it)
     */
    public static void retire(Path directory, int id, long valuesNamingIt, Instant countBegan) {
        TreeMap<Integer, SecretKey> keys = read(directory);
        if (!keys.containsKey(id)) {
            throw new SecurityViolation(SecurityError.KEY_NOT_RETIRABLE, "there is no data key " + id + " under "
                    + directory + "; the keys there are " + keys.keySet());
        }
        int newest = keys.lastKey();
        if (id == newest) {
            throw new SecurityViolation(SecurityError.KEY_NOT_RETIRABLE, "data key " + id
                    + " is the newest: it encrypts new values. Run keys rotate, then keys reencrypt, first");
        }
        Path newestFile = directory.resolve(newest + ".key");
        Instant rotatedAt;
        try {
            rotatedAt = Files.getLastModifiedTime(newestFile).toInstant();
        } catch (IOException e) {
            throw new SecurityMisconfiguration(SecurityError.CRYPTO_FAILURE, "cannot read the date of " + newestFile
                    + "; check that the directory is readable", e);
        }
        if (Duration.between(rotatedAt, countBegan).compareTo(RETIRABLE_AFTER) < 0) {
            throw new SecurityViolation(SecurityError.KEY_NOT_RETIRABLE, "data key " + newest + " was added less than "
                    + RETIRABLE_AFTER.toSeconds() + " s before the count began: a hub node may still have encrypted"
                    + " new values with an older key. Wait, run keys reencrypt again, then retire");
        }
        if (valuesNamingIt > 0) {
            throw new SecurityViolation(SecurityError.KEY_STILL_IN_USE, valuesNamingIt + " stored values still use data key "
                    + id + "; run keys reencrypt first, then retire it");
        }
        try {
            Files.delete(directory.resolve(id + ".key"));
        } catch (IOException e) {
            throw new SecurityMisconfiguration(SecurityError.CRYPTO_FAILURE, "cannot delete the data key "
                    + directory.resolve(id + ".key") + "; check that the directory is writable", e);
        }
    }

    /** The id of the key that encrypts new values (what {@code keys reencrypt} brings every value to). */
    public int currentId() {
        return fresh().currentId();
    }

    /** The key that encrypts new values, and its id. */
    DataKey current() {
        Listing known = fresh();
        return new DataKey(known.currentId(), known.keys().get(known.currentId()));
    }

    /** The key of this id, looking again at the directory if it is not known yet. */
    SecretKey byId(int id) {
        SecretKey key = listing.keys().get(id);
        if (key == null) {
            listing = list();
            key = listing.keys().get(id);
        }
        if (key == null) {
            throw new SecurityMisconfiguration(SecurityError.CRYPTO_FAILURE, "a stored value names data key " + id
                    + ", which is not under " + directory + "; restore that key file from the backup of the keys");
        }
        return key;
    }

    private Listing fresh() {
        Listing known = listing;
        if (Duration.between(known.listedAt(), clock.instant()).compareTo(RELIST_EVERY) >= 0) {
            known = list();
            listing = known;
        }
        return known;
    }

    private Listing list() {
        TreeMap<Integer, SecretKey> keys = read(directory);
        if (keys.isEmpty()) {
            throw new SecurityMisconfiguration(SecurityError.CRYPTO_FAILURE, "no data key under " + directory
                    + "; restore the key files from the backup of the keys");
        }
        return new Listing(Map.copyOf(keys), keys.lastKey(), clock.instant());
    }

    private static TreeMap<Integer, SecretKey> read(Path directory) {
        TreeMap<Integer, SecretKey> keys = new TreeMap<>();
        if (!Files.isDirectory(directory)) {
            return keys;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.key")) {
            for (Path file : files) {
                Matcher name = KEY_FILE.matcher(file.getFileName().toString());
                if (!name.matches()) {
                    continue;
                }
                byte[] bytes = Files.readAllBytes(file);
                if (bytes.length != KEY_BYTES) {
                    throw new SecurityMisconfiguration(SecurityError.CRYPTO_FAILURE, "the data key " + file + " is "
                            + bytes.length + " bytes, not " + KEY_BYTES + "; restore it from the backup of the keys");
                }
                keys.put(Integer.parseInt(name.group(1)), new SecretKeySpec(bytes, "AES"));
            }
        } catch (IOException e) {
            throw new SecurityMisconfiguration(SecurityError.CRYPTO_FAILURE, "cannot read the data keys under "
                    + directory + "; check that the directory is readable by the hub", e);
        }
        return keys;
    }

    private static void create(Path directory, int id) {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path file = directory.resolve(id + ".key");
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, ".data", ".tmp");
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the directory's ACL protects it.
            }
            Files.write(temporary, key);
            try {
                // no REPLACE_EXISTING: two rotations at once never overwrite each other's key
                Files.move(temporary, file);
            } catch (FileAlreadyExistsException raced) {
                Files.delete(temporary);
                throw new SecurityMisconfiguration(SecurityError.CRYPTO_FAILURE, "the data key " + file
                        + " appeared while it was being created; run the rotation again", raced);
            }
        } catch (IOException e) {
            throw new SecurityMisconfiguration(SecurityError.CRYPTO_FAILURE, "cannot create the data key " + file
                    + "; check that the directory is writable by the hub", e);
        }
    }

    record DataKey(int id, SecretKey key) {
    }

    private record Listing(Map<Integer, SecretKey> keys, int currentId, Instant listedAt) {
    }
}
