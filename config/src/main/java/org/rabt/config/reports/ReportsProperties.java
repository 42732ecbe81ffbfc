package org.rabt.config.reports;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reports' settings ({@code rabt.reports.*}).
 *
 * @param province   the ISO 3166-2:MA code of the province this hub serves (e.g. {@code MA-TNG}):
 *                   named in every report and required to export one for the national level
 * @param keepEvery  how often the figures of the closed periods read first are counted ahead of
 *                   readers, when an answer or a merge has changed them (route {@code reports-keep})
 * @param keepAfter  when that starts after the hub's start (not while it starts)
 */
@ConfigurationProperties("rabt.reports")
public record ReportsProperties(String province, @DefaultValue("5m") Duration keepEvery,
        @DefaultValue("1m") Duration keepAfter) {
}
