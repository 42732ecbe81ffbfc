package org.rabt.config.wiring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The health sector's inbound FHIR ({@code rabt.health.*}).
 *
 * @param instanceValidation validate every Bundle against base R4 with HAPI's instance validator
 *                           before mapping, on top of the strict parse and the profile's checks
 */
@ConfigurationProperties("rabt.health")
public record HealthProperties(@DefaultValue("true") boolean instanceValidation) {
}
