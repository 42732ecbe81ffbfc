package org.rabt.config.wiring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The health sector's inbound FHIR ({@code rabt.health.*}).
 *
 * @param instanceValidation also validate every Bundle against base R4 with HAPI's instance
 *                           validator before mapping. Off by default: it costs 20-40 ms of CPU and
 *                           hundreds of MB of definitions per hub, which on two cores caps the hub
 *                           near 50 cards/s (docs/benchmarks.md); the strict parse and the profile's
 *                           own checks, always on, refuse what the mapping cannot rely on
 */
@ConfigurationProperties("rabt.health")
public record HealthProperties(@DefaultValue("false") boolean instanceValidation) {
}
