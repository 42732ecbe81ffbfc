package org.rabt.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the hub keeps its state ({@code rabt.data-dir}, default {@code ./data}): the embedded
 * database, the broker journal, the PKI and the keys.
 */
@ConfigurationProperties("rabt")
public record HubProperties(@DefaultValue("./data") Path dataDir) {

    public Path pkiDir() {
        return dataDir.resolve("pki");
    }

    public Path keysDir() {
        return dataDir.resolve("keys");
    }

    /** The keys that encrypt the stored CPMs and evidence ({@code <id>.key}; the highest id writes). */
    public Path dataKeysDir() {
        return keysDir().resolve("data");
    }
}
