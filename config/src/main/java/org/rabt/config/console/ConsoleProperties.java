package org.rabt.config.console;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The web console's settings ({@code rabt.console.*}).
 *
 * @param timeZone the zone the console shows times in (the hub stores and exchanges UTC)
 * @param pageSize how many rows a list shows at once (search results, audit entries)
 */
@ConfigurationProperties("rabt.console")
public record ConsoleProperties(
        @DefaultValue("Africa/Casablanca") ZoneId timeZone,
        @DefaultValue("50") int pageSize) {
}
