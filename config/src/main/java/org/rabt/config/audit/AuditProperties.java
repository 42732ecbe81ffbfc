package org.rabt.config.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit log ({@code rabt.audit.*}).
 *
 * @param checkpointEvery the hub signs a checkpoint after this many entries ...
 * @param checkpointAfter ... or this long after the last one, whichever comes first
 * @param evidenceRetention how long the signed original bytes of a card are kept once it is
 *                          delivered or dead-lettered; unset keeps them for ever
 */
@ConfigurationProperties("rabt.audit")
public record AuditProperties(
        @DefaultValue("1000") int checkpointEvery,
        @DefaultValue("60s") Duration checkpointAfter,
        Duration evidenceRetention) {
}
