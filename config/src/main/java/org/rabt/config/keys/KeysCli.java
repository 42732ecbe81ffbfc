package org.rabt.config.keys;

import java.io.PrintStream;
import java.nio.file.Path;
import org.rabt.config.HubProperties;
import org.rabt.security.SecurityMisconfiguration;
import org.rabt.security.atrest.DataKeys;

/**
 * {@code java -jar rabt.jar keys rotate [--data-dir D]}: adds a data key (one id above the
 * highest) under {@code D/keys/data}. It may run while the hub runs: the hub encrypts new values
 * with the new key within {@link DataKeys#RELIST_EVERY}; values already stored keep their key and
 * stay readable. Exits 0 when the key is added, 1 when it cannot be, 2 on misuse.
 */
public final class KeysCli {

    static final String USAGE = "usage: java -jar rabt.jar keys rotate [--data-dir DIR]";

    private KeysCli() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path dataDir = Path.of("./data");
        if (args.length == 4 && "--data-dir".equals(args[2])) {
            dataDir = Path.of(args[3]);
        } else if (args.length != 2) {
            err.println(USAGE);
            return 2;
        }
        if (!"rotate".equals(args[1])) {
            err.println(USAGE);
            return 2;
        }
        Path directory = new HubProperties(dataDir).dataKeysDir();
        try {
            int id = DataKeys.rotate(directory);
            out.println("added data key " + id + " under " + directory
                    + "; the hub encrypts new values with it within " + DataKeys.RELIST_EVERY.toSeconds()
                    + " s. Back up the keys directory: without its keys, the stored cards cannot be read.");
            return 0;
        } catch (SecurityMisconfiguration e) {
            err.println(e.getMessage());
            return 1;
        }
    }
}
