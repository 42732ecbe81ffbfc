package org.rabt.config.pki;

import java.nio.file.Path;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Whom the hub trusts besides its own CA ({@code rabt.pki.*}).
 *
 * @param trustedCaFile a PEM bundle of external CA certificates whose sector certificates
 *                      (CN=&lt;sector&gt;, OU=sector) are accepted on the exchange port, on the AMQP
 *                      port and for signatures, beside those of the hub's CA; unset: the hub's CA only
 */
@ConfigurationProperties("rabt.pki")
public record PkiProperties(Path trustedCaFile) {

    public Optional<Path> externalCas() {
        return Optional.ofNullable(trustedCaFile);
    }
}
