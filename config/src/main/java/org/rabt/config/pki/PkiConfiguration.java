package org.rabt.config.pki;

import org.rabt.security.pki.HubPki;
import org.rabt.security.pki.SectorTrust;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link SectorTrust} that the exchange port, the AMQP door and the signature checks share. */
@Configuration(proxyBeanMethods = false)
public class PkiConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(PkiConfiguration.class);

    @Bean
    SectorTrust sectorTrust(HubPki pki, PkiProperties properties) {
        SectorTrust trust = SectorTrust.of(pki, properties.externalCas());
        if (trust.issuers().size() > 1) {
            LOG.info("Sector certificates of {} external CA(s) from {} are trusted beside the hub's CA",
                    trust.issuers().size() - 1, properties.trustedCaFile());
        }
        return trust;
    }
}
